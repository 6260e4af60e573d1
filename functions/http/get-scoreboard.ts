import { hasRole } from '../../domain/actor';
import { refuse } from '../../domain/errors';
import { rankDepartments, summarizeDepartment } from '../../domain/evaluation/ranking';
import { seesWholeOrganization } from '../../domain/policies';
import { httpHandler } from './handler';
import { cycleParams } from './respond';
import { loadScores } from './score-lines';
import type { RouteHandler } from './types';

/**
 * GET …/cycles/{year}/scoreboard: departments ranked by collective score, then members' mean, then name.
 * `final` once every evaluation is finalized; until then the figures are provisional. The Office, the leadership
 * and the council see every row; a head or a member its own department's row, with its rank.
 */
export const route: RouteHandler = async (request, deps) => {
  const { org, campaignId, year } = cycleParams.parse(request.params);
  const { actor } = request;
  if (!hasRole(actor, 'office', 'leader', 'council', 'head', 'member')) refuse('forbidden', 'this role does not read scores');
  const scores = await loadScores(deps, org, campaignId, year);
  const ranked = rankDepartments(
    scores.departments.map((department) =>
      summarizeDepartment(department.sk, department.name as string, scores.lines(department.sk), scores.rosterOf(department.sk).map((member) => member.sk)),
    ),
  );
  const visible = seesWholeOrganization(actor) || hasRole(actor, 'council') ? ranked : ranked.filter((row) => row.departmentId === actor.department);
  return { status: 200, body: { campaignId, year, final: ranked.length > 0 && ranked.every((row) => row.final), departments: visible } };
};

export const handler = httpHandler(route);
