import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseSalaryOn, rewardFor } from '../../domain/awards/reward';
import { cstdcsQuota, departmentEligibility, type MemberFacts, memberEligibility, reachesPercent } from '../../domain/eligibility/eligibility';
import { ruleSetFor } from '../../domain/eligibility/rule-sets';
import { requiredYes } from '../../domain/voting/thresholds';

const ND91 = ruleSetFor('2022-12-20');
const ND98 = ruleSetFor('2024-12-20');
const base: MemberFacts = { year: 2025, grade: 'hoan-thanh-tot', pledged: true, discipline: null, recognizedInitiatives: 0, upwardInitiatives: 0, acceptedResearch: false, cstdcsYears: [] };
const eligible = (titles: { title: string; eligible: boolean }[], code: string) => titles.find((each) => each.title === code)!.eligible;

describe('rule sets by date', () => {
  it.each([
    ['2022-12-20', 'luat-2003-nd91-2017'],
    ['2023-12-31', 'luat-2003-nd91-2017'],
    ['2024-01-01', 'luat-2022-nd98-2023'],
    ['2025-06-30', 'luat-2022-nd98-2023'],
    ['2025-07-01', 'nd152-2025'],
  ])('a review on %s applies %s', (date, code) => expect(ruleSetFor(date).code).toBe(code));
});

describe('individual titles', () => {
  it.each([
    ['hoan-thanh-tot', true],
    ['hoan-thanh-xuat-sac', true],
    ['hoan-thanh', false],
    ['khong-hoan-thanh', false],
  ])('LĐTT with grade %s: %s', (grade, expected) => expect(eligible(memberEligibility(ND98, { ...base, grade }), 'lao-dong-tien-tien')).toBe(expected));

  it('a grade not yet final is a pending condition, not a pass', () => {
    const [ldtt] = memberEligibility(ND98, { ...base, grade: null });
    expect(ldtt.eligible).toBe(false);
    expect(ldtt.conditions[0]).toMatchObject({ code: 'grade-at-least-good', met: false, pending: true });
  });

  it('a missing pledge bars LĐTT under Decree 91, and is only a warning from 2024', () => {
    expect(eligible(memberEligibility(ND91, { ...base, pledged: false }), 'lao-dong-tien-tien')).toBe(false);
    const [ldtt] = memberEligibility(ND98, { ...base, pledged: false });
    expect(ldtt.eligible).toBe(true);
    expect(ldtt.warnings.map((warning) => warning.code)).toEqual(['no-pledge']);
  });

  it('a disciplinary measure of any level bars LĐTT', () => {
    expect(eligible(memberEligibility(ND98, { ...base, discipline: 'khien-trach' }), 'lao-dong-tien-tien')).toBe(false);
  });

  it('CSTĐCS needs an initiative under Decree 91; under Decree 98 an excellent grade alone suffices', () => {
    const excellent = { ...base, grade: 'hoan-thanh-xuat-sac' };
    expect(eligible(memberEligibility(ND91, excellent), 'chien-si-thi-dua-co-so')).toBe(false);
    expect(eligible(memberEligibility(ND91, { ...excellent, recognizedInitiatives: 1 }), 'chien-si-thi-dua-co-so')).toBe(true);
    expect(eligible(memberEligibility(ND98, excellent), 'chien-si-thi-dua-co-so')).toBe(true);
    expect(eligible(memberEligibility(ND98, { ...base, recognizedInitiatives: 1 }), 'chien-si-thi-dua-co-so')).toBe(true);
    expect(eligible(memberEligibility(ND98, base), 'chien-si-thi-dua-co-so')).toBe(false);
  });

  it('provincial CSTĐ needs three consecutive CSTĐCS (this year included) and a province-wide initiative', () => {
    const facts = { ...base, grade: 'hoan-thanh-xuat-sac', upwardInitiatives: 1, recognizedInitiatives: 1 };
    expect(eligible(memberEligibility(ND98, { ...facts, cstdcsYears: [2023, 2024] }), 'chien-si-thi-dua-cap-tinh')).toBe(true);
    expect(eligible(memberEligibility(ND98, { ...facts, cstdcsYears: [2022, 2024] }), 'chien-si-thi-dua-cap-tinh')).toBe(false);
    expect(eligible(memberEligibility(ND98, { ...facts, cstdcsYears: [2023, 2024], upwardInitiatives: 0 }), 'chien-si-thi-dua-cap-tinh')).toBe(false);
  });

  it('never grants CSTĐCS without LĐTT, under any rule set and facts', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(ND91, ND98, ruleSetFor('2025-07-01')),
        fc.record({
          grade: fc.constantFrom(null, 'khong-hoan-thanh', 'hoan-thanh', 'hoan-thanh-tot', 'hoan-thanh-xuat-sac'),
          pledged: fc.boolean(),
          discipline: fc.constantFrom(null, 'khien-trach' as const, 'canh-cao' as const),
          recognizedInitiatives: fc.nat(3),
          acceptedResearch: fc.boolean(),
        }),
        (rules, facts) => {
          const titles = memberEligibility(rules, { ...base, ...facts });
          if (eligible(titles, 'chien-si-thi-dua-co-so')) expect(eligible(titles, 'lao-dong-tien-tien')).toBe(true);
        },
      ),
    );
  });
});

