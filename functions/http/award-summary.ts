import { TITLE_CODES, titleByCode } from '../../domain/titles';
import { summaryOf } from '../projections/decision-pages';
import type { ViewRecord } from '../store/views';

/** The summaries of a cycle's decisions in force (a revoked decision grants nothing). */
const summariesInForce = (decisions: readonly ViewRecord[]) => decisions.filter((decision) => decision.revoked === null).map(summaryOf);

/** Per title, how many were granted and the rewards' total: the summary the Office reports upward. */
export const awardSummary = (decisions: readonly ViewRecord[]) => {
  const byTitle = new Map<string, { title: string; label: string; count: number; amount: number }>();
  for (const summary of summariesInForce(decisions)) {
    for (const [title, { count, amount }] of Object.entries(summary.titles)) {
      const line = byTitle.get(title) ?? { title, label: titleByCode(title)!.label, count: 0, amount: 0 };
      line.count += count;
      line.amount += amount;
      byTitle.set(title, line);
    }
  }
  // In the catalogue's order: a stored summary's map keeps no order of its own.
  const titles = [...byTitle.values()].sort((a, b) => TITLE_CODES.indexOf(a.title as never) - TITLE_CODES.indexOf(b.title as never));
  return { titles, awards: titles.reduce((sum, line) => sum + line.count, 0), totalAmount: titles.reduce((sum, line) => sum + line.amount, 0) };
};

/** Per department, how many of each title its decisions in force grant (to it and to its members). */
export const awardCountsByDepartment = (decisions: readonly ViewRecord[]) => {
  const counts = new Map<string, Record<string, number>>();
  for (const summary of summariesInForce(decisions)) {
    for (const [departmentId, byTitle] of Object.entries(summary.departments)) {
      const titles = counts.get(departmentId) ?? {};
      for (const [title, count] of Object.entries(byTitle)) titles[title] = (titles[title] ?? 0) + count;
      counts.set(departmentId, titles);
    }
  }
  return counts;
};
