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

describe('Tập thể lao động tiên tiến (Law 2003 art. 28(1); Law 2022 art. 28)', () => {
  describe.each([
    ['Decree 91 (Law 2003 art. 28)', ND91, 'Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung 2005, 2013) Điều 28'],
    ['Decree 98 (Law 2022 art. 28)', ND98, 'Luật Thi đua, khen thưởng số 06/2022/QH15 Điều 28'],
    ['Decree 152 (Law 2022 art. 28)', ND152, 'Luật Thi đua, khen thưởng số 06/2022/QH15 Điều 28'],
  ])('%s: more than 50% of members LĐTT (not 70%), the unit’s own grade, nobody disciplined at cảnh cáo or above', (_name, ruleSet, law) => {
    it.each([
      ['exactly 50%: 5 of 10', roster(10, 5), false],
      ['6 of 10', roster(10, 6), true],
      ['50 of 100', roster(100, 50), false],
      ['51 of 100', roster(100, 51), true],
      ['2 of 3 (66.7%)', roster(3, 2), true],
      ['a department without members', [], false],
      ['6 of 10, one of the others khiển trách: does not bar the collective', roster(10, 6, (i) => (i === 9 ? { disciplineLevel: 'khien-trach' } : {})), true],
      ['6 of 10, one of the others cảnh cáo (art. 28(1)(c))', roster(10, 6, (i) => (i === 9 ? { disciplineLevel: 'canh-cao' } : {})), false],
      ['6 of 10, one of the others cách chức', roster(10, 6, (i) => (i === 9 ? { disciplineLevel: 'cach-chuc' } : {})), false],
    ] as const)('%s', (_case, members, eligible) => {
      expect(result(ruleSet, TT_LDTT, department([...members])).eligible).toBe(eligible);
    });

    it('art. 28(1)(a): the unit itself must have done well: graded “hoàn thành” or below, it is not eligible whatever its members; not yet graded, pending', () => {
      expect(result(ruleSet, TT_LDTT, department(roster(10, 10), { collectiveGrade: 'hoan-thanh-tot' })).eligible).toBe(true);
      expect(result(ruleSet, TT_LDTT, department(roster(10, 10), { collectiveGrade: 'hoan-thanh' }))).toMatchObject({ eligible: false, pending: false });
      expect(result(ruleSet, TT_LDTT, department(roster(10, 10), { collectiveGrade: 'khong-hoan-thanh' })).eligible).toBe(false);
      const ungraded = result(ruleSet, TT_LDTT, department(roster(10, 10), { collectiveGrade: null }));
      expect(ungraded).toMatchObject({ eligible: false, pending: true });
      expect(conditionOf(ungraded, 'tap-the-hoan-thanh-tot')).toMatchObject({ met: false, pending: true, source: `${law} khoản 1 điểm a` });
    });

    it('the share condition states the percentage, the counts and its source (art. 28(1)(c))', () => {
      const tt = result(ruleSet, TT_LDTT, department(roster(10, 6)));
      expect(conditionOf(tt, 'ty-le-lao-dong-tien-tien')).toStrictEqual({
        code: 'ty-le-lao-dong-tien-tien',
        label: 'Tỷ lệ cá nhân đạt danh hiệu “Lao động tiên tiến” trên 50%',
        met: true,
        source: `${law} khoản 1 điểm c: “có trên 50% cá nhân trong tập thể đạt danh hiệu Lao động tiên tiến”`,
        facts: { members: 10, eligibleLdtt: 6, undecided: 0, percent: 50, lawPercent: 50, comparison: 'more-than', overridden: false },
      });
    });

    it('what the text leaves to the council (a regular, effective movement: art. 28(1)(b); unity: (d)) is listed, not checked', () => {
      expect(result(ruleSet, TT_LDTT, department(roster(10, 6))).judgments.map((each) => [each.code, each.source])).toStrictEqual([
        ['phong-trao-thi-dua-thuong-xuyen', `${law} khoản 1 điểm b`],
        ['noi-bo-doan-ket', `${law} khoản 1 điểm d`],
      ]);
    });

    it.each([
      ['60%: 6 of 10 fall short', 60, roster(10, 6), false],
      ['60%: 7 of 10 suffice', 60, roster(10, 7), true],
      ['100%: 9 of 10 fall short', 100, roster(10, 9), false],
    ] as const)('an organization’s stricter percentage of %s, shown with its document as the rule applied', (_case, percent, members, eligible) => {
      const tt = result(ruleSet, TT_LDTT, department([...members], { ldttPercentOverride: percent, ldttPercentSource: 'Quyết định 13/2018/QĐ-UBND tỉnh' }));
      expect(tt.eligible).toBe(eligible);
      const share = conditionOf(tt, 'ty-le-lao-dong-tien-tien');
      expect(share.facts).toMatchObject({ percent, lawPercent: 50, overridden: true });
      expect(share.source).toMatch(/^Quyết định 13\/2018\/QĐ-UBND tỉnh \(chặt hơn /);
    });

    it('an organization may not ask less than the law: 40% is ignored and the law’s more-than-50% applies', () => {
      const tt = result(ruleSet, TT_LDTT, department(roster(10, 5), { ldttPercentOverride: 40 }));
      expect(tt.eligible).toBe(false);
      expect(conditionOf(tt, 'ty-le-lao-dong-tien-tien').facts).toMatchObject({ percent: 50, overridden: false });
    });

    it('pending while members not yet graded could still reach the share', () => {
      const members = roster(10, 5, (i) => (i === 9 ? { grade: null } : {}));
      expect(result(ruleSet, TT_LDTT, department(members))).toMatchObject({ eligible: false, pending: true });
      // Two short and only one undecided: failed for good.
      const short = roster(10, 4, (i) => (i === 9 ? { grade: null } : {}));
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

  it.each([
    ['Decree 98', ND98],
    ['Decree 152', ND152],
  ])('%s: a missing collective pledge is a warning (Law 2022 art. 7)', (_name, ruleSet) => {
    const tt = result(ruleSet, TT_LDTT, department(roster(10, 6), { pledged: false }));
    expect(tt.eligible).toBe(true);
    expect(warningCodes(tt)).toContain('thieu-dang-ky-thi-dua');
  });

  describe('Decree 91: a pledge is required', () => {
    it.each([
      ['6 of 10', roster(10, 6), true, true],
      ['6 of 10 without a pledge', roster(10, 6), false, false],
    ] as const)('%s', (_case, members, pledged, eligible) => {
      const tt = result(ND91, TT_LDTT, department([...members], { pledged }));
      expect(tt.eligible).toBe(eligible);
      expect(warningCodes(tt)).toStrictEqual([]);
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
      source: 'Luật Thi đua, khen thưởng số 06/2022/QH15 Điều 28: 100% cá nhân hoàn thành nhiệm vụ được giao',
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

  it('giấy khen and bằng khen of a department are the council’s judgment, barred only by a member disciplined at cảnh cáo or above (assumed)', () => {
    const clean = departmentEligibility(ND98, department(roster(3, 0), { collectiveGrade: 'khong-hoan-thanh' }));
    expect(titleOf(clean, 'giay-khen')).toMatchObject({ eligible: true, councilJudgment: true, proposedUpward: false });
    expect(titleOf(clean, 'bang-khen-cap-tinh')).toMatchObject({ eligible: true, councilJudgment: true, proposedUpward: true });
    expect(titleOf(clean, 'giay-khen').judgments.length).toBeGreaterThan(0);
    const barred = departmentEligibility(ND98, department(roster(3, 0, () => ({ disciplineLevel: 'canh-cao' }))));
    expect(titleOf(barred, 'giay-khen')).toMatchObject({ eligible: false, councilJudgment: true });
    expect(conditionOf(titleOf(barred, 'giay-khen'), 'khong-ca-nhan-ky-luat-tu-canh-cao').assumed).toBe(true);
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
