import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleEntry } from '../support/bundle';
import { median } from './stats';

/** Milliseconds for a fresh `node` to run a script, median of `runs` (the process start itself included). */
const nodeStart = (file: string, runs: number): number => {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    execFileSync(process.execPath, [file], { stdio: 'ignore', env: { ...process.env, EVENTS_TABLE: 'e', VIEWS_TABLE: 'v', AWS_REGION: 'ap-southeast-1' } });
    times.push(performance.now() - started);
  }
  return median(times);
};

/**
 * The cold `import` cost of each Lambda bundle: a fresh Node loading it (with the AWS SDK it imports, as the Lambda
 * runtime loads it too), against a fresh Node loading an empty module. The difference is what a cold start adds.
 */
export const coldImportMs = async (entries: readonly string[], runs = 5) => {
  // Inside the project, so the external SDK resolves from node_modules as it does from the Lambda runtime.
  mkdirSync('node_modules/.cache', { recursive: true });
  const folder = mkdtempSync(join('node_modules/.cache', 'thidua-cold-'));
  try {
    const empty = join(folder, 'empty.mjs');
    writeFileSync(empty, '');
    const baseline = nodeStart(empty, runs);
    const results: Record<string, number> = {};
    for (const entry of entries) {
      const file = join(folder, `${entry.replaceAll('/', '_')}.mjs`);
      // The SDK is external in the bundle; node_modules is resolvable from the project, so point imports there.
      const bundled = await bundleEntry(entry);
      writeFileSync(file, bundled);
      results[entry] = Math.round((nodeStart(file, runs) - baseline) * 10) / 10;
    }
    return { emptyNodeStartMs: Math.round(baseline), addedByImportMs: results };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
};
