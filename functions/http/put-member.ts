import { MemberProfile } from '../../events/organization';
import { memberDecider } from '../../domain/organization/member';
import { executeCommand } from '../command';
import { streamExists } from '../store/event-store';
import { commandRequest } from './command-request';
import { httpHandler } from './handler';
import { commandResponse } from './respond';
import { MemberParams } from './roster-request';
import type { RouteHandler } from './types';
import { memberItem } from '../projections';

/** PUT /orgs/{org}/members/{memberId}: the Office adds a civil servant to a department, or updates one. */
export const route: RouteHandler = async (request, deps) => {
  const { org, memberId } = MemberParams.parse(request.params);
  const profile = MemberProfile.parse(request.body);
  // Read from the events, not the views: a department created a moment ago (a bulk import) must count.
  const departmentExists = await streamExists(deps, { org, type: 'department', id: profile.departmentId });
  const id = { org, type: 'member', id: memberId } as const;
  const context = { actor: request.actor, departmentExists };
  const result = await executeCommand(deps, memberDecider, id, { type: 'SaveMember', profile }, context, commandRequest(request));
  return commandResponse(memberItem, id, result);
};

export const handler = httpHandler(route);
