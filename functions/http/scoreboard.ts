import { type Actor, hasRole } from '../../domain/actor';
import { refuse } from '../../domain/errors';
import { rankMembers } from '../../domain/evaluation/ranking';
import { titleLabelsOf } from '../../domain/titles';
import { seesWholeOrganization } from '../../domain/policies';
import type { Deps } from '../deps';
import { queryViews } from '../store/views';
import { viewKeys } from '../store/view-keys';
import { awardCountsByDepartment } from './award-summary';
import { scoresSeenBy } from './blind-scores';
import { type CycleScores, loadDepartmentScores, loadScores, rankedDepartments, rankedWithSummaries } from './score-lines';
import { maySeeAllAppraisals } from '../../domain/evaluation/decider';

/**
 * The scoreboard as this actor may see it: departments ranked by collective score, then members' mean, then name,
 * with the collective result's grade (once final) and the count of each title their decisions in force grant; `final` once every evaluation is finalized. The
 * Office, the leadership and the council see every row; a head or a member its own department's row, with its
 * rank. The JSON scoreboard and its export both read it (the export also uses `scores`, for the members' sheet).
 * Without an actor, every row: for a caller that has checked its reader may see them all (an upward reader).
 */
export const loadScoreboard = async (deps: Deps, org: string, campaignId: string, year: number, actor?: Actor) => {
  if (actor && !hasRole(actor, 'office', 'leader', 'council', 'head', 'member')) refuse('forbidden', 'this role does not read scores');
  const everyRow = !actor || seesWholeOrganization(actor) || hasRole(actor, 'council');
  // A head or a member reads its own department's lines and the others' summaries, not the whole organization's lines.
  const own = everyRow ? undefined : actor.department ?? '';
  const [loaded, decisions] = await Promise.all([
    own === undefined ? loadScores(deps, org, campaignId, year).then((scores) => ({ scores, summaries: [] })) : loadDepartmentScores(deps, org, campaignId, year, own, true),
    queryViews(deps, viewKeys.decision(org, campaignId, year, '').pk),
  ]);
  const scores = actor ? scoresSeenBy(actor, loaded.scores) : loaded.scores;
  const awardsOf = awardCountsByDepartment(decisions);
  const ranked = own === undefined ? rankedDepartments(scores) : rankedWithSummaries(scores, loaded.summaries, own, !maySeeAllAppraisals(actor!));
  const withAwards = ranked.map((row) => ({ ...row, gradeLabel: collectiveLine(scores, row.departmentId)?.gradeLabel ?? null, awards: awardsOf.get(row.departmentId) ?? {} }));
  const visible = own === undefined ? withAwards : withAwards.filter((row) => row.departmentId === own);
  // The labels of the titles granted, so a reader without the campaign (an upward reader) names them too.
  const titleLabels = titleLabelsOf(visible.flatMap((row) => Object.keys(row.awards)));
  return { board: { campaignId, year, final: ranked.length > 0 && ranked.every((row) => row.final), departments: visible, titleLabels }, scores };
};
export type Scoreboard = Awaited<ReturnType<typeof loadScoreboard>>['board'];

/** A department's members ranked within it (provisional until final), every member of the roster. */
export const rankedMembers = (scores: CycleScores, departmentId: string) => {
  const lines = new Map(scores.lines(departmentId).map((line) => [`${line.participantKind}:${line.participantId}`, line]));
  return rankMembers(
    scores.rosterOf(departmentId).map((member) => {
      const line = lines.get(`member:${member.sk}`);
      return { memberId: member.sk, fullName: member.fullName as string, status: line?.status ?? 'none', percent: line?.percent ?? null, grade: line?.grade ?? null, gradeLabel: line?.gradeLabel ?? null, final: line?.final ?? false, subtotals: line?.subtotals ?? {} };
    }),
  );
};

/** The department's own (collective) line: its score and, once final, its grade. */
export const collectiveLine = (scores: CycleScores, departmentId: string) => scores.lines(departmentId).find((line) => line.participantKind === 'department') ?? null;

/** Of a department's member lines, those an actor may read: all of them, or a member's own line only. */
export const visibleMembers = <T extends { memberId: string }>(actor: Actor, members: readonly T[]): readonly T[] =>
  hasRole(actor, 'office', 'leader', 'council', 'head') ? members : members.filter((member) => member.memberId === actor.member);
