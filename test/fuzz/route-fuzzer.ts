import * as fc from 'fast-check';
import { vnInstant } from '../../domain/time';
import type { Runtime } from '../../infra/local/runtime';
import type { RouteSpec } from '../../infra/routes';
import { type RawResponse, rawRequest } from '../support/raw-http';
import { diffViews } from '../../functions/streams/rebuild';
import { pollution, quickPollution } from '../support/pollution';
import { CAMPAIGN, ORG, paths, setUpOrganization, startTestRuntime } from '../support/runtime';
import { countEvents } from '../support/store';
import { tapEventWrites } from '../support/write-tap';
import { type FuzzCase, type Tokens, describeCase, requestFor } from './arbitraries';

/**
 * Fuzzing one route of the table through the real local HTTP server of a fresh runtime (hostile-input.test.ts
 * runs every route of the table through this; what is generated is in arbitraries.ts).
 *
 * Settings (environment):
 * - FUZZ_RUNS: generated requests per route (default 1000), split evenly between three phases on the same runtime,
 *   the clock moving forward: registration open (1 February 2021, 09:00); registration closed (1 April 2021, 09:00:
 *   only the Office's late pledges are accepted); self-assessment open (5 November 2021, 09:00: the evaluation
 *   commands get past their calendar checks).
 * - FUZZ_SEED: a fast-check seed, to replay a run (a failure prints its seed and path).
 * - FUZZ_COUNT_EVERY: requests between two counts of the events table (default 25; 1 = after every request).
 * - FUZZ_STATS=1: print where the time went.
 *
 * For every response: never a 5xx; every refusal (≥ 400) is application/problem+json with `type`, `title`,
 * `status` (= the HTTP status) and a string `code`, and wrote nothing. "Wrote nothing" is checked two ways:
 * - per request: a tap on the store client (test/support/write-tap.ts) counts every successful write call
 *   (PutItem, UpdateItem, DeleteItem, BatchWriteItem, TransactWriteItems) reaching the events table; a refused
 *   request must have made none, an accepted one at most one (one event per command);
 * - per batch: every FUZZ_COUNT_EVERY requests, and at the end of each phase, the events table is counted
 *   (countEvents: a Scan with Select COUNT) and must equal the previous count plus the writes the tap saw, all of
 *   them from accepted requests, so that no write can go around the tap unseen.
 * After every request, no injected marker key shows on a fresh object and no prototype (Object, Array, Function,
 * String) has more or fewer own keys than at the start; with every count, the prototypes' keys are compared one by
 * one (the server runs in the test's process, so its prototypes are the test's). After the three phases:
 * the views equal a rebuild from the events (diffViews, once the projector has caught up) and no stream record
 * failed.
 *
 * Cost: about 1.6 ms per request on the 2-vCPU machine this was written on (which has one core's worth of CPU:
 * two busy processes each run at half speed), mostly the AWS SDK signing each store call and dynalite; so about
 * 1.6 s per route at the default 1000, and FUZZ_RUNS to trade depth for time.
 *
 * Two kinds of request are left out, because node:http refuses them before any code of ours runs, with answers
 * that are not problem+json: raw (not percent-encoded) bytes over 0x7F in the path, and header sections over
 * 16 KB (found-defects.test.ts shows both).
 */
export const RUNS = Math.max(3, Number(process.env.FUZZ_RUNS ?? 1000));
export const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const COUNT_EVERY = Math.max(1, Number(process.env.FUZZ_COUNT_EVERY ?? 25));
export const PHASES = [
  { name: 'registration open', now: vnInstant(2021, 2, 1, 9) },
  { name: 'registration closed', now: vnInstant(2021, 4, 1, 9) },
  { name: 'self-assessment open', now: vnInstant(2021, 11, 5, 9) },
].map((phase, index, all) => ({ ...phase, runs: Math.floor(RUNS / all.length) + (index < RUNS % all.length ? 1 : 0) }));

/**
 * The routes one accepted request of which records several events by design, and says how many: the roster import's
 * apply writes one per department and member it changes (all or nothing) and answers `written`. Every other accepted
 * request writes once at the most.
 */
const MULTI_EVENT_ROUTES = new Set(['POST /orgs/{org}/roster-imports/apply']);

/** How many writes an accepted request to `route` may make: what a multi-event route says it wrote, else one. */
export const allowedWrites = (route: Pick<RouteSpec, 'method' | 'path'>, method: string, response: RawResponse): number => {
  const written = (response.json as { written?: unknown } | undefined)?.written;
  return MULTI_EVENT_ROUTES.has(`${route.method} ${route.path}`) && method === route.method && typeof written === 'number' ? written : 1;
};

