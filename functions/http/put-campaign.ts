import { campaignDecider } from '../../domain/campaign/decider';
import { CAMPAIGN_TEMPLATES } from '../../domain/campaign/templates';
import { refuse } from '../../domain/errors';
import { executeCommand } from '../command';
import { campaignResource } from './campaign-resource';
import { commandRequest, etag, statusFor } from './command-request';
import { httpHandler } from './handler';
import { CampaignBody } from './campaign-request';
import { campaignParams } from './respond';
import type { RouteHandler } from './types';

/** PUT /orgs/{org}/campaigns/{campaignId}: the Office launches a campaign, or redefines it. */
export const route: RouteHandler = async (request, deps) => {
  const { org, campaignId } = campaignParams.parse(request.params);
  const body = CampaignBody.parse(request.body);
  const definition =
    'title' in body
      ? body
      : // Own keys only: "constructor" must not find Object.prototype.constructor.
        ((Object.hasOwn(CAMPAIGN_TEMPLATES, body.template) ? CAMPAIGN_TEMPLATES[body.template] : undefined) ??
        refuse('invalid-campaign', `no template "${body.template}"`, { templates: Object.keys(CAMPAIGN_TEMPLATES) }));
  const id = { org, type: 'campaign', id: campaignId } as const;
  const now = deps.now();
  const result = await executeCommand(deps, campaignDecider, id, { type: 'DefineCampaign', definition }, { actor: request.actor, now }, commandRequest(request));
  return { status: statusFor(result.event), headers: etag(result.version), body: campaignResource(campaignId, result.state, result.version, now) };
};

export const handler = httpHandler(route);
