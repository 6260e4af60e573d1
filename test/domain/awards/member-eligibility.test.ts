import { describe, expect, it } from 'vitest';
import { type MemberFacts, memberEligibility } from '../../../domain/awards/eligibility';
import type { RuleSet } from '../../../domain/awards/rule-sets';
import { conditionOf, memberFacts, ND152, ND91, ND98, titleOf, warningCodes } from './fixtures';

const LDTT = 'lao-dong-tien-tien';
const CSTDCS = 'chien-si-thi-dua-co-so';
const CSTD_TINH = 'chien-si-thi-dua-cap-tinh';

interface Case {
  readonly name: string;
  readonly facts: Partial<MemberFacts>;
  readonly eligible: boolean;
  readonly pending?: boolean;
  readonly warnings?: readonly string[];
}

const check = (ruleSet: RuleSet, title: string, { facts, eligible, pending = false, warnings }: Case) => {
  const result = titleOf(memberEligibility(ruleSet, memberFacts(facts)), title);
  expect({ eligible: result.eligible, pending: result.pending }).toStrictEqual({ eligible, pending });
  if (warnings !== undefined) expect(warningCodes(result)).toStrictEqual(warnings);
  return result;
};

describe('Lao động tiên tiến', () => {
  const common: Case[] = [
    { name: 'hoàn thành tốt', facts: { grade: 'hoan-thanh-tot' }, eligible: true, warnings: [] },
    { name: 'hoàn thành xuất sắc', facts: { grade: 'hoan-thanh-xuat-sac' }, eligible: true },
    { name: 'hoàn thành only', facts: { grade: 'hoan-thanh' }, eligible: false },
    { name: 'không hoàn thành', facts: { grade: 'khong-hoan-thanh' }, eligible: false },
    { name: 'grade not final', facts: { grade: null }, eligible: false, pending: true },
    { name: 'grade not final and disciplined: failed for good', facts: { grade: null, disciplineLevel: 'khien-trach' }, eligible: false, pending: false },
    { name: 'a grade code outside the scale', facts: { grade: 'xuat-sac' }, eligible: false, warnings: ['xep-loai-khong-hop-le'] },
    { name: 'khiển trách bars', facts: { disciplineLevel: 'khien-trach' }, eligible: false },
    { name: 'cảnh cáo bars', facts: { disciplineLevel: 'canh-cao' }, eligible: false },
    { name: 'buộc thôi việc bars', facts: { disciplineLevel: 'buoc-thoi-viec' }, eligible: false },
  ];

  describe.each([
    ['Decree 91', ND91],
    ['Decree 98', ND98],
    ['Decree 152', ND152],
  ])('%s', (_name, ruleSet) => {
    it.each(common)('$name', (each) => {
      check(ruleSet, LDTT, each);
    });
  });

  it('under Decree 91 a missing pledge is a bar, listed as an unmet condition', () => {
    const result = check(ND91, LDTT, { name: '', facts: { pledged: false, grade: 'hoan-thanh-xuat-sac' }, eligible: false, warnings: [] });
    expect(conditionOf(result, 'dang-ky-thi-dua')).toMatchObject({ met: false, facts: { pledged: false } });
    expect(result.conditions.filter((condition) => !condition.met).map((condition) => condition.code)).toStrictEqual(['dang-ky-thi-dua']);
  });

  it.each([
    ['Decree 98', ND98],
    ['Decree 152', ND152],
  ])('under %s a missing pledge is only a warning', (_name, ruleSet) => {
    const result = check(ruleSet, LDTT, { name: '', facts: { pledged: false }, eligible: true, warnings: ['thieu-dang-ky-thi-dua'] });
    expect(result.conditions.map((condition) => condition.code)).not.toContain('thieu-dang-ky-thi-dua');
    expect(result.warnings[0].label).toMatch(/Điều 7 Luật Thi đua, khen thưởng năm 2022/);
  });

  it('every condition reports the facts it used', () => {
    const result = titleOf(memberEligibility(ND98, memberFacts({ grade: 'hoan-thanh', disciplineLevel: 'khien-trach' })), LDTT);
    expect(result.conditions).toStrictEqual([
      {
        code: 'xep-loai-hoan-thanh-tot',
        label: 'Được đánh giá, xếp loại từ “Hoàn thành tốt nhiệm vụ” trở lên',
        met: false,
        source: 'Luật Thi đua, khen thưởng số 06/2022/QH15, danh hiệu “Lao động tiên tiến”: hoàn thành tốt nhiệm vụ trở lên',
        facts: { grade: 'hoan-thanh', required: 'hoan-thanh-tot' },
      },
      {
        code: 'khong-bi-ky-luat',
        label: 'Không bị kỷ luật trong năm (từ hình thức khiển trách trở lên)',
        met: false,
        source: 'Tiêu chuẩn “chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước” của danh hiệu; mức khiển trách: giả định, chưa tìm được điều khoản',
        assumed: true,
        facts: { disciplineLevel: 'khien-trach', barsFrom: 'khien-trach' },
      },
    ]);
    expect(result).toMatchObject({ needsVote: false, threshold: null, proposedUpward: false, quota: null, ruleSet: 'luat-2022-nd98-2023' });
  });

  it('a grade that is not final leaves its condition pending', () => {
    const result = titleOf(memberEligibility(ND98, memberFacts({ grade: null })), LDTT);
    expect(conditionOf(result, 'xep-loai-hoan-thanh-tot')).toStrictEqual({
      code: 'xep-loai-hoan-thanh-tot',
      label: 'Được đánh giá, xếp loại từ “Hoàn thành tốt nhiệm vụ” trở lên',
      met: false,
      pending: true,
      source: 'Luật Thi đua, khen thưởng số 06/2022/QH15, danh hiệu “Lao động tiên tiến”: hoàn thành tốt nhiệm vụ trở lên',
      facts: { grade: null, required: 'hoan-thanh-tot' },
    });
  });
});