/** What is wrong with one answer; empty when it is right. */
export const violations = (response: RawResponse, wrote: number, maxWrites = 1): string[] => {
  const found: string[] = [];
  if (response.status >= 500) found.push(`a ${response.status}`);
  if (response.status >= 400) {
    if (response.contentType !== 'application/problem+json') found.push(`content-type ${response.contentType} on a ${response.status}`);
    const body = response.json as Record<string, unknown> | undefined;
    if (typeof body?.type !== 'string') found.push('no problem "type"');
    if (typeof body?.title !== 'string') found.push('no problem "title"');
    if (body?.status !== response.status) found.push(`problem "status" ${String(body?.status)} is not the HTTP status ${response.status}`);
    if (typeof body?.code !== 'string') found.push('no problem "code"');
    if (wrote !== 0) found.push(`a refusal wrote ${wrote} time(s) to the events table`);
  } else if (wrote > maxWrites) {
    found.push(`one accepted request wrote ${wrote} times to the events table`);
  }
  return found;
};

/** Over all routes: how many requests, which statuses, and where the time went. */
export const tally = {
  requests: 0,
  writes: 0,
  byStatus: new Map<number, number>(),
  ms: new Map<string, { n: number; ms: number }>(),
  started: performance.now(),
  cpu: process.cpuUsage(),
  /** Milliseconds outside the requests: starting runtimes, counting, putting campaigns back, comparing views. */
  around: new Map<string, number>(),
};
const timed = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
  const started = performance.now();
  try {
    return await work();
  } finally {
    tally.around.set(label, (tally.around.get(label) ?? 0) + performance.now() - started);
  }
};

export const printTally = () => {
  const lines = [...tally.ms].sort((a, b) => b[1].ms - a[1].ms).map(([label, { n, ms }]) => `${label}: n=${n} total=${ms.toFixed(0)} ms, ${(ms / n).toFixed(2)} ms each`);
  const cpu = process.cpuUsage(tally.cpu);
  const inRequests = [...tally.ms.values()].reduce((sum, { ms }) => sum + ms, 0);
  const around = [...tally.around].map(([label, ms]) => `${label} ${(ms / 1000).toFixed(1)} s`).join(', ');
  console.log(`${(inRequests / 1000).toFixed(1)} s waiting for answers (${around}); ${tally.requests} requests, ${tally.writes} writes; ${((performance.now() - tally.started) / 1000).toFixed(1)} s, of which CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s\n${lines.join('\n')}`);
};

/**
 * Fuzzes one route on a runtime of its own (a fresh one, with a set-up organization), all three phases, then
 * compares its views with a rebuild. Answers what went wrong, one report per failed phase or check; empty when
 * nothing did.
 */
export const fuzzRoute = async (route: RouteSpec): Promise<string[]> => {
  const runtime: Runtime = await timed('start', () => startTestRuntime(PHASES[0].now));
  try {
    await timed('set-up', () => setUpOrganization(runtime));
    return await fuzzPhases(route, runtime, tapEventWrites(runtime));
  } finally {
    await timed('stop', () => runtime.stop());
  }
};

