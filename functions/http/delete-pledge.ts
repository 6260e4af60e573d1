import { refuse } from '../../domain/errors';
import { pledgeDecider } from '../../domain/pledge/decider';
import { executeCommand } from '../command';
import { loadParticipantReference } from '../reference';
import { commandRequest, etag } from './command-request';
import { httpHandler } from './handler';
import { pledgePath, pledgeStreamId } from './pledge-request';
import type { RouteHandler } from './types';


/** DELETE …/pledges/{participantId}: withdraw a pledge before the deadline. The events stay; 204 No Content. */
export const route: RouteHandler = async (request, deps) => {
  const { org, campaignId, participantId, scope, kindHint } = pledgePath(request);
  const reference = await loadParticipantReference(deps, org, campaignId, scope.year, participantId, kindHint);
  const participant = reference.participant ?? refuse('not-found', 'no such participant on the roster');
  const id = pledgeStreamId(org, campaignId, scope, participant.kind, participantId);
  const context = { actor: request.actor, now: deps.now(), scope, ...reference };
  const result = await executeCommand(deps, pledgeDecider, id, { type: 'WithdrawPledge' }, context, commandRequest(request));
  return { status: 204, headers: etag(result.version) };
};

export const handler = httpHandler(route);