describe('Chiến sĩ thi đua cơ sở', () => {
  it.each<Case>([
    { name: 'LĐTT + an initiative recognized at base level', facts: { recognizedInitiatives: 1 }, eligible: true },
    { name: 'an excellent grade alone does NOT suffice', facts: { grade: 'hoan-thanh-xuat-sac' }, eligible: false },
    { name: 'LĐTT without any achievement', facts: {}, eligible: false },
    { name: 'an accepted research project (Law 2003 art. 23(2))', facts: { acceptedResearch: true }, eligible: true },
    { name: 'an initiative but no pledge (LĐTT fails)', facts: { recognizedInitiatives: 2, pledged: false }, eligible: false },
    { name: 'an initiative but khiển trách', facts: { recognizedInitiatives: 1, disciplineLevel: 'khien-trach' }, eligible: false },
    { name: 'an initiative but only hoàn thành', facts: { recognizedInitiatives: 1, grade: 'hoan-thanh' }, eligible: false },
    { name: 'an initiative, grade not final', facts: { recognizedInitiatives: 1, grade: null }, eligible: false, pending: true },
    { name: 'no achievement, grade not final: the grade cannot help under Decree 91', facts: { grade: null }, eligible: false, pending: false },
  ])('Decree 91: $name', (each) => {
    const result = check(ND91, CSTDCS, each);
    expect(result).toMatchObject({ needsVote: true, threshold: 0.8, secretBallot: true, quota: { ofTitle: LDTT, percent: 15 } });
  });

  describe.each([
    ['Decree 98', ND98],
    ['Decree 152', ND152],
  ])('%s', (_name, ruleSet) => {
    it.each<Case>([
      { name: 'an excellent grade alone suffices', facts: { grade: 'hoan-thanh-xuat-sac' }, eligible: true },
      { name: 'hoàn thành tốt + an initiative', facts: { recognizedInitiatives: 1 }, eligible: true },
      { name: 'hoàn thành tốt + an accepted research project', facts: { acceptedResearch: true }, eligible: true },
      { name: 'hoàn thành tốt alone', facts: {}, eligible: false },
      { name: 'an initiative but only hoàn thành', facts: { recognizedInitiatives: 1, grade: 'hoan-thanh' }, eligible: false },
      { name: 'excellent but khiển trách', facts: { grade: 'hoan-thanh-xuat-sac', disciplineLevel: 'khien-trach' }, eligible: false },
      { name: 'excellent without a pledge: eligible, with the warning', facts: { grade: 'hoan-thanh-xuat-sac', pledged: false }, eligible: true },
      { name: 'grade not final, nothing else: pending (it may be excellent)', facts: { grade: null }, eligible: false, pending: true },
    ])('$name', (each) => {
      const result = check(ruleSet, CSTDCS, each);
      expect(result).toMatchObject({ needsVote: true, threshold: 0.8, quota: null });
    });

    it('a missing pledge warns on CSTĐCS too (it rests on LĐTT)', () => {
      const result = titleOf(memberEligibility(ruleSet, memberFacts({ grade: 'hoan-thanh-xuat-sac', pledged: false })), CSTDCS);
      expect(warningCodes(result)).toContain('thieu-dang-ky-thi-dua');
    });
  });

  it('the achievement condition names what satisfied it', () => {
    const result = titleOf(memberEligibility(ND98, memberFacts({ grade: 'hoan-thanh-xuat-sac', recognizedInitiatives: 2 })), CSTDCS);
    expect(conditionOf(result, 'mot-trong-cac-thanh-tich').facts).toStrictEqual({
      grade: 'hoan-thanh-xuat-sac',
      recognizedInitiatives: 2,
      acceptedResearch: false,
      anyOf: ['hoan-thanh-xuat-sac', 'sang-kien-co-so', 'de-tai-nghiem-thu'],
      satisfiedBy: ['hoan-thanh-xuat-sac', 'sang-kien-co-so'],
    });
    expect(conditionOf(result, 'dat-lao-dong-tien-tien')).toMatchObject({ met: true, facts: { title: LDTT, eligible: true } });
  });

  it('only Decree 152 warns that its thresholds are unconfirmed', () => {
    const facts = memberFacts({ grade: 'hoan-thanh-xuat-sac' });
    expect(warningCodes(titleOf(memberEligibility(ND152, facts), CSTDCS))).toStrictEqual(['nguong-chua-xac-nhan']);
    expect(warningCodes(titleOf(memberEligibility(ND98, facts), CSTDCS))).toStrictEqual([]);
    // LĐTT needs no vote: nothing to warn about.
    expect(warningCodes(titleOf(memberEligibility(ND152, facts), LDTT))).toStrictEqual([]);
  });
});

