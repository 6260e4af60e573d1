import { refuse } from '../../domain/errors';
import type { Deps } from '../deps';
import { loadParticipantReference } from '../reference';
import { evaluationPath, evaluationStreamId } from './evaluation-sheet';
import type { HttpRequest } from './types';

/**
 * The score sheet a command names by its path: the participant's reference data (one read; 404 when it is not on
 * the roster), its evaluation stream, and the decider's context. `kind` is the participant kind the body names,
 * if any; else the query's hint. Shared by the evaluation and the evidence commands, which act on the same sheet.
 */
export const loadEvaluationTarget = async (request: HttpRequest, deps: Deps, kind?: 'department' | 'member') => {
  const { org, campaignId, year, participantId, kindHint } = evaluationPath(request);
  const reference = await loadParticipantReference(deps, org, campaignId, year, participantId, kind ?? kindHint);
  const participant = reference.participant ?? refuse('not-found', 'no such participant on the roster');
  return { id: evaluationStreamId(org, campaignId, year, participant.kind, participantId), context: { actor: request.actor, now: deps.now(), year, ...reference } };
};
