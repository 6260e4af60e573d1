import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROUTES, SCHEDULES, STREAM_SUBSCRIPTIONS } from '../../infra/routes';
import { bundleEntry } from '../support/bundle';

/**
 * Every Lambda entry, bundled as CDK bundles it, loads in a plain Node process and exports a handler: tests and
 * the local runtime run the TypeScript sources, so only this catches a bundle that cannot even start on Lambda
 * (a CommonJS dependency's require() inside an ES module was one).
 */
describe('Lambda bundles', () => {
  const entries = [...new Set([...ROUTES, ...STREAM_SUBSCRIPTIONS, ...SCHEDULES].map((spec) => spec.entry))];
  // Inside the project, so the external AWS SDK resolves from node_modules as it does from the Lambda runtime.
  mkdirSync('node_modules/.cache', { recursive: true });
  const folder = resolve(mkdtempSync(join('node_modules/.cache', 'thidua-bundles-')));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it(`all ${entries.length} load in a fresh Node and export a handler function`, async () => {
    const files = await Promise.all(
      entries.map(async (entry) => {
        const file = join(folder, `${entry.replaceAll('/', '_')}.mjs`);
        writeFileSync(file, await bundleEntry(entry));
        return file;
      }),
    );
    const probe = join(folder, 'probe.mjs');
    writeFileSync(
      probe,
      `const results = {};
for (const file of ${JSON.stringify(files)}) {
  try { results[file] = typeof (await import(file)).handler; } catch (error) { results[file] = String(error); }
}
process.stdout.write(JSON.stringify(results));`,
    );
    const output = execFileSync(process.execPath, [probe], { env: { ...process.env, EVENTS_TABLE: 'events', VIEWS_TABLE: 'views', AWS_REGION: 'ap-southeast-1' }, maxBuffer: 16 * 1024 * 1024 });
    const results = JSON.parse(output.toString()) as Record<string, string>;
    expect(Object.fromEntries(Object.entries(results).filter(([, kind]) => kind !== 'function'))).toStrictEqual({});
    expect(Object.keys(results)).toHaveLength(entries.length);
  }, 120_000);
});
