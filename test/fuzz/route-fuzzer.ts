import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import { diffViews } from '../../functions/streams/rebuild';
import type { Runtime } from '../../infra/local/runtime';
import { ROUTES, type RouteSpec } from '../../infra/routes';
import { type RawResponse, closeRawConnections, rawRequest } from '../support/raw-http';
import { CAMPAIGN, ORG, paths, setUpOrganization, startTestRuntime } from '../support/runtime';
import { countEvents } from '../support/store';
import { tapEventWrites } from '../support/write-tap';
import { type FuzzCase, POLLUTION_MARKERS, type Tokens, VALID_BODIES, describeCase, requestFor } from './arbitraries';

/**
 * Property-based fuzzing (fast-check) of every route of the route table, through the real local HTTP server: a
 * route added to the table later is fuzzed with no change here. Each route gets its own runtime (in memory) with a
 * set-up organization (setUpOrganization), so that one route's fuzzing neither slows down nor breaks the next.
 * hostile-input.test.ts and hostile-input.part-2.test.ts each take half of the table (even and odd indexes), so
 * that vitest runs the two halves in parallel. What is generated: arbitraries.ts. Two kinds of request are left
 * out, because node:http refuses them before any code of ours runs, with answers that are not problem+json: raw
 * (not percent-encoded) bytes over 0x7F in the path, and header sections over 16 KB (found-defects.test.ts).
 *
 * Settings (environment):
 * - FUZZ_RUNS: generated requests per route (default 1000), split evenly between three phases on the same runtime,
 *   the clock moving forward: registration open (1 February 2021, 09:00); registration closed (1 April 2021, 09:00:
 *   only the Office's late pledges are accepted); self-assessment open (5 November 2021, 09:00: the evaluation
 *   commands get past their calendar checks).
 * - FUZZ_SEED: a fast-check seed, to replay a run (a failure prints its seed and path).
 * - FUZZ_COUNT_EVERY: how many requests between two counts of the events table (default 10; 1 = every request).
 * - FUZZ_STATS=1: print where the time went.
 *
 * For every response: never a 5xx; every refusal (≥ 400) is application/problem+json with `type`, `title`,
 * `status` (= the HTTP status) and a string `code`, and wrote nothing. "Wrote nothing" is checked two ways:
 * - per request: a tap on the store client (test/support/write-tap.ts) counts every successful write call
 *   (PutItem, UpdateItem, DeleteItem, BatchWriteItem, TransactWriteItems) reaching the events table; a refused
 *   request must have made none, an accepted one at most one (one event per command);
 * - per batch: every FUZZ_COUNT_EVERY requests, at the end of each phase and of each route, the events table is
 *   counted (countEvents: a Scan with Select COUNT) and must equal the previous count plus the writes of the
 *   accepted requests in between, so that no write can go around the tap unseen.
 * After each request, no prototype (Object, Array, Function, String) has gained or lost a property and none of
 * the injected marker keys is visible on a fresh object. After each route: the views equal a rebuild from the
 * events (diffViews, once the projector has caught up) and no stream record failed.
 */
export const RUNS = Math.max(3, Number(process.env.FUZZ_RUNS ?? 1000));
export const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const COUNT_EVERY = Math.max(1, Number(process.env.FUZZ_COUNT_EVERY ?? 10));
export const PHASES = [
  { name: 'registration open', now: vnInstant(2021, 2, 1, 9) },
  { name: 'registration closed', now: vnInstant(2021, 4, 1, 9) },
  { name: 'self-assessment open', now: vnInstant(2021, 11, 5, 9) },
].map((phase, index, all) => ({ ...phase, runs: Math.floor(RUNS / all.length) + (index < RUNS % all.length ? 1 : 0) }));

const PROTOTYPES = { Object: Object.prototype, Array: Array.prototype, Function: Function.prototype, String: String.prototype } as const;
const prototypeShape = () => Object.fromEntries(Object.entries(PROTOTYPES).map(([name, proto]) => [name, Reflect.ownKeys(proto).map(String).sort().join(',')]));
const SHAPE_BEFORE = prototypeShape();

