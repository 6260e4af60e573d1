import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DepartmentSummary, rankDepartments, rankMembers, type ScoreLine, summarizeDepartment } from '../../../domain/evaluation/ranking';

const memberLine = (participantId: string, percent: number | null, final: boolean, subtotals: Record<string, number> = {}): ScoreLine => ({
  participantKind: 'member',
  participantId,
  percent,
  final,
  subtotals,
});
const departmentLine = (percent: number | null, final: boolean, subtotals: Record<string, number> = {}): ScoreLine => ({
  participantKind: 'department',
  participantId: 'phong-quy-hoach',
  percent,
  final,
  subtotals,
});

const summary = (name: string, collectiveScore: number | null, membersMean: number | null, departmentId = name): DepartmentSummary => ({
  departmentId,
  name,
  collectiveScore,
  membersMean,
  membersEvaluated: 0,
  membersPending: 0,
  criteria: {},
  final: false,
});

const ROSTER = ['an', 'binh', 'cuong', 'dung'];

describe('summarizeDepartment', () => {
  it('counts evaluated and pending members, averages the scored ones and their subtotals', () => {
    const lines = [
      departmentLine(85, true, { 'cai-cach-the-che': 9 }),
      memberLine('an', 90, true, { 'cai-cach-the-che': 10, 'sang-kien-giai-phap': 5 }),
      memberLine('binh', 70.5, false, { 'cai-cach-the-che': 6 }),
      memberLine('cuong', null, false),
    ];
    expect(summarizeDepartment('phong-quy-hoach', 'Phòng Quy hoạch', lines, ROSTER)).toStrictEqual({
      departmentId: 'phong-quy-hoach',
      name: 'Phòng Quy hoạch',
      collectiveScore: 85,
      // The provisional 70.5 counts in the mean; the unscored member does not.
      membersMean: 80.25,
      membersEvaluated: 1,
      // binh (provisional), cuong (no score), dung (no line).
      membersPending: 3,
      // Per criterion the mean over the scored members, a member without the subtotal counting 0: (10 + 6) / 2, (5 + 0) / 2.
      criteria: { 'cai-cach-the-che': 8, 'sang-kien-giai-phap': 2.5 },
      final: false,
    });
  });

  it('the members mean is rounded to two decimals', () => {
    const lines = [memberLine('an', 80, true), memberLine('binh', 80, true), memberLine('cuong', 81, true)];
    expect(summarizeDepartment('d', 'D', lines, ['an', 'binh', 'cuong']).membersMean).toBe(80.33);
  });

  it('is final only when the collective result is final and no member is pending', () => {
    const members = [memberLine('an', 90, true), memberLine('binh', 60, true)];
    expect(summarizeDepartment('d', 'D', [departmentLine(85, true), ...members], ['an', 'binh'])).toMatchObject({ final: true, membersPending: 0, membersEvaluated: 2 });
    // The collective result still provisional.
    expect(summarizeDepartment('d', 'D', [departmentLine(85, false), ...members], ['an', 'binh']).final).toBe(false);
    // No collective evaluation at all.
    expect(summarizeDepartment('d', 'D', members, ['an', 'binh'])).toMatchObject({ final: false, collectiveScore: null });
    // A member on the roster with no line yet.
    expect(summarizeDepartment('d', 'D', [departmentLine(85, true), ...members], ['an', 'binh', 'cuong'])).toMatchObject({ final: false, membersPending: 1 });
    // A member provisional.
    expect(summarizeDepartment('d', 'D', [departmentLine(85, true), members[0], memberLine('binh', 60, false)], ['an', 'binh'])).toMatchObject({ final: false, membersPending: 1 });
  });

  it('a department with no members is final with its collective result', () => {
    expect(summarizeDepartment('d', 'D', [departmentLine(72.5, true)], [])).toStrictEqual({
      departmentId: 'd',
      name: 'D',
      collectiveScore: 72.5,
      membersMean: null,
      membersEvaluated: 0,
      membersPending: 0,
      criteria: {},
      final: true,
    });
  });

  it('with no lines at all, everyone on the roster is pending and nothing is scored', () => {
    expect(summarizeDepartment('d', 'D', [], ROSTER)).toMatchObject({ collectiveScore: null, membersMean: null, membersEvaluated: 0, membersPending: 4, criteria: {}, final: false });
  });

  it('a collective result of 0 is a score, not a missing one', () => {
    expect(summarizeDepartment('d', 'D', [departmentLine(0, true)], []).collectiveScore).toBe(0);
  });

  it('the collective line does not count among the members', () => {
    const result = summarizeDepartment('d', 'D', [departmentLine(40, true, { x: 4 }), memberLine('an', 90, true, { x: 9 })], ['an']);
    expect(result).toMatchObject({ membersMean: 90, membersEvaluated: 1, criteria: { x: 9 } });
  });

  it('a final member who has left the roster counts as evaluated, and is not pending', () => {
    expect(summarizeDepartment('d', 'D', [memberLine('da-chuyen-cong-tac', 75, true)], ['an'])).toMatchObject({ membersEvaluated: 1, membersPending: 1, membersMean: 75 });
  });
});

