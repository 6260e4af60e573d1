import type { GrantedAward } from '../../events/decision';
import type { ViewRecord } from '../store/views';

/**
 * What a cycle's reads need of a decision without its list of awards: per title, how many were granted, how many
 * to members (a rule set's cap counts those) and the rewards' total; per department, how many of each title (to
 * it and to its members). Bounded by the titles and the departments, never by the number of awards.
 */
export interface DecisionSummary {
  readonly titles: Record<string, { count: number; members: number; amount: number }>;
  readonly departments: Record<string, Record<string, number>>;
}

export const summarize = (awards: readonly GrantedAward[]): DecisionSummary => {
  const titles: DecisionSummary['titles'] = {};
  const departments: DecisionSummary['departments'] = {};
  for (const award of awards) {
    const line = (titles[award.title] ??= { count: 0, members: 0, amount: 0 });
    line.count += 1;
    line.members += award.recipientKind === 'member' ? 1 : 0;
    line.amount += award.amount ?? 0;
    const counts = (departments[award.departmentId] ??= {});
    counts[award.title] = (counts[award.title] ?? 0) + 1;
  }
  return { titles, departments };
};

/** A decision item's summary; an item projected before summaries were kept holds its awards whole (at most 100). */
export const summaryOf = (decision: ViewRecord): DecisionSummary => (decision.summary as DecisionSummary | undefined) ?? summarize(decision.awards as GrantedAward[]);

/** How many awards a decision item stands for (its first page is all of them in an item without a count). */
export const awardCountOf = (decision: ViewRecord): number => (decision.awardCount as number | undefined) ?? (decision.awards as unknown[]).length;
