import { hasRole } from '../../domain/actor';
import { refuse } from '../../domain/errors';
import { mayRead, type ParticipantRef } from '../../domain/policies';
import { publicView, queryViews } from '../store/views';
import { viewKeys } from '../store/view-keys';
import { httpHandler } from './handler';
import { cycleParams } from './respond';
import type { RouteHandler } from './types';

/**
 * GET …/cycles/{year}/initiatives: the cycle's initiatives with their state. The Office, the leadership and the
 * council (who decide on them) see all; a head its department's; a member its own.
 */
export const route: RouteHandler = async (request, deps) => {
  const { org, campaignId, year } = cycleParams.parse(request.params);
  const { actor } = request;
  if (!hasRole(actor, 'office', 'leader', 'council', 'head', 'member')) refuse('forbidden', 'this role does not read initiatives');
  const items = await queryViews(deps, viewKeys.initiative(org, campaignId, year, '').pk);
  const visible = hasRole(actor, 'office', 'leader', 'council') ? items : items.filter((item) => mayRead(actor, item.author as ParticipantRef));
  return { status: 200, body: { campaignId, year, initiatives: visible.map(publicView) } };
};

export const handler = httpHandler(route);
