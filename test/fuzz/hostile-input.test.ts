import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../infra/local/runtime';
import { rawRequest } from '../support/raw-http';
import { ORG, paths, setUpOrganization, startTestRuntime } from '../support/runtime';
import { countEvents } from '../support/store';
import { PHASES, RUNS, SEED, describeHostileInput } from './route-fuzzer';

/**
 * Hostile input, part 1 of 2: the routes of even index in the route table (route-fuzzer.ts says what is generated
 * and checked; hostile-input.part-2.test.ts has the odd ones, and vitest runs the two files in parallel), and
 * Vietnamese names typed in NFC, NFD or a mix of both.
 *
 * Settings: FUZZ_RUNS (generated requests per route, default 1000), FUZZ_SEED, FUZZ_COUNT_EVERY, FUZZ_STATS=1.
 */
describeHostileInput('hostile input, part 1: routes 0, 2, 4… of the route table', 0, 2, () => {
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
});
