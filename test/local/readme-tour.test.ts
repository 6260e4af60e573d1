import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../functions/log';
import { type Runtime, startRuntime } from '../../infra/local/runtime';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const tour = README.slice(README.indexOf('## Five minutes with curl'));
/** The instant the README tells the reader to start the server at: the tour then reads the same on any day. */
const pinned = /THIDUA_NOW=(\S+) npm start/.exec(tour)![1];
const script = /```sh\n([\s\S]*?)```/.exec(tour)![1];

describe("the README's curl tour, run as written against a server started as it says", () => {
  let runtime: Runtime;
  let output: string;
  // The tour saves a report into test-artifacts/ (gitignored; a so-ket.docx in the repository root once got
  // committed): here in a folder of its own, never the working tree.
  const cwd = mkdtempSync(join(tmpdir(), 'thidua-tour-'));
  beforeAll(async () => {
    runtime = await startRuntime({ data: 'memory', port: 0, now: new Date(pinned), seed: true, log: silentLogger });
    // Asynchronously: the server runs in this process and must answer while the script waits.
    ({ stdout: output } = await promisify(execFile)('bash', ['-c', script.replace('U=http://127.0.0.1:3000', `U=${runtime.url}`)], { encoding: 'utf8', timeout: 60_000, cwd }));
  }, 90_000);
  afterAll(async () => {
    rmSync(cwd, { recursive: true, force: true });
    await runtime?.stop();
  });

  it('saves the report into test-artifacts/, which git ignores: a .docx (a zip)', () => {
    expect(readFileSync(join(cwd, 'test-artifacts', 'so-ket.docx')).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(readFileSync(new URL('../../.gitignore', import.meta.url), 'utf8').split('\n')).toContain('test-artifacts/');
  });

  it('opens 2027, registers (201, ETag "1"), amends with If-Match (200, ETag "2"), and is refused after the deadline', () => {
    // curl -s prints a JSON body without a final newline: the next answer's status line follows on the same line.
    const statuses = [...output.matchAll(/HTTP\/1\.1 (\d+)/g)].map((match) => match[1]);
    expect(statuses).toEqual(['201', '200']);
    expect(output).toMatch(/^etag: "1"/im);
    expect(output).toMatch(/^etag: "2"/im);
    expect(output).toContain('"registrationStatus":"open"');
    expect(output.slice(output.lastIndexOf('{'))).toContain('"code":"registration-closed"');
  });
});
