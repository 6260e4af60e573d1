import { rankDepartments, summarizeDepartment } from '../../domain/evaluation/ranking';
import { type ScoreEntry, scoreLinesByDepartment } from '../projections/evaluation';
import type { Deps } from '../deps';
import { type ViewRecord, queryViews } from '../store/views';
import { scoresPartition, viewKeys } from '../store/view-keys';

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
