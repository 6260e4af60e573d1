import { parentPort } from 'node:worker_threads';
import { diffViews } from '../../functions/streams/rebuild';
import type { TokenRequest } from '../../infra/local/auth';
import type { Runtime } from '../../infra/local/runtime';
import { pollution } from './pollution';
import { setUpOrganization, startTestRuntime } from './runtime';
import { countEvents } from './store';
import { tapEventWrites } from './write-tap';

/**
 * The other end of runtime-host.ts: test runtimes living in a worker thread (an event loop of its own, on another
 * core), driven by messages { id, op, args }, each answered { id, result } or { id, error }.
 */
const runtimes = new Map<number, { runtime: Runtime; tap: { readonly writes: number } }>();
let next = 1;

const get = (handle: number) => {
  const entry = runtimes.get(handle);
  if (!entry) throw new Error(`no runtime ${handle}`);
  return entry;
};

export const operations = {
  start: async (now: string) => {
    const runtime = await startTestRuntime(new Date(now));
    const handle = next++;
    runtimes.set(handle, { runtime, tap: tapEventWrites(runtime) });
    return { handle, url: runtime.url };
  },
  setUpOrganization: async (handle: number) => {
    await setUpOrganization(get(handle).runtime);
  },
  token: (handle: number, request: TokenRequest) => get(handle).runtime.token(request),
  setClock: (handle: number, now: string) => get(handle).runtime.clock.set(new Date(now), true),
  writes: (handle: number) => get(handle).tap.writes,
  countEvents: (handle: number) => countEvents(get(handle).runtime),
  settle: async (handle: number) => {
    await get(handle).runtime.settle();
  },
  diffViews: (handle: number) => diffViews(get(handle).runtime.deps),
  failedRecords: (handle: number) => get(handle).runtime.streams.failed.length,
  pollution: () => pollution(),
  stop: async (handle: number) => {
    await get(handle).runtime.stop();
    runtimes.delete(handle);
  },
};
export type Operations = typeof operations;

parentPort?.on('message', async ({ id, op, args }: { id: number; op: keyof Operations; args: unknown[] }) => {
  try {
    const result = await (operations[op] as (...values: unknown[]) => unknown)(...args);
    parentPort!.postMessage({ id, result });
  } catch (error) {
    parentPort!.postMessage({ id, error: String((error as Error)?.stack ?? error) });
  }
});
parentPort?.postMessage({ ready: true });