describe('Chiến sĩ thi đua cấp tỉnh: 3 consecutive CSTĐCS ending with this cycle, and a province-wide initiative', () => {
  const base: Partial<MemberFacts> = { year: 2025, grade: 'hoan-thanh-xuat-sac', provinceWideInitiatives: 1 };

  describe.each([
    ['Decree 98', ND98],
    ['Decree 152', ND152],
  ])('%s', (_name, ruleSet) => {
    it.each<Case>([
      { name: '2023, 2024 + eligible in 2025', facts: { ...base, previousCstdcsYears: [2023, 2024] }, eligible: true },
      { name: '2023, 2024 + granted in 2025 already', facts: { ...base, grade: 'hoan-thanh', previousCstdcsYears: [2023, 2024, 2025] }, eligible: true },
      { name: '2022, 2024 are not consecutive', facts: { ...base, previousCstdcsYears: [2022, 2024] }, eligible: false },
      { name: '2024 only', facts: { ...base, previousCstdcsYears: [2024] }, eligible: false },
      { name: 'older years do not count: 2021, 2022, 2023', facts: { ...base, previousCstdcsYears: [2021, 2022, 2023] }, eligible: false },
      { name: '2023, 2024 but not CSTĐCS in 2025', facts: { ...base, grade: 'hoan-thanh-tot', previousCstdcsYears: [2023, 2024] }, eligible: false },
      { name: '2023, 2024 and the 2025 grade not final', facts: { ...base, grade: null, previousCstdcsYears: [2023, 2024] }, eligible: false, pending: true },
      { name: 'no province-wide initiative', facts: { ...base, provinceWideInitiatives: 0, previousCstdcsYears: [2023, 2024] }, eligible: false },
    ])('$name', (each) => {
      const result = check(ruleSet, CSTD_TINH, each);
      expect(result).toMatchObject({ needsVote: true, threshold: 0.9, proposedUpward: true });
    });
  });

  it('reports the years required, held and missing', () => {
    const result = titleOf(memberEligibility(ND98, memberFacts({ ...base, previousCstdcsYears: [2024, 2022, 2024] })), CSTD_TINH);
    expect(conditionOf(result, 'ba-lan-lien-tuc-cstdcs')).toStrictEqual({
      code: 'ba-lan-lien-tuc-cstdcs',
      label: '03 lần liên tục đạt danh hiệu “Chiến sĩ thi đua cơ sở” (tính cả năm xét)',
      met: false,
      source: 'Luật Thi đua, khen thưởng số 06/2022/QH15, danh hiệu Chiến sĩ thi đua bộ, ban, ngành, tỉnh: 03 lần liên tục đạt “Chiến sĩ thi đua cơ sở”',
      facts: { title: CSTDCS, year: 2025, requiredYears: [2023, 2024, 2025], grantedYears: [2022, 2024], missingYears: [2023], currentYear: 'eligible' },
    });
  });

  it('Decree 91: the same rule, with a secret ballot of ≥90% (art. 45(8)); CSTĐCS there needs an initiative', () => {
    const facts = { year: 2023, provinceWideInitiatives: 1, previousCstdcsYears: [2021, 2022] };
    check(ND91, CSTD_TINH, { name: '', facts: { ...facts, recognizedInitiatives: 1 }, eligible: true });
    // Excellent but without an initiative, 2023's CSTĐCS fails under Decree 91, so the third year is missing.
    check(ND91, CSTD_TINH, { name: '', facts: { ...facts, grade: 'hoan-thanh-xuat-sac' }, eligible: false });
    const result = titleOf(memberEligibility(ND91, memberFacts({ ...facts, recognizedInitiatives: 1 })), CSTD_TINH);
    expect(result).toMatchObject({ threshold: 0.9, secretBallot: true, proposedUpward: true, vote: { by: 'provincial-council', source: 'Nghị định số 91/2017/NĐ-CP Điều 45 khoản 8', assumed: false } });
  });
});

