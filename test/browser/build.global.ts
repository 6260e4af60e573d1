import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildConsole } from '../../infra/local/build-console';

declare module 'vitest' {
  export interface ProvidedContext {
    webDist: string;
  }
}

/** Builds the console once for the whole run, into a folder of its own (never the web/dist others may be serving). */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-web-'));
  await buildConsole(dir);
  project.provide('webDist', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
