import type { CampaignEvent } from '../../events/campaign';
import { hasCycle } from '../../domain/campaign/calendar';
import { campaignDecider } from '../../domain/campaign/decider';
import { fold } from '../../domain/decider';
import { refuse } from '../../domain/errors';
import { isOfOrganization } from '../../domain/policies';
import { loadStream } from '../store/event-store';
import { campaignResource, cycleResource } from './campaign-resource';
import { etag } from './command-request';
import { httpHandler } from './handler';
import { campaignOrCycleParams } from './respond';
import type { RouteHandler } from './types';

/**
 * GET /orgs/{org}/campaigns/{campaignId} and GET .../cycles/{year}: read from the event stream (one Query), so a
 * client sees the campaign it has just written. Any role of the organization may read its campaigns.
 */
export const route: RouteHandler = async (request, deps) => {
  const { org, campaignId, year } = campaignOrCycleParams.parse(request.params);
  if (!isOfOrganization(request.actor)) refuse('forbidden', "only the organization's own people read its campaigns");
  const events = await loadStream(deps, { org, type: 'campaign', id: campaignId });
  if (events.length === 0) refuse('not-found', `no campaign "${campaignId}"`);
  const state = fold(campaignDecider, events as unknown as CampaignEvent[]);
  const now = deps.now();
  if (year === undefined) return { status: 200, headers: etag(events.length), body: campaignResource(campaignId, state, events.length, now) };
  if (!hasCycle(state.definition!, year)) refuse('not-found', `the campaign has no cycle ${year}`);
  return { status: 200, headers: etag(events.length), body: cycleResource(campaignId, state, year, now) };
};

export const handler = httpHandler(route);
