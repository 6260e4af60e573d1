import { requiredYesVotes } from '../awards/eligibility';
import type { RuleSet } from '../awards/rule-sets';
import type { TitleCode } from '../titles';

/**
 * Votes needed in the agency's session for a title, counted against ALL council members, not those present
 * (Decree 98 art. 30(7)), from the rule set of the review (domain/awards/rule-sets.ts): 80% for Chiến sĩ thi đua cơ
 * sở. A vote that belongs to the provincial council (Chiến sĩ thi đua cấp tỉnh, 90%: Decree 91 art. 45(8); Cờ thi
 * đua cấp tỉnh) is not the agency's: its session only proposes the title upward, as for a title the rules give no
 * threshold, on a majority of all members (an assumption: the agency's council decides by majority).
 */
export const requiredYes = (rules: RuleSet, title: TitleCode, members: number): number => {
  const vote = [...rules.memberTitles, ...rules.departmentTitles].find((rule) => rule.title === title)?.vote;
  return vote?.by === 'agency-council' ? requiredYesVotes(vote.percentOfAllMembers / 100, members) : Math.floor(members / 2) + 1;
};