describe('collective titles and quotas', () => {
  const members = (ldtt: number, total: number) => Array.from({ length: total }, (_, index) => ({ grade: 'hoan-thanh-tot', discipline: null, ldtt: index < ldtt, cstdcs: false }));

  it.each([
    [7, 10, true],
    [69, 100, false],
    [70, 100, true],
    [2, 3, false],
  ])('TT lao động tiên tiến with %i of %i members LĐTT: %s (70%, counted exactly)', (ldtt, total, expected) =>
    expect(eligible(departmentEligibility(ND98, { collectiveGrade: 'hoan-thanh-tot', members: members(ldtt, total) }), 'tap-the-lao-dong-tien-tien')).toBe(expected),
  );

  it('bars the collective only for a disciplinary measure of "cảnh cáo" or above', () => {
    const withDiscipline = (discipline: 'khien-trach' | 'canh-cao') => [...members(10, 10).slice(1), { grade: 'hoan-thanh-tot', discipline, ldtt: true, cstdcs: false }];
    expect(eligible(departmentEligibility(ND98, { collectiveGrade: null, members: withDiscipline('khien-trach') }), 'tap-the-lao-dong-tien-tien')).toBe(true);
    expect(eligible(departmentEligibility(ND98, { collectiveGrade: null, members: withDiscipline('canh-cao') }), 'tap-the-lao-dong-tien-tien')).toBe(false);
  });

  it('TT lao động xuất sắc needs an excellent unit, everyone complete, 70% LĐTT and one CSTĐCS', () => {
    const team = members(8, 10).map((member, index) => ({ ...member, cstdcs: index === 0 }));
    expect(eligible(departmentEligibility(ND98, { collectiveGrade: 'hoan-thanh-xuat-sac', members: team }), 'tap-the-lao-dong-xuat-sac')).toBe(true);
    expect(eligible(departmentEligibility(ND98, { collectiveGrade: 'hoan-thanh-tot', members: team }), 'tap-the-lao-dong-xuat-sac')).toBe(false);
    expect(eligible(departmentEligibility(ND98, { collectiveGrade: 'hoan-thanh-xuat-sac', members: team.map((member) => ({ ...member, cstdcs: false })) }), 'tap-the-lao-dong-xuat-sac')).toBe(false);
  });

  it('caps CSTĐCS at 15% of the LĐTT holders only where the rule set says so (Decree 91)', () => {
    expect(cstdcsQuota(ND91, 20)).toBe(3);
    expect(cstdcsQuota(ND91, 6)).toBe(0);
    expect(cstdcsQuota(ND98, 20)).toBeNull();
    expect(reachesPercent(7, 10, 70)).toBe(true);
  });
});

describe('council thresholds, against all members', () => {
  it.each([
    ['chien-si-thi-dua-co-so', 7, 6],
    ['chien-si-thi-dua-co-so', 5, 4],
    ['co-thi-dua-cap-tinh', 10, 8],
    ['chien-si-thi-dua-cap-tinh', 10, 9],
    ['giay-khen', 7, 4],
    ['giay-khen', 6, 4],
  ] as const)('%s with %i members needs %i yes', (title, members, required) => expect(requiredYes(title, members)).toBe(required));
});

describe('rewards', () => {
  it('use the base salary in force on the decision date', () => {
    expect(baseSalaryOn('2024-06-30')).toBe(1_800_000);
    expect(baseSalaryOn('2024-07-01')).toBe(2_340_000);
    expect(rewardFor('lao-dong-tien-tien', '2024-07-01')).toEqual({ amount: 702_000, ruleSet: 'luat-2022-nd98-2023' });
    expect(rewardFor('chien-si-thi-dua-co-so', '2025-12-25')).toEqual({ amount: 2_340_000, ruleSet: 'nd152-2025' });
    expect(rewardFor('lao-dong-tien-tien', '2023-12-25')).toEqual({ amount: 540_000, ruleSet: 'luat-2003-nd91-2017' });
    expect(rewardFor('giay-khen', '2025-12-25').amount).toBeNull();
  });
});
