import { refuse } from '../../domain/errors';
import { mayRead } from '../../domain/policies';
import { loadParticipantReference } from '../reference';
import { loadStream } from '../store/event-store';
import { httpHandler } from './handler';
import { pledgePath, pledgeStreamId } from './pledge-request';
import { recordOrAbsentResponse } from './respond';
import type { RouteHandler } from './types';
import { pledgeItem } from '../projections';

/** GET …/pledges/{participantId}: one pledge, from its event stream, for whoever may act for or oversee it. */
export const route: RouteHandler = async (request, deps) => {
  const { org, campaignId, participantId, scope, kindHint } = pledgePath(request);
  const { participant } = await loadParticipantReference(deps, org, campaignId, scope.year, participantId, kindHint);
  if (!participant) refuse('not-found', 'no such participant on the roster');
  if (!mayRead(request.actor, participant!)) refuse('forbidden', 'you may not read this pledge');
  const id = pledgeStreamId(org, campaignId, scope, participant!.kind, participantId);
  return recordOrAbsentResponse(pledgeItem, id, await loadStream(deps, id), request.query);
};

export const handler = httpHandler(route);
