import { describe, expect, it } from 'vitest';
import { type DepartmentFacts, type DepartmentMemberFacts, departmentEligibility, memberEligibility } from '../../../domain/awards/eligibility';
import type { RuleSet } from '../../../domain/awards/rule-sets';
import { conditionOf, memberFacts, ND152, ND91, ND98, roster, titleOf, warningCodes } from './fixtures';

const TT_LDTT = 'tap-the-lao-dong-tien-tien';
const TT_LDXS = 'tap-the-lao-dong-xuat-sac';

const department = (members: DepartmentMemberFacts[], overrides: Partial<DepartmentFacts> = {}): DepartmentFacts => ({
  collectiveGrade: 'hoan-thanh-xuat-sac',
  members,
  pledged: true,
  ...overrides,
});

const result = (ruleSet: RuleSet, title: string, facts: DepartmentFacts) => titleOf(departmentEligibility(ruleSet, facts), title);

describe('Tập thể lao động tiên tiến', () => {
  describe.each([
    ['Decree 98', ND98],
    ['Decree 152', ND152],
  ])('%s: ≥70% of members LĐTT, nobody disciplined at cảnh cáo or above', (_name, ruleSet) => {
    it.each([
      ['exactly 70%: 7 of 10', roster(10, 7), true],
      ['6 of 10', roster(10, 6), false],
      ['69 of 100', roster(100, 69), false],
      ['70 of 100', roster(100, 70), true],
      ['all of them', roster(4, 4), true],
      ['2 of 3 (66.7%)', roster(3, 2), false],
      ['a department without members', [], false],
      ['7 of 10, one of the others khiển trách: does not bar the collective', roster(10, 7, (i) => (i === 9 ? { disciplineLevel: 'khien-trach' } : {})), true],
      ['7 of 10, one of the others cảnh cáo', roster(10, 7, (i) => (i === 9 ? { disciplineLevel: 'canh-cao' } : {})), false],
      ['7 of 10, one of the others cách chức', roster(10, 7, (i) => (i === 9 ? { disciplineLevel: 'cach-chuc' } : {})), false],
    ] as const)('%s', (_case, members, eligible) => {
      expect(result(ruleSet, TT_LDTT, department([...members])).eligible).toBe(eligible);
    });

    it('the share condition states the percentage and the counts', () => {
      const tt = result(ruleSet, TT_LDTT, department(roster(10, 7)));
      expect(conditionOf(tt, 'ty-le-lao-dong-tien-tien')).toStrictEqual({
        code: 'ty-le-lao-dong-tien-tien',
        label: 'Tỷ lệ cá nhân đạt danh hiệu “Lao động tiên tiến” từ 70% trở lên',
        met: true,
        facts: { members: 10, eligibleLdtt: 7, undecided: 0, percent: 70, comparison: 'at-least', overridden: false },
      });
    });

    it.each([
      ['60%: 6 of 10 suffice', 60, roster(10, 6), true],
      ['75%: 7 of 10 fall short', 75, roster(10, 7), false],
      ['66.67%: 2 of 3 fall short', 66.67, roster(3, 2), false],
      ['66.66%: 2 of 3 suffice', 66.66, roster(3, 2), true],
      ['100%: 9 of 10 fall short', 100, roster(10, 9), false],
      // 0.56 × 25 is 14.000000000000002 in floating point: exactly 56% must still pass.
      ['56%: 14 of 25 suffice', 56, roster(25, 14), true],
      ['56%: 13 of 25 fall short', 56, roster(25, 13), false],
    ] as const)('an organization override of %s', (_case, percent, members, eligible) => {
      const tt = result(ruleSet, TT_LDTT, department([...members], { ldttPercentOverride: percent }));
      expect(tt.eligible).toBe(eligible);
      expect(conditionOf(tt, 'ty-le-lao-dong-tien-tien').facts).toMatchObject({ percent, overridden: true });
    });

    it('a missing collective pledge is a warning', () => {
      const tt = result(ruleSet, TT_LDTT, department(roster(10, 7), { pledged: false }));
      expect(tt.eligible).toBe(true);
      expect(warningCodes(tt)).toContain('thieu-dang-ky-thi-dua');
    });

    it('pending while members not yet graded could still reach the share', () => {
      const members = roster(10, 6, (i) => (i === 9 ? { grade: null } : {}));
      expect(result(ruleSet, TT_LDTT, department(members))).toMatchObject({ eligible: false, pending: true });
      // Two short and only one undecided: failed for good.
      const short = roster(10, 5, (i) => (i === 9 ? { grade: null } : {}));
      expect(result(ruleSet, TT_LDTT, department(short))).toMatchObject({ eligible: false, pending: false });
    });

    it('names the disciplined members', () => {
      const members = roster(10, 10, (i) => (i === 0 ? { disciplineLevel: 'canh-cao' } : i === 1 ? { disciplineLevel: 'khien-trach' } : {}));
      expect(conditionOf(result(ruleSet, TT_LDTT, department(members)), 'khong-ca-nhan-ky-luat-tu-canh-cao')).toMatchObject({
        met: false,
        facts: { barsFrom: 'canh-cao', disciplined: [{ memberId: 'm1', level: 'canh-cao' }] },
      });
    });
  });

  describe('Decree 91 (Law 2003 art. 28): more than 50% of members LĐTT, and a pledge is required', () => {
    it.each([
      ['exactly 50%: 5 of 10', roster(10, 5), true, false],
      ['6 of 10', roster(10, 6), true, true],
      ['51 of 100', roster(100, 51), true, true],
      ['50 of 100', roster(100, 50), true, false],
      ['6 of 10 without a pledge', roster(10, 6), false, false],
    ] as const)('%s', (_case, members, pledged, eligible) => {
      const tt = result(ND91, TT_LDTT, department([...members], { pledged }));
      expect(tt.eligible).toBe(eligible);
      expect(warningCodes(tt)).toStrictEqual([]);
    });

    it('the label says "more than"', () => {
      expect(conditionOf(result(ND91, TT_LDTT, department(roster(10, 6))), 'ty-le-lao-dong-tien-tien').label).toBe(
        'Tỷ lệ cá nhân đạt danh hiệu “Lao động tiên tiến” trên 50%',
      );
    });

    it('an unknown collective pledge leaves the title pending', () => {
      const { pledged: _omit, ...facts } = department(roster(10, 6));
      const tt = result(ND91, TT_LDTT, facts);
      expect(tt).toMatchObject({ eligible: false, pending: true });
      expect(conditionOf(tt, 'dang-ky-thi-dua')).toMatchObject({ met: false, pending: true, facts: { pledged: null } });
    });
  });

  it('khiển trách bars the member’s own LĐTT, but only cảnh cáo or above bars the collective', () => {
    const member = titleOf(memberEligibility(ND98, memberFacts({ disciplineLevel: 'khien-trach' })), 'lao-dong-tien-tien');
    expect(member.eligible).toBe(false);
    const members = roster(10, 7, (i) => (i === 9 ? { disciplineLevel: 'khien-trach', eligibleLdtt: member.eligible } : {}));
    expect(result(ND98, TT_LDTT, department(members)).eligible).toBe(true);
  });
});

