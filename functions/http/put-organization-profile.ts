import { OrganizationProfile } from '../../events/organization';
import { organizationDecider } from '../../domain/organization/profile';
import { executeCommand } from '../command';
import { organizationItem } from '../projections';
import { commandRequest } from './command-request';
import { httpHandler } from './handler';
import { commandResponse, orgParams } from './respond';
import type { RouteHandler } from './types';

/** PUT /orgs/{org}/profile: the Office sets who the organization is on paper (its documents' header), whole. */
export const route: RouteHandler = async (request, deps) => {
  const { org } = orgParams.parse(request.params);
  const profile = OrganizationProfile.parse(request.body);
  // The organization is its own aggregate: its id is the org itself.
  const id = { org, type: 'organization', id: org } as const;
  const result = await executeCommand(deps, organizationDecider, id, { type: 'SetOrganizationProfile', profile }, { actor: request.actor }, commandRequest(request));
  return commandResponse(organizationItem, id, result);
};

export const handler = httpHandler(route);