describe('forms of commendation', () => {
  it.each([
    ['Decree 91', ND91],
    ['Decree 98', ND98],
    ['Decree 152', ND152],
  ])('%s: giấy khen and bằng khen are the council’s judgment (its criteria listed, assumed), barred by discipline; bằng khen is proposed upward', (_name, ruleSet) => {
    const weak = memberEligibility(ruleSet, memberFacts({ grade: 'khong-hoan-thanh', pledged: false }));
    expect(titleOf(weak, 'giay-khen')).toMatchObject({ eligible: true, councilJudgment: true, needsVote: false, proposedUpward: false });
    expect(titleOf(weak, 'bang-khen-cap-tinh')).toMatchObject({ eligible: true, councilJudgment: true, needsVote: false, proposedUpward: true });
    expect(titleOf(weak, 'bang-khen-cap-tinh').judgments.map((each) => each.code)).toStrictEqual(['thanh-tich-tieu-bieu-xuat-sac', 'hai-nam-xuat-sac-hai-sang-kien']);
    expect(titleOf(weak, 'giay-khen').judgments.every((each) => each.assumed === true)).toBe(true);
    const disciplined = memberEligibility(ruleSet, memberFacts({ disciplineLevel: 'khien-trach' }));
    expect(titleOf(disciplined, 'giay-khen').eligible).toBe(false);
    expect(titleOf(disciplined, 'bang-khen-cap-tinh').eligible).toBe(false);
    // A member's Lao động tiên tiến has merit conditions: not the council's judgment alone.
    expect(titleOf(weak, 'lao-dong-tien-tien').councilJudgment).toBe(false);
  });
});

describe('memberEligibility', () => {
  it('lists every individual title of the rule set, in order', () => {
    expect(memberEligibility(ND98, memberFacts()).map((result) => result.title)).toStrictEqual(ND98.memberTitles.map((rule) => rule.title));
  });

  it.each([
    ['negative initiatives', { recognizedInitiatives: -1 }],
    ['fractional initiatives', { provinceWideInitiatives: 0.5 }],
    ['a fractional year', { year: 2024.5 }],
    ['an unknown discipline level', { disciplineLevel: 'phe-binh' as never }],
  ])('refuses %s', (_name, facts) => {
    expect(() => memberEligibility(ND98, memberFacts(facts))).toThrow(RangeError);
  });
});