/** Signs that a prototype was polluted; empty when none is. */
const pollution = (): string[] => {
  const found: string[] = [];
  for (const marker of POLLUTION_MARKERS) {
    const onObject = ({} as Record<string, unknown>)[marker];
    const onArray = ([] as unknown as Record<string, unknown>)[marker];
    if (onObject !== undefined || onArray !== undefined) found.push(`({}).${marker} is now ${String(onObject ?? onArray)}`);
  }
  const shape = prototypeShape();
  for (const name of Object.keys(PROTOTYPES)) if (shape[name] !== SHAPE_BEFORE[name]) found.push(`${name}.prototype changed: ${shape[name]}`);
  return found;
};

/** What is wrong with one answer; empty when it is right. */
const violations = (response: RawResponse, wrote: number): string[] => {
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
  return [...found, ...pollution()];
};

/** Over all routes: how many requests, which statuses, and where the time went. */
const tally = { requests: 0, writes: 0, byStatus: new Map<number, number>(), ms: new Map<string, { n: number; ms: number }>(), started: performance.now(), cpu: process.cpuUsage() };

/** One route: its own runtime, both phases, then the views against a rebuild. */
const fuzzRoute = (route: RouteSpec) => {
  const key = `${route.method} ${route.path}`;
  let runtime: Runtime;
  let tokens: Tokens = {};
  let tap: { readonly writes: number };
  /** The events table as last counted, the tap's count then, and the requests since. */
  let counted = { events: 0, writes: 0, requests: 0 };
  /** The first failure of a phase, as it happened: shrinking replays on a changed store, and may fail otherwise. */
  let firstFailure: string | undefined;

  /** Counts the events table: it must hold exactly what the tap saw written since the last count. */
  const recount = async () => {
    const events = await countEvents(runtime);
    const expected = counted.events + (tap.writes - counted.writes);
    const requests = counted.requests;
    counted = { events, writes: tap.writes, requests: 0 };
    if (events !== expected) throw new Error(`the events table holds ${events} events, ${expected} expected from the accepted requests: one of the last ${requests} requests wrote around the tap`);
  };

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
   * Puts the campaigns the fuzzer names back as their templates define them, at the start of each phase: the
   * second phase meets real campaigns even if the first one broke one (see found-defects.test.ts).
   */
  const restoreCampaigns = async () => {
    for (const [campaignId, template] of [[CAMPAIGN, CAMPAIGN], ['cchc-2026-2030', 'cchc-2026-2030'], ['fuzz-campaign', CAMPAIGN]]) {
      const response = await rawRequest(runtime.url, {
        method: 'PUT',
        target: paths.campaign(campaignId),
        headers: { authorization: `Bearer ${tokens.office}`, 'content-type': 'application/json' },
        body: JSON.stringify({ template }),
      });
      expect(response.status, response.text).toBeLessThan(300);
    }
    await runtime.settle();
    await recount();
  };

  const check = async (fuzzCase: FuzzCase) => {
    const writesBefore = tap.writes;
    const started = performance.now();
    const response = await rawRequest(runtime.url, fuzzCase.request);
    const label = `${fuzzCase.focus}/${fuzzCase.request.method === route.method ? 'own' : 'other'}-method/${response.status}`;
    const entry = tally.ms.get(label) ?? { n: 0, ms: 0 };
    tally.ms.set(label, { n: entry.n + 1, ms: entry.ms + performance.now() - started });
    const wrote = tap.writes - writesBefore;
    tally.requests++;
    tally.writes += wrote;
    tally.byStatus.set(response.status, (tally.byStatus.get(response.status) ?? 0) + 1);
    const found = violations(response, wrote);
    if (found.length > 0) {
      const message = `${found.join('; ')}\n→ ${response.status} ${response.contentType ?? ''} ${response.text.slice(0, 600)}`;
      firstFailure ??= `${describeCase(fuzzCase, route)}\n${message}`;
      throw new Error(message);
    }
    if (++counted.requests >= COUNT_EVERY) await recount();
  };

  describe(key, () => {
    beforeAll(async () => {
      runtime = await startTestRuntime(PHASES[0].now);
      await setUpOrganization(runtime);
      tap = tapEventWrites(runtime);
      counted = { events: await countEvents(runtime), writes: 0, requests: 0 };
    });
    afterAll(async () => {
      await runtime?.stop();
    });

    for (const phase of PHASES) {
      it(`${phase.name}: ${phase.runs} generated requests, never a 5xx, always problem+json, no write on refusal`, { timeout: 60_000 + phase.runs * 100 }, async () => {
        runtime.clock.set(phase.now, true);
        await issueTokens();
        await restoreCampaigns();
        firstFailure = undefined;
        const details = await fc.check(
          fc.asyncProperty(requestFor(route, tokens), (fuzzCase) => check(fuzzCase)),
          { numRuns: phase.runs, ...(SEED === undefined ? {} : { seed: SEED }) },
        );
        if (details.failed) {
          const [counterexample] = details.counterexample ?? [];
          const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
          throw new Error(
            `${key} (${phase.name}) failed after ${details.numRuns} runs (seed ${details.seed}, path "${details.counterexamplePath}", shrunk ${details.numShrinks} times)\n` +
              `${counterexample ? describeCase(counterexample, route) : '(no counterexample)'}\n${error}\n` +
              `first failure, before shrinking:\n${firstFailure}`,
          );
        }
        expect(details.numRuns).toBe(phase.runs);
        await recount();
      });
    }

    it('then the views equal a rebuild from the events, and every event was counted', async () => {
      await runtime.settle();
      expect(await diffViews(runtime.deps)).toEqual([]);
      expect(runtime.streams.failed).toEqual([]);
      await recount();
    });
  });
};

