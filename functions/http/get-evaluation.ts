import type { EvaluationEvent } from '../../events/evaluation';
import { fold } from '../../domain/decider';
import { refuse } from '../../domain/errors';
import { evaluationDecider, mayAppraise } from '../../domain/evaluation/decider';
import { mayRead } from '../../domain/policies';
import { loadParticipantReference } from '../reference';
import { loadStream } from '../store/event-store';
import { evaluationPath, evaluationStreamId, sheetResponse } from './evaluation-sheet';
import { httpHandler } from './handler';
import type { RouteHandler } from './types';

/**
 * GET …/cycles/{year}/evaluations/{participantId}: one score sheet (self-assessment, appraisals, final), from the
 * event stream. Readable by whoever may read the participant, and by its assigned appraisers.
 */
export const route: RouteHandler = async (request, deps) => {
  const { org, campaignId, year, participantId, kindHint } = evaluationPath(request);
  const { participant } = await loadParticipantReference(deps, org, campaignId, participantId, kindHint);
  if (!participant) refuse('not-found', 'no such participant on the roster');
  const events = await loadStream(deps, evaluationStreamId(org, campaignId, year, participant!.kind, participantId));
  const state = fold(evaluationDecider, events as unknown as EvaluationEvent[]);
  if (!mayRead(request.actor, participant!) && !mayAppraise(request.actor, state)) refuse('forbidden', 'you may not read this evaluation');
  return sheetResponse(events, request.actor);
};

export const handler = httpHandler(route);
