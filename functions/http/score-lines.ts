import type { ScoreEntry } from '../projections/evaluation';
import type { Deps } from '../deps';
import { type ViewRecord, queryViews } from '../store/views';
import { scoresPartition, viewKeys } from '../store/view-keys';

/** The cycle's score items (one per department) and the roster, in three Queries at once. */
export const loadScores = async (deps: Deps, org: string, campaignId: string, year: number) => {
  const [scores, departments, members] = await Promise.all([
    queryViews(deps, scoresPartition(org, campaignId, year)),
    queryViews(deps, viewKeys.department(org, '').pk),
    queryViews(deps, viewKeys.member(org, '').pk),
  ]);
  const linesOf = new Map(scores.map((item) => [item.sk, Object.values((item.entries ?? {}) as Record<string, ScoreEntry>)]));
  return {
    departments,
    members,
    lines: (departmentId: string): ScoreEntry[] => linesOf.get(departmentId) ?? [],
    rosterOf: (departmentId: string): ViewRecord[] => members.filter((member) => member.departmentId === departmentId),
  };
};

