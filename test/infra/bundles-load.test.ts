import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../functions/http/openapi-document';
import { ROUTES, SCHEDULES, STREAM_SUBSCRIPTIONS } from '../../infra/routes';
import { bundleEntryWithKind } from '../support/bundle';

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

  const files = new Map<string, { file: string; kb: number; documents: boolean }>();
  beforeAll(async () => {
    for (const entry of entries) {
      const file = join(folder, `${entry.replaceAll('/', '_')}.mjs`);
      const { bytes, documents } = await bundleEntryWithKind(entry);
      writeFileSync(file, bytes);
      files.set(entry, { file, kb: bytes.length / 1024, documents });
    }
  }, 120_000);
  /** Runs `script` in a fresh Node, with the environment a function has, and returns what it wrote. */
  const inNode = (script: string) => {
    const probe = join(folder, 'probe.mjs');
    writeFileSync(probe, script);
    return execFileSync(process.execPath, [probe], { env: { ...process.env, EVENTS_TABLE: 'events', VIEWS_TABLE: 'views', AWS_REGION: 'ap-southeast-1' }, maxBuffer: 16 * 1024 * 1024 }).toString();
  };

  it(`all ${entries.length} load in a fresh Node and export a handler function`, () => {
    const output = inNode(`const results = {};
for (const file of ${JSON.stringify([...files.values()].map((each) => each.file))}) {
  try { results[file] = typeof (await import(file)).handler; } catch (error) { results[file] = String(error); }
}
process.stdout.write(JSON.stringify(results));`);
    const results = JSON.parse(output) as Record<string, string>;
    expect(Object.fromEntries(Object.entries(results).filter(([, kind]) => kind !== 'function'))).toStrictEqual({});
    expect(Object.keys(results)).toHaveLength(entries.length);
  }, 120_000);

  it('keeps every JSON function (all but those carrying docx or exceljs) at 150 KB or less', () => {
    expect([...files.values()].filter((each) => each.documents).length).toBeGreaterThan(0);
    const over = [...files].filter(([, { kb, documents }]) => !documents && kb > 150).map(([entry, { kb }]) => `${entry}: ${kb.toFixed(1)} KB`);
    expect(over).toEqual([]);
  });

  it('serves, from the get-openapi bundle, the document built at build time: the one the sources build', () => {
    const { file, kb } = files.get('functions/http/get-openapi.ts')!;
    // Without the embedded document it would carry zod's JSON Schema conversion and every contract (160 KB).
    expect(kb).toBeLessThan(60);
    inNode(`import { writeFileSync } from 'node:fs';
const { handler } = await import(${JSON.stringify(file)});
const answer = await handler({ version: '2.0', routeKey: 'GET /openapi.json', rawPath: '/openapi.json', headers: {}, requestContext: { requestId: 'r', http: { method: 'GET', path: '/openapi.json' } } }, {});
writeFileSync(${JSON.stringify(`${file}.answer.json`)}, JSON.stringify(answer));`);
    const answer = JSON.parse(readFileSync(`${file}.answer.json`, 'utf8'));
    expect(answer.statusCode).toBe(200);
    expect(JSON.parse(answer.body)).toStrictEqual(openApiDocument());
  }, 60_000);
});
