import { exactDecimal } from './exact';
import { type AwardCode, assertIsoDate, type RoundingRule, type RuleSet } from './rule-sets';

/**
 * The base salary (mức lương cơ sở) by effective date, in VND. Rewards are multiples of the base salary in force
 * on the decision date (Decree 98/2023 art. 54, kept by Decree 152/2025; Decree 91/2017 likewise).
 */
export interface BaseSalary {
  readonly from: string;
  readonly vnd: number;
  readonly basis: string;
}

export const BASE_SALARIES: readonly BaseSalary[] = [
  { from: '2017-07-01', vnd: 1_300_000, basis: 'Nghị định số 47/2017/NĐ-CP' },
  { from: '2018-07-01', vnd: 1_390_000, basis: 'Nghị định số 72/2018/NĐ-CP' },
  { from: '2019-07-01', vnd: 1_490_000, basis: 'Nghị định số 38/2019/NĐ-CP' },
  { from: '2023-07-01', vnd: 1_800_000, basis: 'Nghị định số 24/2023/NĐ-CP' },
  { from: '2024-07-01', vnd: 2_340_000, basis: 'Nghị định số 73/2024/NĐ-CP' },
];

/** The base salary in force on a calendar date (the latest entry whose `from` ≤ date). */
export const baseSalaryOn = (date: string): number => {
  assertIsoDate(date);
  const inForce = BASE_SALARIES.filter((entry) => entry.from <= date).at(-1);
  if (inForce === undefined) throw new RangeError(`no base salary recorded for ${date} (the first is from ${BASE_SALARIES[0].from})`);
  return inForce.vnd;
};

/** amount = num/den VND, rounded by the rule, in integers. */
const roundAmount = (num: bigint, den: bigint, rounding: RoundingRule): number => {
  const unit = BigInt(rounding.unit);
  const step = den * unit;
  const units = rounding.mode === 'up' ? (num + step - 1n) / step : (2n * num + step) / (2n * step);
  return Number(units * unit);
};

export interface RewardDetail {
  readonly title: AwardCode;
  readonly ruleSet: RuleSet['code'];
  readonly recipientKind: 'member' | 'department';
  readonly multiple: number;
  readonly baseSalary: number;
  /** multiple × base salary, before rounding (exact: multiples have one decimal, salaries are whole VND). */
  readonly exact: number;
  readonly amount: number;
  readonly rounding: RoundingRule;
  /** Where the multiple is stated. */
  readonly source: string;
  /** The multiple or the rounding is an assumption (see the rule set). */
  readonly assumed: boolean;
}

/**
 * The reward of a title: multiple × the base salary on the decision date, rounded by the rule set's rounding rule
 * (Decree 91 art. 68(2) and Decree 98: up to the next 10,000 VND). A collective receives the collective multiple
 * where the rules give one (Giấy khen, Bằng khen: twice the individual's, Decree 91 art. 73(2)(b)). Null when the
 * rule set gives the title no multiple.
 */
export const rewardDetail = (ruleSet: RuleSet, title: AwardCode, decisionDate: string, recipientKind: 'member' | 'department' = 'member'): RewardDetail | null => {
  const rule = ruleSet.rewards[title];
  if (rule === undefined) throw new RangeError(`unknown title: ${title}`);
  const multiple = recipientKind === 'department' ? (rule.collectiveMultiple ?? rule.multiple) : rule.multiple;
  if (multiple === null) return null;
  const baseSalary = baseSalaryOn(decisionDate);
  const { num, den } = exactDecimal(multiple);
  const product = num * BigInt(baseSalary);
  return {
    title,
    ruleSet: ruleSet.code,
    recipientKind,
    multiple,
    baseSalary,
    exact: Number(product) / Number(den),
    amount: roundAmount(product, den, ruleSet.rewardRounding),
    rounding: ruleSet.rewardRounding,
    source: rule.source,
    assumed: rule.assumed || ruleSet.rewardRounding.assumed,
  };
};

/** The reward amount in VND, or null when the title has no multiple in the rule set. */
export const rewardAmount = (ruleSet: RuleSet, title: AwardCode, decisionDate: string, recipientKind: 'member' | 'department' = 'member'): number | null =>
  rewardDetail(ruleSet, title, decisionDate, recipientKind)?.amount ?? null;
