import { refuse } from '../errors';
import type { TitleCode } from '../titles';
import { rewardAmount } from './base-salary';
import { type RuleSet, ruleSetFor } from './rule-sets';

/** The reward of a title granted on a date, by the rules in force then (amount null where the rules set none). */
export const rewardFor = (title: TitleCode, date: string) => {
  let rules: RuleSet;
  try {
    rules = ruleSetFor(date);
  } catch (error) {
    return refuse('invalid-request', (error as Error).message);
  }
  return { amount: rewardAmount(rules, title, date), ruleSet: rules.code };
};
