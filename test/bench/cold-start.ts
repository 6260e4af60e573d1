import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleEntry } from '../support/bundle';
import { median } from './stats';

/** Milliseconds for a fresh `node` to run a script once (the process start itself included). */
const nodeStart = (file: string): number => {
  const started = performance.now();
  execFileSync(process.execPath, [file], { stdio: 'ignore', env: { ...process.env, EVENTS_TABLE: 'e', VIEWS_TABLE: 'v', AWS_REGION: 'ap-southeast-1' } });
  return performance.now() - started;
};

/**
 * The cold `import` cost of each Lambda bundle: a fresh Node loading it (with the AWS SDK it imports, as the Lambda
 * runtime loads it too), against a fresh Node loading an empty module. The difference is what a cold start adds.
 * Rounds interleave the baseline with every bundle (empty, a, b, ..., empty, a, b, ...), so a busy moment of the
 * machine hits both sides of a difference; each figure is the median of its round's differences.
 */
export const coldImportMs = async (entries: readonly string[], runs = 5) => {
  // Inside the project, so the external SDK resolves from node_modules as it does from the Lambda runtime.
  mkdirSync('node_modules/.cache', { recursive: true });
  const folder = mkdtempSync(join('node_modules/.cache', 'thidua-cold-'));
  try {
    const empty = join(folder, 'empty.mjs');
    writeFileSync(empty, '');
    const files = new Map<string, string>();
    for (const entry of entries) {
      const file = join(folder, `${entry.replaceAll('/', '_')}.mjs`);
      // The SDK is external in the bundle; node_modules is resolvable from the project, so point imports there.
      writeFileSync(file, await bundleEntry(entry));
      files.set(entry, file);
    }
    const baselines: number[] = [];
    const added = new Map<string, number[]>(entries.map((entry) => [entry, []]));
    for (let run = 0; run < runs; run++) {
      const baseline = nodeStart(empty);
      baselines.push(baseline);
      for (const [entry, file] of files) added.get(entry)!.push(nodeStart(file) - baseline);
    }
    const results = Object.fromEntries([...added].map(([entry, each]) => [entry, Math.round(median(each) * 10) / 10]));
    return { emptyNodeStartMs: Math.round(median(baselines)), addedByImportMs: results, runs };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
};