describe('Tập thể lao động xuất sắc', () => {
  /** 10 members, 7 LĐTT, one of them CSTĐCS; the unit rated excellent. */
  const good = () => roster(10, 7, (i) => (i === 0 ? { eligibleCstdcs: true, grade: 'hoan-thanh-xuat-sac' } : {}));

  describe.each([
    ['Decree 91', ND91],
    ['Decree 98', ND98],
    ['Decree 152', ND152],
  ])('%s', (_name, ruleSet) => {
    it.each([
      ['unit excellent, all complete, 7 of 10 LĐTT, one CSTĐCS', department(good()), true, false],
      ['unit only hoàn thành tốt', department(good(), { collectiveGrade: 'hoan-thanh-tot' }), false, false],
      ['unit grade not final', department(good(), { collectiveGrade: null }), false, true],
      ['one member không hoàn thành', department(good().map((m, i) => (i === 9 ? { ...m, grade: 'khong-hoan-thanh' } : m))), false, false],
      ['one member hoàn thành (still complete)', department(good().map((m, i) => (i === 9 ? { ...m, grade: 'hoan-thanh' } : m))), true, false],
      ['one member not graded yet', department(good().map((m, i) => (i === 9 ? { ...m, grade: null } : m))), false, true],
      ['6 of 10 LĐTT', department(roster(10, 6, (i) => (i === 0 ? { eligibleCstdcs: true } : {}))), false, false],
      ['no CSTĐCS', department(roster(10, 7)), false, false],
      ['a member at cảnh cáo', department(good().map((m, i) => (i === 9 ? { ...m, disciplineLevel: 'canh-cao' as const } : m))), false, false],
      ['no members', department([]), false, false],
    ] as const)('%s', (_case, facts, eligible, pending) => {
      expect(result(ruleSet, TT_LDXS, facts)).toMatchObject({ eligible, pending });
    });

    it('the 70% of TT LĐXS is fixed: the organization override applies to TT LĐTT only', () => {
      const members = roster(10, 6, (i) => (i === 0 ? { eligibleCstdcs: true } : {}));
      const results = departmentEligibility(ruleSet, department(members, { ldttPercentOverride: 55 }));
      expect(titleOf(results, TT_LDTT).eligible).toBe(true);
      expect(titleOf(results, TT_LDXS).eligible).toBe(false);
      expect(conditionOf(titleOf(results, TT_LDXS), 'ty-le-lao-dong-tien-tien').facts).toMatchObject({ percent: 70, overridden: false });
    });
  });

  it('reports the members below the grade and those not yet graded', () => {
    const members = good().map((m, i) => (i === 8 ? { ...m, grade: 'khong-hoan-thanh' } : i === 9 ? { ...m, grade: null } : m));
    expect(conditionOf(result(ND98, TT_LDXS, department(members)), 'tat-ca-hoan-thanh-nhiem-vu')).toStrictEqual({
      code: 'tat-ca-hoan-thanh-nhiem-vu',
      label: '100% cá nhân trong tập thể hoàn thành nhiệm vụ được giao',
      met: false,
      facts: { members: 10, atLeastGrade: 8, grade: 'hoan-thanh', percent: 100, below: ['m9'], notFinal: ['m10'] },
    });
  });

  it('flags the discipline condition as an assumption from 2024', () => {
    expect(conditionOf(result(ND98, TT_LDXS, department(good())), 'khong-ca-nhan-ky-luat-tu-canh-cao').assumed).toBe(true);
    expect(conditionOf(result(ND91, TT_LDXS, department(good())), 'khong-ca-nhan-ky-luat-tu-canh-cao').assumed).toBeUndefined();
  });
});

