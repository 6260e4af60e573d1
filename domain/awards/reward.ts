import { ruleSetFor } from '../eligibility/rule-sets';
import type { TitleCode } from '../titles';

/**
 * The reward of an award: a multiple of the base salary (mức lương cơ sở) in force on the decision date
 * (Decree 98/2023 art. 54, kept by Decree 152/2025). Data, by effective date.
 */
const BASE_SALARY: readonly { readonly from: string; readonly vnd: number }[] = [
  { from: '2019-07-01', vnd: 1_490_000 },
  { from: '2023-07-01', vnd: 1_800_000 },
  { from: '2024-07-01', vnd: 2_340_000 },
];

const MULTIPLES: Partial<Record<TitleCode, number>> = {
  'chien-si-thi-dua-cap-tinh': 3.0,
  'chien-si-thi-dua-co-so': 1.0,
  'lao-dong-tien-tien': 0.3,
  'tap-the-lao-dong-xuat-sac': 1.5,
  'tap-the-lao-dong-tien-tien': 0.8,
  'co-thi-dua-cap-tinh': 8.0,
};

export const baseSalaryOn = (date: string): number => [...BASE_SALARY].reverse().find((each) => each.from <= date)!.vnd;

/** Amounts in whole VND; a form of commendation without a multiple here has no amount (null), not zero. */
export const rewardFor = (title: TitleCode, date: string) => {
  const multiple = MULTIPLES[title];
  return { amount: multiple === undefined ? null : Math.round(multiple * baseSalaryOn(date)), ruleSet: ruleSetFor(date).code };
};
