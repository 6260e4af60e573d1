import { requiredYesVotes } from '../awards/eligibility';
import type { RuleSet } from '../awards/rule-sets';
import type { TitleCode } from '../titles';

/**
 * Votes needed for a title, counted against ALL council members, not those present (Decree 98 art. 30(7)), from
 * the rule set in force when the session opens (domain/awards/rule-sets.ts): 80% for Chiến sĩ thi đua cơ sở and
 * Cờ thi đua, 90% for provincial Chiến sĩ thi đua. A title the rules give no threshold passes a session on a
 * majority of all members (an assumption: the agency's council decides by majority).
 */
export const requiredYes = (rules: RuleSet, title: TitleCode, members: number): number => {
  const vote = [...rules.memberTitles, ...rules.departmentTitles].find((rule) => rule.title === title)?.vote;
  return vote ? requiredYesVotes(vote.percentOfAllMembers / 100, members) : Math.floor(members / 2) + 1;
};
