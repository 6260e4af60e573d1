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

describe('rewardAmount: multiple × the base salary on the decision date', () => {
  it.each([
    // Decree 98 / 152: nearest 1,000 VND (all of these are exact).
    [ND98, 'lao-dong-tien-tien', '2024-12-20', 702_000],
    [ND98, 'lao-dong-tien-tien', '2024-06-30', 540_000],
    [ND98, 'chien-si-thi-dua-co-so', '2024-12-20', 2_340_000],
    [ND98, 'chien-si-thi-dua-co-so', '2024-06-30', 1_800_000],
    [ND98, 'chien-si-thi-dua-cap-tinh', '2024-12-20', 7_020_000],
    [ND98, 'chien-si-thi-dua-toan-quoc', '2024-12-20', 10_530_000],
    [ND98, 'tap-the-lao-dong-xuat-sac', '2024-12-20', 3_510_000],
    [ND98, 'tap-the-lao-dong-tien-tien', '2024-12-20', 1_872_000],
    [ND98, 'co-thi-dua-cap-tinh', '2024-12-20', 18_720_000],
    [ND152, 'lao-dong-tien-tien', '2025-12-20', 702_000],
    [ND152, 'chien-si-thi-dua-co-so', '2025-12-20', 2_340_000],
    // Decree 91: rounded up to the next 10,000 VND (art. 68(2)).
    [ND91, 'lao-dong-tien-tien', '2022-12-20', 450_000], // 447,000
    [ND91, 'chien-si-thi-dua-co-so', '2022-12-20', 1_490_000],
    [ND91, 'tap-the-lao-dong-tien-tien', '2018-07-02', 1_120_000], // 1,112,000: the attested example
    [ND91, 'tap-the-lao-dong-tien-tien', '2022-12-20', 1_200_000], // 1,192,000
    [ND91, 'tap-the-lao-dong-xuat-sac', '2022-12-20', 2_240_000], // 2,235,000
  ] as const)('%#: %s on %s', (ruleSet, title, date, amount) => {
    expect(rewardAmount(ruleSet, title, date)).toBe(amount);
  });

  it.each([
    ['Decree 91', ND91],
    ['Decree 98', ND98],
  ])('%s: giấy khen and bằng khen carry no computed amount', (_name, ruleSet) => {
    expect(rewardAmount(ruleSet, 'giay-khen', '2024-12-20')).toBeNull();
    expect(rewardAmount(ruleSet, 'bang-khen-cap-tinh', '2024-12-20')).toBeNull();
    expect(rewardDetail(ruleSet, 'giay-khen', '2024-12-20')).toBeNull();
  });

  it('the detail shows the figures and whether any is assumed', () => {
    expect(rewardDetail(ND91, 'lao-dong-tien-tien', '2022-12-20')).toStrictEqual({
      title: 'lao-dong-tien-tien',
      ruleSet: 'luat-2003-nd91-2017',
      multiple: 0.3,
      baseSalary: 1_490_000,
      exact: 447_000,
      amount: 450_000,
      rounding: ND91.rewardRounding,
      assumed: true,
    });
    expect(rewardDetail(ND98, 'lao-dong-tien-tien', '2024-12-20')).toMatchObject({ exact: 702_000, amount: 702_000, assumed: true });
  });

  it('rounding is the rule set’s: nearest (half up) or up, in whole units', () => {
    const withMultiple = (ruleSet: RuleSet, multiple: number): RuleSet => ({
      ...ruleSet,
      rewards: { ...ruleSet.rewards, 'lao-dong-tien-tien': { multiple, assumed: true } },
    });
    // 0.1234 × 2,340,000 = 288,756
    expect(rewardAmount(withMultiple(ND98, 0.1234), 'lao-dong-tien-tien', '2024-12-20')).toBe(289_000);
    expect(rewardAmount(withMultiple(ND91, 0.1234), 'lao-dong-tien-tien', '2024-12-20')).toBe(290_000);
    // 0.1232 × 2,340,000 = 288,288: nearest rounds down, up rounds up.
    expect(rewardAmount(withMultiple(ND98, 0.1232), 'lao-dong-tien-tien', '2024-12-20')).toBe(288_000);
    expect(rewardAmount(withMultiple(ND91, 0.1232), 'lao-dong-tien-tien', '2024-12-20')).toBe(290_000);
    // 0.15 × 1,490,000 = 223,500: exactly half a thousand rounds up.
    expect(rewardAmount(withMultiple(ND98, 0.15), 'lao-dong-tien-tien', '2023-01-01')).toBe(224_000);
    // An exact multiple of the unit is kept, not pushed up.
    expect(rewardAmount(withMultiple(ND91, 1), 'lao-dong-tien-tien', '2024-12-20')).toBe(2_340_000);
  });

  it('refuses an unknown title or a date before the first base salary', () => {
    expect(() => rewardAmount(ND98, 'anh-hung-lao-dong' as never, '2024-12-20')).toThrow(RangeError);
    expect(() => rewardAmount(ND98, 'lao-dong-tien-tien', '2016-12-20')).toThrow(RangeError);
  });
});
