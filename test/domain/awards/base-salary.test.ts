import { describe, expect, it } from 'vitest';
import { baseSalaryOn, rewardAmount, rewardDetail } from '../../../domain/awards/base-salary';
import type { RuleSet } from '../../../domain/awards/rule-sets';
import { ND152, ND91, ND98 } from './fixtures';

describe('baseSalaryOn', () => {
  it.each([
    ['2017-07-01', 1_300_000],
    ['2018-06-30', 1_300_000],
    ['2018-07-01', 1_390_000],
    ['2019-06-30', 1_390_000],
    ['2019-07-01', 1_490_000],
    ['2022-12-20', 1_490_000],
    ['2023-06-30', 1_490_000],
    ['2023-07-01', 1_800_000],
    ['2024-06-30', 1_800_000],
    ['2024-07-01', 2_340_000],
    ['2025-12-31', 2_340_000],
  ])('%s → %d VND', (date, vnd) => {
    expect(baseSalaryOn(date)).toBe(vnd);
  });

  it.each(['2017-06-30', '2024-13-01', '01/07/2024'])('refuses %s', (date) => {
    expect(() => baseSalaryOn(date)).toThrow(RangeError);
  });
});

describe('rewardAmount: multiple × the base salary on the decision date, rounded up to the next 10,000 VND', () => {
  it.each([
    // Decree 98 (its rounding principle: "làm tròn số lên hàng chục nghìn đồng"); Decree 152 assumed the same.
    [ND98, 'lao-dong-tien-tien', '2024-12-20', 710_000], // 702,000
    [ND98, 'lao-dong-tien-tien', '2024-06-30', 540_000],
    [ND98, 'chien-si-thi-dua-co-so', '2024-12-20', 2_340_000],
    [ND98, 'chien-si-thi-dua-co-so', '2024-06-30', 1_800_000],
    [ND98, 'chien-si-thi-dua-cap-tinh', '2024-12-20', 7_020_000],
    [ND98, 'chien-si-thi-dua-toan-quoc', '2024-12-20', 10_530_000],
    [ND98, 'tap-the-lao-dong-xuat-sac', '2024-12-20', 3_510_000],
    [ND98, 'tap-the-lao-dong-tien-tien', '2024-12-20', 1_880_000], // 1,872,000
    [ND98, 'co-thi-dua-cap-tinh', '2024-12-20', 18_720_000],
    [ND152, 'lao-dong-tien-tien', '2025-12-20', 710_000],
    [ND152, 'chien-si-thi-dua-co-so', '2025-12-20', 2_340_000],
    // Decree 91 art. 68(2): rounded up to the next 10,000 VND.
    [ND91, 'lao-dong-tien-tien', '2022-12-20', 450_000], // 447,000
    [ND91, 'chien-si-thi-dua-co-so', '2022-12-20', 1_490_000],
    [ND91, 'tap-the-lao-dong-tien-tien', '2018-07-02', 1_120_000], // 1,112,000: the Central Emulation Board's example
    [ND91, 'tap-the-lao-dong-tien-tien', '2022-12-20', 1_200_000], // 1,192,000
    [ND91, 'tap-the-lao-dong-xuat-sac', '2022-12-20', 2_240_000], // 2,235,000
  ] as const)('%#: %s on %s', (ruleSet, title, date, amount) => {
    expect(rewardAmount(ruleSet, title, date)).toBe(amount);
  });

  it('Decree 91 art. 73: Giấy khen 0.3 and Bằng khen of the province 1.0 for an individual, twice that for a collective (not assumed)', () => {
    // 2022: base 1,490,000. 447,000 → 450,000; 894,000 → 900,000.
    expect(rewardAmount(ND91, 'giay-khen', '2022-12-20', 'member')).toBe(450_000);
    expect(rewardAmount(ND91, 'giay-khen', '2022-12-20', 'department')).toBe(900_000);
    expect(rewardAmount(ND91, 'bang-khen-cap-tinh', '2022-12-20', 'member')).toBe(1_490_000);
    expect(rewardAmount(ND91, 'bang-khen-cap-tinh', '2022-12-20', 'department')).toBe(2_980_000);
    expect([ND91.rewards['giay-khen'].assumed, ND91.rewards['bang-khen-cap-tinh'].assumed]).toStrictEqual([false, false]);
    expect(ND91.rewards['giay-khen'].source).toContain('Điều 73');
  });

  it('Decree 98: the same multiples for Giấy khen and Bằng khen, assumed (its article was not found)', () => {
    expect(rewardAmount(ND98, 'giay-khen', '2024-12-20', 'member')).toBe(710_000);
    expect(rewardAmount(ND98, 'giay-khen', '2024-12-20', 'department')).toBe(1_410_000); // 1,404,000
    expect(rewardDetail(ND98, 'bang-khen-cap-tinh', '2024-12-20', 'department')).toMatchObject({ multiple: 2, amount: 4_680_000, assumed: true });
  });

  it('a collective title has one multiple, whoever it is for', () => {
    expect(rewardAmount(ND98, 'tap-the-lao-dong-tien-tien', '2024-12-20', 'department')).toBe(rewardAmount(ND98, 'tap-the-lao-dong-tien-tien', '2024-12-20', 'member'));
  });

  it('the detail shows the figures, their source and whether any is assumed', () => {
    expect(rewardDetail(ND91, 'lao-dong-tien-tien', '2022-12-20')).toStrictEqual({
      title: 'lao-dong-tien-tien',
      ruleSet: 'luat-2003-nd91-2017',
      recipientKind: 'member',
      multiple: 0.3,
      baseSalary: 1_490_000,
      exact: 447_000,
      amount: 450_000,
      rounding: ND91.rewardRounding,
      source: 'Nghị định số 91/2017/NĐ-CP Điều 69 khoản 1',
      assumed: false,
    });
    expect(rewardDetail(ND98, 'lao-dong-tien-tien', '2024-12-20')).toMatchObject({ exact: 702_000, amount: 710_000, assumed: false });
    expect(rewardDetail(ND152, 'tap-the-lao-dong-tien-tien', '2025-12-20')).toMatchObject({ assumed: true });
  });

  it('rounding is the rule set’s: up to the next unit, an exact multiple kept', () => {
    const withMultiple = (ruleSet: RuleSet, multiple: number): RuleSet => ({
      ...ruleSet,
      rewards: { ...ruleSet.rewards, 'lao-dong-tien-tien': { multiple, source: 'test', assumed: true } },
    });
    const nearest = (ruleSet: RuleSet): RuleSet => ({ ...ruleSet, rewardRounding: { mode: 'nearest', unit: 1_000, assumed: true, source: 'test' } });
    // 0.1234 × 2,340,000 = 288,756
    expect(rewardAmount(withMultiple(nearest(ND98), 0.1234), 'lao-dong-tien-tien', '2024-12-20')).toBe(289_000);
    expect(rewardAmount(withMultiple(ND91, 0.1234), 'lao-dong-tien-tien', '2024-12-20')).toBe(290_000);
    // 0.1232 × 2,340,000 = 288,288: nearest rounds down, up rounds up.
    expect(rewardAmount(withMultiple(nearest(ND98), 0.1232), 'lao-dong-tien-tien', '2024-12-20')).toBe(288_000);
    expect(rewardAmount(withMultiple(ND98, 0.1232), 'lao-dong-tien-tien', '2024-12-20')).toBe(290_000);
    // 0.15 × 1,490,000 = 223,500: exactly half a thousand rounds up.
    expect(rewardAmount(withMultiple(nearest(ND98), 0.15), 'lao-dong-tien-tien', '2023-01-01')).toBe(224_000);
    // An exact multiple of the unit is kept, not pushed up.
    expect(rewardAmount(withMultiple(ND91, 1), 'lao-dong-tien-tien', '2024-12-20')).toBe(2_340_000);
  });

  it('refuses an unknown title or a date before the first base salary', () => {
    expect(() => rewardAmount(ND98, 'anh-hung-lao-dong' as never, '2024-12-20')).toThrow(RangeError);
    expect(() => rewardAmount(ND98, 'lao-dong-tien-tien', '2016-12-20')).toThrow(RangeError);
  });
});