describe('Cờ thi đua cấp tỉnh and the forms of commendation', () => {
  it.each([
    ['Decree 91', ND91, true, []],
    ['Decree 98', ND98, false, []],
    ['Decree 152', ND152, false, ['nguong-chua-xac-nhan']],
  ] as const)('%s: Cờ thi đua is proposed upward after a vote of ≥80% of all members', (_name, ruleSet, secretBallot, warnings) => {
    const flag = result(ruleSet, 'co-thi-dua-cap-tinh', department(roster(3, 0)));
    expect(flag).toMatchObject({ eligible: true, councilJudgment: true, needsVote: true, threshold: 0.8, secretBallot, proposedUpward: true, conditions: [] });
    expect(warningCodes(flag)).toStrictEqual(warnings);
  });

  it('giấy khen and bằng khen have no automatic condition for a department', () => {
    const results = departmentEligibility(ND98, department(roster(3, 0, () => ({ disciplineLevel: 'buoc-thoi-viec' })), { collectiveGrade: 'khong-hoan-thanh' }));
    expect(titleOf(results, 'giay-khen')).toMatchObject({ eligible: true, conditions: [], proposedUpward: false });
    expect(titleOf(results, 'bang-khen-cap-tinh')).toMatchObject({ eligible: true, conditions: [], proposedUpward: true });
  });
});

describe('departmentEligibility', () => {
  it('lists every collective title of the rule set, in order', () => {
    expect(departmentEligibility(ND98, department(roster(3, 3))).map((each) => each.title)).toStrictEqual(ND98.departmentTitles.map((rule) => rule.title));
  });

  it.each([
    ['a member listed twice', department([...roster(2, 2), ...roster(1, 1)])],
    ['an override above 100', department(roster(2, 2), { ldttPercentOverride: 101 })],
    ['a negative override', department(roster(2, 2), { ldttPercentOverride: -1 })],
  ])('refuses %s', (_name, facts) => {
    expect(() => departmentEligibility(ND98, facts)).toThrow(RangeError);
  });
});
