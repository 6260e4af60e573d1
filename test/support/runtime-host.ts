import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { diffViews } from '../../functions/streams/rebuild';
import type { TokenRequest } from '../../infra/local/auth';
import { pollution } from './pollution';
import { setUpOrganization, startTestRuntime } from './runtime';
import type { Operations } from './runtime-worker';
import { countEvents } from './store';
import { tapEventWrites } from './write-tap';

/**
 * Test runtimes in a worker thread, reached by messages: a second core for a test file that one core cannot carry
 * (vitest gives a 2-core machine a single worker, and a runtime's server and store run on its event loop).
 */
export const startRuntimeWorker = async () => {
  // tsx's ESM hooks, registered inside the worker, load the TypeScript sources the way `npm start` does.
  const tsx = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const entry = pathToFileURL(fileURLToPath(new URL('./runtime-worker.ts', import.meta.url))).href;
  const worker = new Worker(
    `(async () => { const { register } = await import(${JSON.stringify(tsx)}); register(); await import(${JSON.stringify(entry)}); })().catch((error) => { console.error(error); process.exit(1); });`,
    { eval: true, env: { ...process.env } },
  );
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let next = 1;
  const failAll = (error: Error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the runtime worker did not start within 30 s')), 30_000);
    worker.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
      failAll(error);
    });
    worker.on('exit', (code) => {
      clearTimeout(timer);
      const error = new Error(`the runtime worker exited (code ${code})`);
      reject(error);
      failAll(error);
    });
    worker.on('message', (message: { ready?: boolean; id?: number; result?: unknown; error?: string }) => {
      if (message.ready) {
        clearTimeout(timer);
        return resolve();
      }
      const waiting = pending.get(message.id!);
      pending.delete(message.id!);
      if (message.error !== undefined) waiting?.reject(new Error(message.error));
      else waiting?.resolve(message.result);
    });
  });
  const call = <K extends keyof Operations>(op: K, ...args: Parameters<Operations[K]>): Promise<Awaited<ReturnType<Operations[K]>>> =>
    new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, op, args });
    });
  return { call, terminate: () => worker.terminate() };
};
export type RuntimeWorker = Awaited<ReturnType<typeof startRuntimeWorker>>;

/**
 * A test runtime seen through one asynchronous interface, wherever it runs: in this thread (startTestRuntime), or
 * in a runtime worker. Its write tap (write-tap.ts) is installed at start; `pollution` looks at the prototypes of
 * the thread the runtime's server runs in.
 */
export interface HostedRuntime {
  readonly url: string;
  readonly thread: 'main' | 'worker';
  setUpOrganization(): Promise<void>;
  token(request: TokenRequest): Promise<string>;
  setClock(now: Date): Promise<void>;
  /** Successful write calls to the events table since start. */
  writes(): Promise<number>;
  countEvents(): Promise<number>;
  settle(): Promise<void>;
  diffViews(): Promise<unknown[]>;
  failedRecords(): Promise<number>;
  pollution(): Promise<string[]>;
  stop(): Promise<void>;
}

export const startHostedRuntime = async (now: Date, worker?: RuntimeWorker): Promise<HostedRuntime> => {
  if (worker) {
    const { handle, url } = await worker.call('start', now.toISOString());
    return {
      url,
      thread: 'worker',
      setUpOrganization: () => worker.call('setUpOrganization', handle),
      token: (request) => worker.call('token', handle, request),
      setClock: async (instant) => worker.call('setClock', handle, instant.toISOString()),
      writes: () => worker.call('writes', handle),
      countEvents: () => worker.call('countEvents', handle),
      settle: () => worker.call('settle', handle),
      diffViews: () => worker.call('diffViews', handle),
      failedRecords: () => worker.call('failedRecords', handle),
      pollution: () => worker.call('pollution'),
      stop: () => worker.call('stop', handle),
    };
  }
  const runtime = await startTestRuntime(now);
  const tap = tapEventWrites(runtime);
  return {
    url: runtime.url,
    thread: 'main',
    setUpOrganization: async () => {
      await setUpOrganization(runtime);
    },
    token: (request) => runtime.token(request),
    setClock: async (instant) => runtime.clock.set(instant, true),
    writes: async () => tap.writes,
    countEvents: () => countEvents(runtime),
    settle: () => runtime.settle(),
    diffViews: () => diffViews(runtime.deps),
    failedRecords: async () => runtime.streams.failed.length,
    pollution: async () => pollution(),
    stop: () => runtime.stop(),
  };
};
