import { titleByCode } from '../../domain/titles';
import type { GrantedAward } from '../../events/decision';
import type { ViewRecord } from '../store/views';

/** The awards granted by a cycle's decisions in force (a revoked decision grants nothing). */
export const awardsInForce = (decisions: readonly ViewRecord[]): GrantedAward[] =>
  decisions.filter((decision) => decision.revoked === null).flatMap((decision) => decision.awards as GrantedAward[]);

/** Per title, how many were granted and the rewards' total: the summary the Office reports upward. */
export const awardSummary = (decisions: readonly ViewRecord[]) => {
  const inForce = awardsInForce(decisions);
  const byTitle = new Map<string, { title: string; label: string; count: number; amount: number }>();
  for (const award of inForce) {
    const line = byTitle.get(award.title) ?? { title: award.title, label: titleByCode(award.title)!.label, count: 0, amount: 0 };
    line.count += 1;
    line.amount += award.amount ?? 0;
    byTitle.set(award.title, line);
  }
  const titles = [...byTitle.values()];
  return { titles, awards: inForce.length, totalAmount: titles.reduce((sum, line) => sum + line.amount, 0) };
};

/** Per department, how many of each title its decisions in force grant (to it and to its members). */
export const awardCountsByDepartment = (decisions: readonly ViewRecord[]) => {
  const counts = new Map<string, Record<string, number>>();
  for (const award of awardsInForce(decisions)) {
    const titles = counts.get(award.departmentId) ?? {};
    titles[award.title] = (titles[award.title] ?? 0) + 1;
    counts.set(award.departmentId, titles);
  }
  return counts;
};
