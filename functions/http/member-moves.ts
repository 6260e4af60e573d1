import { MemberLeaving, MemberReturn, MemberTransfer } from '../../events/organization';
import { type MemberCommand, memberDecider } from '../../domain/organization/member';
import { refuse } from '../../domain/errors';
import { executeCommand } from '../command';
import { memberItem } from '../projections';
import { streamExists } from '../store/event-store';
import { commandRequest } from './command-request';
import { httpHandler } from './handler';
import { commandResponse } from './respond';
import { MemberParams } from './roster-request';
import type { RouteHandler } from './types';

/** Each staff change: its path suffix, how its body becomes a command, and the department it names (if any). */
const COMMANDS: Record<string, (body: unknown) => { command: MemberCommand; departmentId?: string }> = {
  transfer: (body) => {
    const transfer = MemberTransfer.parse(body);
    return { command: { type: 'TransferMember', transfer }, departmentId: transfer.departmentId };
  },
  leave: (body) => ({ command: { type: 'RecordLeaving', leaving: MemberLeaving.parse(body) } }),
  return: (body) => {
    const comeback = MemberReturn.parse(body);
    return { command: { type: 'RecordReturn', return: comeback }, departmentId: comeback.departmentId };
  },
};

/**
 * POST /orgs/{org}/members/{memberId}/transfer | leave | return: the Office records a staff change with the date it
 * takes effect. The member's history keeps every step; each cycle counts the member where it was on the cycle's
 * review date (domain/organization/roster.ts).
 */
export const route: RouteHandler = async (request, deps) => {
  const { org, memberId } = MemberParams.parse(request.params);
  const action = request.path.slice(request.path.lastIndexOf('/') + 1);
  const { command, departmentId } = (COMMANDS[action] ?? refuse('not-found', `no staff change "${action}"`))(request.body);
  // Read from the events, not the views, as PUT …/members does: a department created a moment ago must count.
  const departmentExists = departmentId === undefined || (await streamExists(deps, { org, type: 'department', id: departmentId }));
  const id = { org, type: 'member', id: memberId } as const;
  const result = await executeCommand(deps, memberDecider, id, command, { actor: request.actor, departmentExists }, commandRequest(request));
  return commandResponse(memberItem, id, result);
};

export const handler = httpHandler(route);
