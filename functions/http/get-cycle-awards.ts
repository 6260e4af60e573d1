import { hasRole } from '../../domain/actor';
import { refuse } from '../../domain/errors';
import { publicView, queryViews } from '../store/views';
import { viewKeys } from '../store/view-keys';
import { awardSummary } from './award-summary';
import { httpHandler } from './handler';
import { cycleParams } from './respond';
import type { RouteHandler } from './types';

/**
 * GET …/cycles/{year}/awards: the cycle's decisions and, over those in force, the count and reward total per
 * title: the summary the Office reports upward. Readable by every role of the organization (decisions are public).
 */
export const route: RouteHandler = async (request, deps) => {
  const { org, campaignId, year } = cycleParams.parse(request.params);
  if (!hasRole(request.actor, 'office', 'leader', 'council', 'head', 'member')) refuse('forbidden', 'this role does not read awards');
  const decisions = await queryViews(deps, viewKeys.decision(org, campaignId, year, '').pk);
  return {
    status: 200,
    body: { campaignId, year, decisions: decisions.map(publicView), summary: awardSummary(decisions) },
  };
};

export const handler = httpHandler(route);
