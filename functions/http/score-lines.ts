import { type DepartmentSummary, rankDepartments, summarizeDepartment } from '../../domain/evaluation/ranking';
import { type ScoreEntry, scoreLinesByDepartment } from '../projections/evaluation';
import type { Deps } from '../deps';
import { type ViewRecord, queryViewIndex, queryViews } from '../store/views';
import { departmentIndex, scoreLinePrefix, scoresPartition, viewKeys } from '../store/view-keys';

/** A cycle's score lines over the roster: from the cycle's score line items (one per participant) and the roster's views. */
export const scoresOf = (departments: readonly ViewRecord[], members: readonly ViewRecord[], scoreItems: readonly ViewRecord[]) => {
  const linesOf = scoreLinesByDepartment(scoreItems);
  const rosters = new Map<string, ViewRecord[]>();
  for (const member of members) {
    const departmentId = member.departmentId as string;
    if (!rosters.has(departmentId)) rosters.set(departmentId, []);
    rosters.get(departmentId)!.push(member);
  }
  return {
    departments,
    members,
    lines: (departmentId: string): ScoreEntry[] => linesOf.get(departmentId) ?? [],
    rosterOf: (departmentId: string): ViewRecord[] => rosters.get(departmentId) ?? [],
  };
};
export type CycleScores = ReturnType<typeof scoresOf>;

/** The cycle's score lines and the roster, in three Queries at once. */
export const loadScores = async (deps: Deps, org: string, campaignId: string, year: number): Promise<CycleScores> => {
  const [scores, departments, members] = await Promise.all([
    queryViews(deps, scoresPartition(org, campaignId, year)),
    queryViews(deps, viewKeys.department(org, '').pk),
    queryViews(deps, viewKeys.member(org, '').pk),
  ]);
  return scoresOf(departments, members, scores);
};

/** Every department's figures, ranked: what the scoreboard, a department's page and the reports show. */
export const rankedDepartments = (scores: CycleScores) =>
  rankDepartments(
    scores.departments.map((department) =>
      summarizeDepartment(department.sk, department.name as string, scores.lines(department.sk), scores.rosterOf(department.sk).map((member) => member.sk)),
    ),
  );

/**
 * One department's scores: its lines (a key prefix) and its roster (the department index), in proportion to the
 * department, and its rank among departments from their summaries (one small item each, kept by the projector).
 * `scores` holds that department's lines and roster only; `summary` is its ranked figures.
 */
export const loadDepartmentScores = async (deps: Deps, org: string, campaignId: string, year: number, departmentId: string) => {
  const [departments, lines, members, summaries] = await Promise.all([
    queryViews(deps, viewKeys.department(org, '').pk),
    queryViews(deps, scoresPartition(org, campaignId, year), scoreLinePrefix(departmentId)),
    queryViewIndex(deps, departmentIndex.members(org, departmentId)),
    queryViews(deps, viewKeys.departmentSummary(org, campaignId, year, '').pk),
  ]);
  const scores = scoresOf(departments, members, lines);
  const summaryOf = new Map(summaries.map((item) => [item.sk, item]));
  const figures = (department: ViewRecord): DepartmentSummary => {
    const name = department.name as string;
    if (department.sk === departmentId) return summarizeDepartment(departmentId, name, scores.lines(departmentId), scores.rosterOf(departmentId).map((member) => member.sk));
    const stored = summaryOf.get(department.sk);
    return { ...summarizeDepartment(department.sk, name, [], []), collectiveScore: (stored?.collectiveScore as number | null) ?? null, membersMean: (stored?.membersMean as number | null) ?? null };
  };
  return { scores, summary: rankDepartments(departments.map(figures)).find((each) => each.departmentId === departmentId) };
};
