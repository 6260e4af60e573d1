import { pledgeDecider } from '../../domain/pledge/decider';
import { executeCommand } from '../command';
import { loadParticipantReference } from '../reference';
import { commandRequest } from './command-request';
import { httpHandler } from './handler';
import { PledgeBody, pledgePath, pledgeStreamId } from './pledge-request';
import { commandResponse } from './respond';
import type { RouteHandler } from './types';
import { pledgeItem } from '../projections';

/** PUT …/cycles/{year}/pledges/{participantId} and PUT …/pledges/{participantId}: register or amend a pledge. */
export const route: RouteHandler = async (request, deps) => {
  const { org, campaignId, participantId, scope } = pledgePath(request);
  const { participantKind, late, ...content } = PledgeBody.parse(request.body);
  const id = pledgeStreamId(org, campaignId, scope, participantKind, participantId);
  const now = deps.now();
  const context = async () => ({ actor: request.actor, now, scope, ...(await loadParticipantReference(deps, org, campaignId, scope.year, participantId, participantKind)) });
  const result = await executeCommand(deps, pledgeDecider, id, { type: 'SavePledge', content, late }, context, commandRequest(request));
  return commandResponse(pledgeItem, id, result);
};

export const handler = httpHandler(route);