const fuzzPhases = async (route: RouteSpec, runtime: Runtime, tap: { readonly writes: number }): Promise<string[]> => {
  const key = `${route.method} ${route.path}`;
  const failures: string[] = [];
  let tokens: Tokens = {};
  /** The tap's count after the last request, and the events table as last counted with the tap's count then. */
  let writes = tap.writes;
  let counted = { events: await countEvents(runtime), writes, requests: 0 };
  /** The first failure of a phase, as it happened: shrinking replays on a changed store, and may fail otherwise. */
  let firstFailure: string | undefined;

  /** Counts the events table: it must hold exactly what the tap saw written since the last count. */
  const recount = (): Promise<string[]> => timed('counts', async () => {
    writes = tap.writes;
    const events = await countEvents(runtime);
    const expected = counted.events + (writes - counted.writes);
    const requests = counted.requests;
    counted = { events, writes, requests: 0 };
    const found = events === expected ? [] : [`the events table holds ${events} events, ${expected} expected from the accepted requests: one of the last ${requests} requests wrote around the tap`];
    return [...found, ...pollution()];
  });

  const issueTokens = async () => {
    const token = (request: Parameters<Runtime['token']>[0]) => runtime.token(request);
    tokens = {
      office: await token({ org: ORG, role: 'office' }),
      'office-again': await token({ org: ORG, role: 'office', sub: 'office-2' }),
      leader: await token({ org: ORG, role: 'leader' }),
      council: await token({ org: ORG, role: 'council', department: 'phong-b', member: 'vien-b' }),
      head: await token({ org: ORG, role: 'head', department: 'phong-a', member: 'truong-a' }),
      member: await token({ org: ORG, role: 'member', department: 'phong-a', member: 'vien-a' }),
      'office-other-org': await token({ org: 'other-org', role: 'office' }),
      none: null,
    };
  };

  /**
   * Puts the campaigns the fuzzer names back as their templates define them, at the start of each phase: every
   * phase meets real campaigns even if the one before broke one (see found-defects.test.ts).
   */
  const restoreCampaigns = async () => {
    for (const [campaignId, template] of [[CAMPAIGN, CAMPAIGN], ['cchc-2026-2030', 'cchc-2026-2030'], ['fuzz-campaign', CAMPAIGN]]) {
      const response = await rawRequest(runtime.url, {
        method: 'PUT',
        target: paths.campaign(campaignId),
        headers: { authorization: `Bearer ${tokens.office}`, 'content-type': 'application/json' },
        body: JSON.stringify({ template }),
      });
      if (response.status >= 300) throw new Error(`${key}: could not put ${campaignId} back: ${response.status} ${response.text}`);
    }
    await runtime.settle();
    return recount();
  };

  const check = async (fuzzCase: FuzzCase) => {
    const started = performance.now();
    const response = await rawRequest(runtime.url, fuzzCase.request);
    const label = `${fuzzCase.focus}/${fuzzCase.request.method === route.method ? 'own' : 'other'}-method/${response.status}`;
    const entry = tally.ms.get(label) ?? { n: 0, ms: 0 };
    tally.ms.set(label, { n: entry.n + 1, ms: entry.ms + performance.now() - started });
    const before = writes;
    writes = tap.writes;
    const wrote = writes - before;
    tally.requests++;
    tally.writes += wrote;
    tally.byStatus.set(response.status, (tally.byStatus.get(response.status) ?? 0) + 1);
    const found = [...violations(response, wrote, allowedWrites(route, fuzzCase.request.method, response)), ...quickPollution()];
    if (++counted.requests >= COUNT_EVERY) found.push(...(await recount()));
    if (found.length > 0) {
      const message = `${found.join('; ')}\n→ ${response.status} ${response.contentType ?? ''} ${response.text.slice(0, 600)}`;
      firstFailure ??= `${describeCase(fuzzCase, route)}\n${message}`;
      throw new Error(message);
    }
  };

  for (const phase of PHASES) {
    runtime.clock.set(phase.now, true);
    await timed('tokens', issueTokens);
    failures.push(...(await timed('restore', restoreCampaigns)).map((found) => `${key} (${phase.name}, before fuzzing): ${found}`));
    firstFailure = undefined;
    const details = await fc.check(
      fc.asyncProperty(requestFor(route, tokens), (fuzzCase) => check(fuzzCase)),
      { numRuns: phase.runs, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
    if (details.failed) {
      const [counterexample] = details.counterexample ?? [];
      const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      failures.push(
        `${key} (${phase.name}) failed after ${details.numRuns} of ${phase.runs} runs (seed ${details.seed}, path "${details.counterexamplePath}", shrunk ${details.numShrinks} times)\n` +
          `${counterexample ? describeCase(counterexample, route) : '(no counterexample)'}\n${error}\n` +
          `first failure, before shrinking:\n${firstFailure}`,
      );
    } else if (details.numRuns !== phase.runs) {
      failures.push(`${key} (${phase.name}): ${details.numRuns} runs instead of ${phase.runs}`);
    }
    failures.push(...(await recount()).map((found) => `${key} (${phase.name}, at its end): ${found}`));
  }

  await runtime.settle();
  const diff = await timed('views', () => diffViews(runtime.deps));
  if (diff.length > 0) failures.push(`${key}: the views differ from a rebuild from the events: ${JSON.stringify(diff).slice(0, 2000)}`);
  const failed = runtime.streams.failed.length;
  if (failed > 0) failures.push(`${key}: ${failed} stream record(s) failed in the projector`);
  failures.push(...(await recount()).map((found) => `${key} (at the end): ${found}`));
  return failures;
};
