import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../infra/local/runtime';
import { ROUTES } from '../../infra/routes';
import { POLLUTION_MARKERS, pollution } from '../support/pollution';
import { closeRawConnections, rawRequest } from '../support/raw-http';
import { ORG, paths, setUpOrganization, startTestRuntime } from '../support/runtime';
import { countEvents } from '../support/store';
import { tapEventWrites } from '../support/write-tap';
import { VALID_BODIES } from './arbitraries';
import { PHASES, RUNS, SEED, fuzzRoute, printTally, tally } from './route-fuzzer';

/**
 * Hostile input: property-based fuzzing (fast-check) of EVERY route of the route table (a route added later is
 * fuzzed with no change here), FUZZ_RUNS generated requests per route (default 1000), each route on a fresh runtime
 * with a set-up organization, through the real local HTTP server. What is generated: arbitraries.ts; what is
 * checked, the settings and the cost: route-fuzzer.ts.
 */
describe('hostile input: every route of the table', () => {
  afterAll(() => {
    closeRawConnections();
    if (process.env.FUZZ_STATS) printTally();
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

  for (const route of ROUTES) {
    it(`${route.method} ${route.path}: ${RUNS} generated requests; never a 5xx, always problem+json, no write on refusal`, { timeout: 60_000 + RUNS * 100 }, async () => {
      const failures = await fuzzRoute(route);
      if (failures.length > 0) throw new Error(failures.join('\n\n'));
    });
  }

  describe('NFD and NFC: one name, however it is typed', () => {
    const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
    const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quốc'];
    const GIVEN = ['An', 'Bích', 'Cường', 'Dũng', 'Hằng', 'Khoa', 'Lộc', 'Nhung', 'Phượng', 'Quỳnh', 'Sơn', 'Tuấn', 'Uyên', 'Việt', 'Yến', 'Ánh', 'Ổn', 'Ưng'];
    const FORMS = ['NFC', 'NFD', 'NFKC', 'NFKD'] as const;
    /** A name, and two ways of typing it: each word in a normalization form of its own, with stray spaces. */
    const typedName = fc
      .tuple(fc.constantFrom(...FAMILY), fc.constantFrom(...MIDDLE), fc.constantFrom(...GIVEN), fc.array(fc.constantFrom(...FORMS), { minLength: 6, maxLength: 6 }), fc.boolean())
      .map(([family, middle, given, forms, padded]) => {
        const words = [family, middle, given];
        const typed = (offset: number) => words.map((word, index) => word.normalize(forms[index + offset])).join(' ');
        return { name: words.join(' ').normalize('NFC'), first: typed(0), second: padded ? ` ${typed(3)} ` : typed(3) };
      });
    const runs = Math.max(10, Math.round(RUNS / 10));
    let runtime: Runtime;
    beforeAll(async () => {
      runtime = await startTestRuntime(PHASES[0].now);
      await setUpOrganization(runtime);
    });
    afterAll(() => runtime?.stop());

    it(`${runs} names: stored as NFC, and the same name typed another way changes nothing`, async () => {
      const token = await runtime.token({ org: ORG, role: 'office' });
      const put = (fullName: string) =>
        rawRequest(runtime.url, { method: 'PUT', target: paths.member('vien-a'), headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ fullName, departmentId: 'phong-a' }) });
      await fc.assert(
        fc.asyncProperty(typedName, async ({ name, first, second }) => {
          const saved = await put(first);
          expect(saved.status).toBeLessThan(300);
          expect((saved.json as { fullName: string }).fullName).toBe(name);
          const events = await countEvents(runtime);
          const again = await put(second);
          expect(again.status).toBe(200);
          expect((again.json as { fullName: string }).fullName).toBe(name);
          expect((again.json as { version: number }).version).toBe((saved.json as { version: number }).version);
          expect(await countEvents(runtime)).toBe(events);
        }),
        { numRuns: runs, ...(SEED === undefined ? {} : { seed: SEED }) },
      );
    });
  });

  it('after all of it, no prototype gained a property', () => {
    expect(pollution()).toEqual([]);
    for (const marker of POLLUTION_MARKERS) expect(({} as Record<string, unknown>)[marker]).toBeUndefined();
  });

  it('the fuzzing reached the handlers: accepted writes and every kind of refusal', () => {
    // A fuzzer that only ever got 401s or 404s would prove nothing.
    expect(tally.requests).toBeGreaterThanOrEqual(ROUTES.length);
    if (ROUTES.some((route) => `${route.method} ${route.path}` in VALID_BODIES)) expect(tally.writes).toBeGreaterThan(0);
    if (RUNS >= 200) {
      for (const status of [200, 201, 400, 401, 403, 404, 405, 409, 412, 413, 415]) {
        expect(tally.byStatus.get(status) ?? 0, `responses with status ${status}: ${JSON.stringify([...tally.byStatus].sort())}`).toBeGreaterThan(0);
      }
    }
  });
});
