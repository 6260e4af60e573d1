import { hasRole } from '../../domain/actor';
import { maySeeAllAppraisals } from '../../domain/evaluation/decider';
import { refuse } from '../../domain/errors';
import { mayReadFindings, visibleDepartment } from '../../domain/policies';
import { loadFindings } from '../findings';
import { scoresSeenBy } from './blind-scores';
import { httpHandler } from './handler';
import { DepartmentScoresParams } from './evaluation-request';
import { loadDepartmentScores, rankedWithSummaries } from './score-lines';
import { collectiveLine, rankedMembers, visibleMembers } from './scoreboard';
import type { RouteHandler } from './types';

/**
 * GET …/cycles/{year}/departments/{departmentId}/scores: one department's figures, its rank among departments,
 * and its members ranked within it (provisional until final). A member sees only its own line.
 */
export const route: RouteHandler = async (request, deps) => {
  const { org, campaignId, year, departmentId } = DepartmentScoresParams.parse(request.params);
  const { actor } = request;
  if (!visibleDepartment(actor, departmentId) && !hasRole(actor, 'council')) refuse('forbidden', 'you may not read this department');
  // The department's open self-inspection findings show on its page, for whoever may read them.
  // Read from the department alone (its roster and lines), ranked among the others by their summaries.
  const [{ scores: departmentScores, summaries }, openFindings] = await Promise.all([
    loadDepartmentScores(deps, org, campaignId, year, departmentId),
    mayReadFindings(actor, departmentId) ? loadFindings(deps, org, departmentId, 'open') : undefined,
  ]);
  const scores = scoresSeenBy(actor, departmentScores);
  const department = scores.departments.find((each) => each.sk === departmentId) ?? refuse('not-found', `no department "${departmentId}"`);
  const summary = rankedWithSummaries(scores, summaries, departmentId, !maySeeAllAppraisals(actor)).find((each) => each.departmentId === departmentId)!;
  return {
    status: 200,
    body: {
      campaignId,
      year,
      ...summary,
      name: department.name,
      collective: collectiveLine(scores, departmentId),
      members: visibleMembers(actor, rankedMembers(scores, departmentId)),
      openFindings,
    },
  };
};

export const handler = httpHandler(route);
