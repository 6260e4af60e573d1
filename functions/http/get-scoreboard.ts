import { hasRole } from '../../domain/actor';
import { refuse } from '../../domain/errors';
import { rankDepartments, summarizeDepartment } from '../../domain/evaluation/ranking';
import { seesWholeOrganization } from '../../domain/policies';
import type { GrantedAward } from '../../events/decision';
import { type ViewRecord, queryViews } from '../store/views';
import { viewKeys } from '../store/view-keys';
import { httpHandler } from './handler';
import { cycleParams } from './respond';
import { loadScores } from './score-lines';
import type { RouteHandler } from './types';

/**
 * GET …/cycles/{year}/scoreboard: departments ranked by collective score, then members' mean, then name, with
 * the count of each title their decisions in force grant.
 * `final` once every evaluation is finalized; until then the figures are provisional. The Office, the leadership
 * and the council see every row; a head or a member its own department's row, with its rank.
 */
export const route: RouteHandler = async (request, deps) => {
  const { org, campaignId, year } = cycleParams.parse(request.params);
  const { actor } = request;
  if (!hasRole(actor, 'office', 'leader', 'council', 'head', 'member')) refuse('forbidden', 'this role does not read scores');
  const [scores, decisions] = await Promise.all([loadScores(deps, org, campaignId, year), queryViews(deps, viewKeys.decision(org, campaignId, year, '').pk)]);
  const awardsOf = awardCountsByDepartment(decisions);
  const ranked = rankDepartments(
    scores.departments.map((department) =>
      summarizeDepartment(department.sk, department.name as string, scores.lines(department.sk), scores.rosterOf(department.sk).map((member) => member.sk)),
    ),
  );
  const withAwards = ranked.map((row) => ({ ...row, awards: awardsOf.get(row.departmentId) ?? {} }));
  const visible = seesWholeOrganization(actor) || hasRole(actor, 'council') ? withAwards : withAwards.filter((row) => row.departmentId === actor.department);
  return { status: 200, body: { campaignId, year, final: ranked.length > 0 && ranked.every((row) => row.final), departments: visible } };
};

/** Per department, how many of each title its decisions in force grant (to it and to its members). */
const awardCountsByDepartment = (decisions: readonly ViewRecord[]) => {
  const counts = new Map<string, Record<string, number>>();
  for (const award of decisions.filter((decision) => decision.revoked === null).flatMap((decision) => decision.awards as GrantedAward[])) {
    const titles = counts.get(award.departmentId) ?? {};
    titles[award.title] = (titles[award.title] ?? 0) + 1;
    counts.set(award.departmentId, titles);
  }
  return counts;
};

export const handler = httpHandler(route);
