import { type DepartmentSummary, rankDepartments, summarizeDepartment } from '../../domain/evaluation/ranking';
import { type ScoreEntry, entryOf, scoreLinesOf } from '../projections/evaluation';
import type { Deps } from '../deps';
import { cycleRoster, loadDepartmentCycle } from '../department-roster';
import { rosterOfCycle } from '../roster';
import { type ViewRecord, queryViews } from '../store/views';
import { scoresPartition, viewKeys } from '../store/view-keys';

/**
 * A cycle's score lines over the roster: from the cycle's line items (one per participant) and the roster's views,
 * `members` being the cycle's roster (rosterOfCycle, or a department's: cycleRoster). A member's line counts in the
 * department the member counts in that year, whichever department it was filed under (its first sheet's, before a move).
 */
export const scoresOf = (departments: readonly ViewRecord[], members: readonly ViewRecord[], lineItems: readonly ScoreEntry[]) => {
  const entries = lineItems.map((line) => entryOf(line as unknown as Record<string, unknown>));
  const collectiveOf = new Map(entries.filter((entry) => entry.participantKind === 'department').map((entry) => [entry.participantId, entry]));
  const memberLineOf = new Map(entries.filter((entry) => entry.participantKind === 'member').map((entry) => [entry.participantId, entry]));
  const rosters = new Map<string, ViewRecord[]>();
  for (const member of members) rosters.set(member.departmentId as string, [...(rosters.get(member.departmentId as string) ?? []), member]);
  const rosterOf = (departmentId: string): ViewRecord[] => rosters.get(departmentId) ?? [];
  return {
    departments,
    members,
    lines: (departmentId: string): ScoreEntry[] => [
      ...(collectiveOf.has(departmentId) ? [collectiveOf.get(departmentId)!] : []),
      ...rosterOf(departmentId).flatMap((member) => memberLineOf.get(member.sk) ?? []),
    ],
    rosterOf,
  };
};
export type CycleScores = ReturnType<typeof scoresOf>;

/** The whole cycle's score lines and the roster, in three Queries at once: for readers of every department. */
export const loadScores = async (deps: Deps, org: string, campaignId: string, year: number): Promise<CycleScores> => {
  const [scores, departments, members] = await Promise.all([
    queryViews(deps, scoresPartition(org, campaignId, year)),
    queryViews(deps, viewKeys.department(org, '').pk),
    queryViews(deps, viewKeys.member(org, '').pk),
  ]);
  return scoresOf(departments, rosterOfCycle(members, year), scoreLinesOf(scores));
};

/**
 * One department's scores of a cycle, for a reader of that department: its roster on the review date and its lines
 * (departmentCycle: in proportion to the department), the departments (small items) and every department's
 * summary (one small item each), which rank it among the others without reading their lines.
 */
export const loadDepartmentScores = async (deps: Deps, org: string, campaignId: string, year: number, departmentId: string) => {
  const [departments, summaries, { postings, lines }] = await Promise.all([
    queryViews(deps, viewKeys.department(org, '').pk),
    queryViews(deps, viewKeys.departmentSummary(org, campaignId, year, '').pk),
    loadDepartmentCycle(deps, { org, campaignId, year, departmentId }),
  ]);
  return { scores: scoresOf(departments, cycleRoster(postings, year, departmentId), [...lines.values()]), summaries };
};

const figuresOf = (scores: CycleScores, department: ViewRecord): DepartmentSummary =>
  summarizeDepartment(department.sk, department.name as string, scores.lines(department.sk), scores.rosterOf(department.sk).map((member) => member.sk));

/** Every department's figures, ranked: what the scoreboard, a department's page and the reports show. */
export const rankedDepartments = (scores: CycleScores) => rankDepartments(scores.departments.map((department) => figuresOf(scores, department)));

/**
 * Every department ranked, `departmentId`'s figures from its lines (as `scores` holds them, for this reader), the
 * others' from their summaries as the reader may see them (`blind`: blind-scores.ts). Only `departmentId`'s row is
 * whole; the others carry what ranks them and whether they are final.
 */
export const rankedWithSummaries = (scores: CycleScores, summaries: readonly ViewRecord[], departmentId: string, blind: boolean) => {
  const summaryOf = new Map(summaries.map((item) => [item.sk, item]));
  return rankDepartments(
    scores.departments.map((department) => {
      if (department.sk === departmentId) return figuresOf(scores, department);
      const stored = summaryOf.get(department.sk);
      const figures = stored?.[blind ? 'blind' : 'open'] as { collectiveScore: number | null; membersMean: number | null } | undefined;
      return { ...summarizeDepartment(department.sk, department.name as string, [], []), collectiveScore: figures?.collectiveScore ?? null, membersMean: figures?.membersMean ?? null, final: stored?.final === true };
    }),
  );
};
