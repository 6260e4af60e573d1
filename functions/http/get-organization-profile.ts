import { refuse } from '../../domain/errors';
import { isOfOrganization, mayOversee } from '../../domain/policies';
import { organizationItem } from '../projections';
import { loadStream } from '../store/event-store';
import { httpHandler } from './handler';
import { orgParams, recordOrAbsentResponse } from './respond';
import type { RouteHandler } from './types';

/**
 * GET /orgs/{org}/profile: the organization's profile, read from its events (one Query) so the Office sees what it
 * has just set, with the ETag to change it. Every role of the organization reads it, and the upward readers
 * overseeing it (it names the agency on their table). 404 until the Office sets it, or with `?ifAbsent=empty`
 * 200 `{ absent: true }` (respond.ts).
 */
export const route: RouteHandler = async (request, deps) => {
  const { org } = orgParams.parse(request.params);
  if (!isOfOrganization(request.actor) && !mayOversee(request.actor, org)) refuse('forbidden', "only the organization's own people and its upward readers read its profile");
  const id = { org, type: 'organization', id: org } as const;
  return recordOrAbsentResponse(organizationItem, id, await loadStream(deps, id), request.query);
};

export const handler = httpHandler(route);
