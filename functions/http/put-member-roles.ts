import { MemberRoles } from '../../events/organization';
import { memberDecider } from '../../domain/organization/member';
import { executeCommand } from '../command';
import { memberItem } from '../projections';
import { commandRequest } from './command-request';
import { httpHandler } from './handler';
import { commandResponse } from './respond';
import { MemberParams } from './roster-request';
import type { RouteHandler } from './types';

/**
 * PUT /orgs/{org}/members/{memberId}/roles: the Office sets the roles a member holds (head of its own department,
 * leader, council, office; [] removes them all). The event is in the member's history; the accounts function
 * (functions/streams/follow-roster.ts) makes them the account's groups, so the member's next token carries them.
 */
export const route: RouteHandler = async (request, deps) => {
  const { org, memberId } = MemberParams.parse(request.params);
  const { roles } = MemberRoles.parse(request.body);
  const id = { org, type: 'member', id: memberId } as const;
  const result = await executeCommand(deps, memberDecider, id, { type: 'SetRoles', roles }, { actor: request.actor, departmentExists: true }, commandRequest(request));
  return commandResponse(memberItem, id, result);
};

export const handler = httpHandler(route);
