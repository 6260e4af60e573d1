import { refuse } from '../../domain/errors';
import { isOfOrganization } from '../../domain/policies';
import { queryViews } from '../store/views';
import { viewKeys } from '../store/view-keys';
import { httpHandler } from './handler';
import { orgParams } from './respond';
import type { RouteHandler } from './types';

interface CampaignView {
  readonly campaignId: string;
  readonly definition: { readonly title: string; readonly period: { readonly start: string; readonly end: string } } | null;
  readonly ended: boolean;
}

/**
 * GET /orgs/{org}/campaigns: the organization's campaigns by title and period, newest first (one Query of the
 * views), so the console offers a list to pick from instead of a code to type. Any role of the organization.
 */
export const route: RouteHandler = async (request, deps) => {
  const { org } = orgParams.parse(request.params);
  if (!isOfOrganization(request.actor)) refuse('forbidden', "only the organization's own people read its campaigns");
  const items = (await queryViews(deps, viewKeys.campaign(org, '').pk)) as unknown as CampaignView[];
  const campaigns = items
    .filter((item) => item.definition)
    .map((item) => ({ campaignId: item.campaignId, title: item.definition!.title, period: item.definition!.period, ended: item.ended }))
    .sort((a, b) => b.period.start.localeCompare(a.period.start));
  return { status: 200, body: { campaigns } };
};

export const handler = httpHandler(route);