describe('rankDepartments', () => {
  it('ranks by collective score, highest first', () => {
    const ranked = rankDepartments([summary('Phòng A', 70, 90), summary('Phòng B', 90, 10), summary('Phòng C', 80, 50)]);
    expect(ranked.map((each) => [each.name, each.rank])).toStrictEqual([
      ['Phòng B', 1],
      ['Phòng C', 2],
      ['Phòng A', 3],
    ]);
  });

  it('departments without a collective score come last, after a score of 0', () => {
    const ranked = rankDepartments([summary('Phòng A', null, 99), summary('Phòng B', 0, 0), summary('Phòng C', 50, null)]);
    expect(ranked.map((each) => each.name)).toStrictEqual(['Phòng C', 'Phòng B', 'Phòng A']);
  });

  it("ties on the collective score are broken by the members' mean, a missing mean last", () => {
    const ranked = rankDepartments([summary('Phòng A', 80, 70), summary('Phòng B', 80, null), summary('Phòng C', 80, 75.5), summary('Phòng D', 80, 0)]);
    expect(ranked.map((each) => each.name)).toStrictEqual(['Phòng C', 'Phòng A', 'Phòng D', 'Phòng B']);
  });

  it('then by name in Vietnamese order (D before Đ before E, unlike the root collation)', () => {
    const ranked = rankDepartments([summary('Phòng Em', 80, 70), summary('Phòng Đào tạo', 80, 70), summary('Phòng Dược', 80, 70), summary('Ban Quản lý', 80, 70)]);
    expect(ranked.map((each) => [each.name, each.rank])).toStrictEqual([
      ['Ban Quản lý', 1],
      ['Phòng Dược', 2],
      ['Phòng Đào tạo', 3],
      ['Phòng Em', 4],
    ]);
    // The root collation would put Đào before Dược: the Vietnamese locale is what decides.
    expect('Phòng Đào tạo'.localeCompare('Phòng Dược', 'en')).toBeLessThan(0);
  });

  it('departments with no score at all are listed last by name, unranked: before any scoring nobody has a rank', () => {
    expect(
      rankDepartments([summary('Phòng Tư pháp', null, null), summary('Phòng Nội vụ', null, null), summary('Phòng Y tế', null, 40)]).map((each) => [each.name, each.rank]),
    ).toStrictEqual([
      ['Phòng Y tế', 1],
      ['Phòng Nội vụ', null],
      ['Phòng Tư pháp', null],
    ]);
  });

  it('keeps every field, and does not reorder its input', () => {
    const input = [summary('Phòng A', 70, 90, 'phong-a'), summary('Phòng B', 90, 10, 'phong-b')];
    const copy = structuredClone(input);
    expect(rankDepartments(input)).toStrictEqual([
      { ...input[1], rank: 1 },
      { ...input[0], rank: 2 },
    ]);
    expect(input).toStrictEqual(copy);
    expect(rankDepartments([])).toStrictEqual([]);
  });
});

