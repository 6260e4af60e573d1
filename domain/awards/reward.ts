import { refuse } from '../errors';
import type { TitleCode } from '../titles';
import { rewardAmount } from './base-salary';
import { type RuleSet, ruleSetFor } from './rule-sets';

/** The reward of a title granted to a recipient on a date, by the rules in force then (null where they set none). */
export const rewardFor = (title: TitleCode, date: string, recipientKind: 'member' | 'department') => {
  let rules: RuleSet;
  try {
    rules = ruleSetFor(date);
  } catch (error) {
    return refuse('invalid-request', (error as Error).message);
  }
  return { amount: rewardAmount(rules, title, date, recipientKind), ruleSet: rules.code };
};