/**
 * The hostile-input suite for one shard of the route table: routes whose index modulo `of` is `shard` (so two
 * test files, run in parallel by vitest, share the table; a route added anywhere lands in one of them). `extra`
 * adds tests of the caller's own inside the suite, before the checks that close it.
 */
export const describeHostileInput = (title: string, shard: number, of: number, extra: () => void = () => undefined) =>
  describe(title, () => {
    const routes = ROUTES.filter((_route, index) => index % of === shard);
    afterAll(() => {
      closeRawConnections();
      if (process.env.FUZZ_STATS) {
        const lines = [...tally.ms].sort((a, b) => b[1].ms - a[1].ms).map(([label, { n, ms }]) => `${label}: n=${n} total=${ms.toFixed(0)} ms, ${(ms / n).toFixed(2)} ms each`);
        const cpu = process.cpuUsage(tally.cpu);
        console.log(`${tally.requests} requests, ${tally.writes} writes; ${((performance.now() - tally.started) / 1000).toFixed(1)} s, of which CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s\n${lines.join('\n')}`);
      }
    });

    it('the write tap sees the write of a command (so that it would see a write on refusal)', async () => {
      const runtime = await startTestRuntime(PHASES[0].now);
      try {
        const tap = tapEventWrites(runtime);
        const response = await rawRequest(runtime.url, {
          method: 'PUT',
          target: paths.department('phong-tap'),
          headers: { authorization: `Bearer ${await runtime.token({ org: ORG, role: 'office' })}`, 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'Phòng Tap' }),
        });
        expect(response.status).toBe(201);
        expect(tap.writes).toBe(1);
        expect(await countEvents(runtime)).toBe(1);
      } finally {
        await runtime.stop();
      }
    });

    it(`fuzzes its share of the route table: ${routes.length} of ${ROUTES.length} routes`, () => {
      expect(routes.length).toBeGreaterThan(0);
      expect(routes.every((route) => ROUTES.includes(route))).toBe(true);
    });

    for (const route of routes) fuzzRoute(route);

    extra();

    it('after all of it, no prototype gained a property', () => {
      expect(pollution()).toEqual([]);
      for (const marker of POLLUTION_MARKERS) expect(({} as Record<string, unknown>)[marker]).toBeUndefined();
    });

    it('the fuzzing reached the handlers: accepted requests and every kind of refusal its routes can give', () => {
      // A fuzzer that only ever got 401s or 404s would prove nothing.
      expect(tally.requests).toBeGreaterThan(routes.length);
      const takesBodies = routes.some((route) => route.method === 'PUT' || route.method === 'POST');
      const writable = routes.some((route) => `${route.method} ${route.path}` in VALID_BODIES);
      if (writable) expect(tally.writes).toBeGreaterThan(0);
      if (RUNS >= 200) {
        const expected = [200, 400, 401, 403, 404, 405, ...(takesBodies ? [413, 415] : [])];
        for (const status of expected) {
          expect(tally.byStatus.get(status) ?? 0, `responses with status ${status}: ${JSON.stringify([...tally.byStatus].sort())}`).toBeGreaterThan(0);
        }
      }
    });
  });
