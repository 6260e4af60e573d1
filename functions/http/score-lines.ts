import { rankDepartments, summarizeDepartment } from '../../domain/evaluation/ranking';
import type { ScoreEntry } from '../projections/evaluation';
import type { Deps } from '../deps';
import { rosterOfCycle } from '../roster';
import { type ViewRecord, queryViews } from '../store/views';
import { scoresPartition, viewKeys } from '../store/view-keys';

/**
 * A cycle's score lines over the roster: from the cycle's score items (one per department) and the roster's views,
 * `members` being the cycle's roster (rosterOfCycle). A member's line counts in the department the member counts
 * in that year, whichever item its entry was filed in (the department of its first sheet, before a move).
 */
export const scoresOf = (departments: readonly ViewRecord[], members: readonly ViewRecord[], scoreItems: readonly ViewRecord[]) => {
  const entries = scoreItems.flatMap((item) => Object.values((item.entries ?? {}) as Record<string, ScoreEntry>).map((entry) => ({ departmentId: item.sk, entry })));
  const collectiveOf = new Map(entries.filter(({ entry }) => entry.participantKind === 'department').map(({ entry }) => [entry.participantId, entry]));
  const memberLineOf = new Map(entries.filter(({ entry }) => entry.participantKind === 'member').map(({ entry }) => [entry.participantId, entry]));
  const rosterOf = (departmentId: string): ViewRecord[] => members.filter((member) => member.departmentId === departmentId);
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

/** The cycle's score items (one per department) and the roster, in three Queries at once. */
export const loadScores = async (deps: Deps, org: string, campaignId: string, year: number): Promise<CycleScores> => {
  const [scores, departments, members] = await Promise.all([
    queryViews(deps, scoresPartition(org, campaignId, year)),
    queryViews(deps, viewKeys.department(org, '').pk),
    queryViews(deps, viewKeys.member(org, '').pk),
  ]);
  return scoresOf(departments, rosterOfCycle(members, year), scores);
};

/** Every department's figures, ranked: what the scoreboard, a department's page and the reports show. */
export const rankedDepartments = (scores: CycleScores) =>
  rankDepartments(
    scores.departments.map((department) =>
      summarizeDepartment(department.sk, department.name as string, scores.lines(department.sk), scores.rosterOf(department.sk).map((member) => member.sk)),
    ),
  );
