import * as fc from 'fast-check';
import { vnInstant } from '../../domain/time';
import type { RouteSpec } from '../../infra/routes';
import { type RawResponse, rawRequest } from '../support/raw-http';
import type { HostedRuntime } from '../support/runtime-host';
import { pollution } from '../support/pollution';
import { CAMPAIGN, ORG, paths } from '../support/runtime';
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
 * - FUZZ_COUNT_EVERY: requests between two counts of the events table (default 10; 1 = after every request).
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
 * No prototype (Object, Array, Function, String) of the thread the server runs in may gain or lose a property,
 * nor show an injected marker key: checked after every request when the server runs in the test's thread, with
 * every count when it runs in the worker thread. After the three phases: the views equal a rebuild from the
 * events (diffViews, once the projector has caught up) and no stream record failed.
 *
 * Two kinds of request are left out, because node:http refuses them before any code of ours runs, with answers
 * that are not problem+json: raw (not percent-encoded) bytes over 0x7F in the path, and header sections over
 * 16 KB (found-defects.test.ts shows both).
 */
export const RUNS = Math.max(3, Number(process.env.FUZZ_RUNS ?? 1000));
export const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const COUNT_EVERY = Math.max(1, Number(process.env.FUZZ_COUNT_EVERY ?? 10));
export const PHASES = [
  { name: 'registration open', now: vnInstant(2021, 2, 1, 9) },
  { name: 'registration closed', now: vnInstant(2021, 4, 1, 9) },
  { name: 'self-assessment open', now: vnInstant(2021, 11, 5, 9) },
].map((phase, index, all) => ({ ...phase, runs: Math.floor(RUNS / all.length) + (index < RUNS % all.length ? 1 : 0) }));

/** What is wrong with one answer; empty when it is right. */
export const violations = (response: RawResponse, wrote: number): string[] => {
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
  } else if (wrote > 1) {
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
};

export const printTally = () => {
  const lines = [...tally.ms].sort((a, b) => b[1].ms - a[1].ms).map(([label, { n, ms }]) => `${label}: n=${n} total=${ms.toFixed(0)} ms, ${(ms / n).toFixed(2)} ms each`);
  const cpu = process.cpuUsage(tally.cpu);
  console.log(`${tally.requests} requests, ${tally.writes} writes; ${((performance.now() - tally.started) / 1000).toFixed(1)} s, of which CPU of the test's thread ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s\n${lines.join('\n')}`);
};

/**
 * Fuzzes one route on a runtime of its own (in its initial state), all three phases, then compares its views with a
 * rebuild. Answers what went wrong, one report per failed phase or check; empty when nothing did.
 */
export const fuzzRoute = async (route: RouteSpec, runtime: HostedRuntime): Promise<string[]> => {
  const key = `${route.method} ${route.path}`;
  const failures: string[] = [];
  let tokens: Tokens = {};
  /** The tap's count after the last request, and the events table as last counted with the tap's count then. */
  let writes = await runtime.writes();
  let counted = { events: await runtime.countEvents(), writes, requests: 0 };
  /** The first failure of a phase, as it happened: shrinking replays on a changed store, and may fail otherwise. */
  let firstFailure: string | undefined;

  /** Counts the events table: it must hold exactly what the tap saw written since the last count. */
  const recount = async () => {
    writes = await runtime.writes();
    const events = await runtime.countEvents();
    const expected = counted.events + (writes - counted.writes);
    const requests = counted.requests;
    counted = { events, writes, requests: 0 };
    const found = events === expected ? [] : [`the events table holds ${events} events, ${expected} expected from the accepted requests: one of the last ${requests} requests wrote around the tap`];
    if (runtime.thread === 'worker') found.push(...(await runtime.pollution()));
    return found;
  };

  const issueTokens = async () => {
    const token = (request: Parameters<HostedRuntime['token']>[0]) => runtime.token(request);
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
    writes = await runtime.writes();
    const wrote = writes - before;
    tally.requests++;
    tally.writes += wrote;
    tally.byStatus.set(response.status, (tally.byStatus.get(response.status) ?? 0) + 1);
    const found = [...violations(response, wrote), ...(runtime.thread === 'main' ? pollution() : [])];
    if (++counted.requests >= COUNT_EVERY) found.push(...(await recount()));
    if (found.length > 0) {
      const message = `${found.join('; ')}\n→ ${response.status} ${response.contentType ?? ''} ${response.text.slice(0, 600)}`;
      firstFailure ??= `${describeCase(fuzzCase, route)}\n${message}`;
      throw new Error(message);
    }
  };

  await runtime.setUpOrganization();
  for (const phase of PHASES) {
    await runtime.setClock(phase.now);
    await issueTokens();
    failures.push(...(await restoreCampaigns()).map((found) => `${key} (${phase.name}, before fuzzing): ${found}`));
    firstFailure = undefined;
    const details = await fc.check(
      fc.asyncProperty(requestFor(route, tokens), (fuzzCase) => check(fuzzCase)),
      { numRuns: phase.runs, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
    if (details.failed) {
      const [counterexample] = details.counterexample ?? [];
      const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      failures.push(
        `${key} (${phase.name}) failed after ${details.numRuns} of ${phase.runs} runs (seed ${details.seed}, path "${details.counterexamplePath}", shrunk ${details.numShrinks} times; server in the ${runtime.thread} thread)\n` +
          `${counterexample ? describeCase(counterexample, route) : '(no counterexample)'}\n${error}\n` +
          `first failure, before shrinking:\n${firstFailure}`,
      );
    } else if (details.numRuns !== phase.runs) {
      failures.push(`${key} (${phase.name}): ${details.numRuns} runs instead of ${phase.runs}`);
    }
    failures.push(...(await recount()).map((found) => `${key} (${phase.name}, at its end): ${found}`));
  }

  await runtime.settle();
  const diff = await runtime.diffViews();
  if (diff.length > 0) failures.push(`${key}: the views differ from a rebuild from the events: ${JSON.stringify(diff).slice(0, 2000)}`);
  const failed = await runtime.failedRecords();
  if (failed > 0) failures.push(`${key}: ${failed} stream record(s) failed in the projector`);
  failures.push(...(await recount()).map((found) => `${key} (at the end): ${found}`));
  return failures;
};