describe('rankMembers', () => {
  it('competition ranking: equal scores share a rank, the next rank skips (1, 2, 2, 4); unscored members are unranked', () => {
    const members = [
      { id: 'an', percent: 70 },
      { id: 'binh', percent: 80 },
      { id: 'cuong', percent: null },
      { id: 'dung', percent: 90 },
      { id: 'giang', percent: 80 },
    ];
    expect(rankMembers(members)).toStrictEqual([
      { id: 'an', percent: 70, rank: 4 },
      { id: 'binh', percent: 80, rank: 2 },
      { id: 'cuong', percent: null, rank: null },
      { id: 'dung', percent: 90, rank: 1 },
      { id: 'giang', percent: 80, rank: 2 },
    ]);
  });

  it('a tie at the top is shared; 0 is a score', () => {
    expect(rankMembers([{ percent: 85 }, { percent: 85 }, { percent: 0 }]).map((each) => each.rank)).toStrictEqual([1, 1, 3]);
  });

  it('nobody scored, nobody ranked', () => {
    expect(rankMembers([{ percent: null }, { percent: null }]).map((each) => each.rank)).toStrictEqual([null, null]);
    expect(rankMembers([])).toStrictEqual([]);
  });

  it('for any scores: a higher score ranks strictly better, equal scores rank equal, ranks run from 1 to the number scored', () => {
    const percent = fc.option(fc.integer({ min: 0, max: 40 }).map((n) => n * 2.5), { nil: null });
    fc.assert(
      fc.property(fc.array(fc.record({ percent }), { maxLength: 20 }), (members) => {
        const ranked = rankMembers(members);
        const scored = ranked.filter((each) => each.percent !== null);
        for (const a of ranked) {
          if (a.percent === null) expect(a.rank).toBeNull();
          else {
            expect(a.rank).toBeGreaterThanOrEqual(1);
            expect(a.rank).toBeLessThanOrEqual(scored.length);
          }
          for (const b of scored) {
            if (a.percent === null) continue;
            if (a.percent > b.percent!) expect(a.rank!).toBeLessThan(b.rank!);
            if (a.percent === b.percent) expect(a.rank).toBe(b.rank);
          }
        }
        if (scored.length > 0) expect(Math.min(...scored.map((each) => each.rank!))).toBe(1);
      }),
      { numRuns: 500 },
    );
  });
});

describe('rankDepartments, for any departments', () => {
  const letters = ['a', 'ă', 'â', 'b', 'd', 'đ', 'e', 'ê', 'o', 'ô', 'ơ', 'u', 'ư', 'A', 'Đ', 'Ô', ' '];
  const score = fc.option(fc.integer({ min: 0, max: 400 }).map((n) => n / 4), { nil: null });
  const departments = fc
    .uniqueArray(fc.string({ unit: fc.constantFrom(...letters), minLength: 1, maxLength: 6 }), { minLength: 0, maxLength: 25 })
    .chain((names) => fc.tuple(...names.map((name) => fc.tuple(score, score).map(([collective, mean]) => summary(`Phòng ${name}`, collective, mean)))));

  it('the scored rank 1..k, the unscored none, in the order collective score, members mean, Vietnamese name', () => {
    fc.assert(
      fc.property(departments, (input) => {
        const ranked = rankDepartments(input);
        const scored = input.filter((each) => each.collectiveScore !== null || each.membersMean !== null).length;
        expect(ranked.map((each) => each.rank)).toStrictEqual(input.map((_, i) => (i < scored ? i + 1 : null)));
        expect([...ranked].map((each) => each.departmentId).sort()).toStrictEqual(input.map((each) => each.departmentId).sort());
        const key = (value: number | null) => value ?? -Infinity;
        for (let i = 1; i < ranked.length; i++) {
          const [a, b] = [ranked[i - 1], ranked[i]];
          expect(key(a.collectiveScore)).toBeGreaterThanOrEqual(key(b.collectiveScore));
          if (a.collectiveScore === b.collectiveScore) {
            expect(key(a.membersMean)).toBeGreaterThanOrEqual(key(b.membersMean));
            if (a.membersMean === b.membersMean) expect(a.name.localeCompare(b.name, 'vi')).toBeLessThanOrEqual(0);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('the ranking does not depend on the order departments come in', () => {
    fc.assert(
      fc.property(departments, (input) => {
        const rankOf = (list: readonly DepartmentSummary[]) => Object.fromEntries(rankDepartments(list).map((each) => [each.departmentId, each.rank]));
        expect(rankOf([...input].reverse())).toStrictEqual(rankOf(input));
      }),
      { numRuns: 500 },
    );
  });
});
