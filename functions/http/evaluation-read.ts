import type { Actor } from '../../domain/actor';
import { SELF_INSPECTION_CRITERION } from '../../domain/campaign/templates';
import { type DatedFinding, findingsOfYear } from '../../domain/findings/evidence';
import type { EvaluationEvent } from '../../events/evaluation';
import type { FindingContent } from '../../events/finding';
import { fold } from '../../domain/decider';
import { refuse } from '../../domain/errors';
import { evaluationDecider, mayAppraise } from '../../domain/evaluation/decider';
import { mayRead, mayReadFindings } from '../../domain/policies';
import type { Deps } from '../deps';
import { loadFindings } from '../findings';
import { loadParticipantReference } from '../reference';
import { loadStream } from '../store/event-store';
import { evaluationPath, evaluationStreamId } from './evaluation-sheet';
import type { HttpRequest } from './types';

/**
 * The evaluation a request names, from its event stream, if the caller may read it: whoever may read the
 * participant, and its assigned appraisers. The JSON score sheet and its export both load it this way.
 */
export const loadReadableEvaluation = async (request: HttpRequest, deps: Deps) => {
  const { org, campaignId, year, participantId, kindHint } = evaluationPath(request);
  const { participant, campaign } = await loadParticipantReference(deps, org, campaignId, year, participantId, kindHint);
  if (!participant) refuse('not-found', 'no such participant on the roster');
  const streamId = evaluationStreamId(org, campaignId, year, participant!.kind, participantId);
  const events = await loadStream(deps, streamId);
  const state = fold(evaluationDecider, events as unknown as EvaluationEvent[]);
  if (!mayRead(request.actor, participant!) && !mayAppraise(request.actor, state)) refuse('forbidden', 'you may not read this evaluation');
  return { events, state, participant: participant!, campaign, org, year, streamId };
};
export type ReadableEvaluation = Awaited<ReturnType<typeof loadReadableEvaluation>>;

/** A self-inspection finding as evidence: its view (projections/findings.ts). */
export type FindingEvidence = DatedFinding & FindingContent & { readonly findingId: string; readonly closureNote: string | null };

/**
 * A department's self-inspection findings of the year (found in it, or still being corrected in it): the evidence
 * of the self-inspection criterion, shown to whoever may read findings; null for a member's sheet, a campaign
 * without that criterion, or a reader who may not see findings. The JSON sheet and its export both show it.
 */
export const selfInspectionEvidence = async (deps: Deps, actor: Actor, evaluation: ReadableEvaluation) => {
  const { participant, campaign, org, year } = evaluation;
  const criterion = campaign?.definition?.criteria.find((each) => each.code === SELF_INSPECTION_CRITERION);
  if (participant.kind !== 'department' || !criterion || !mayReadFindings(actor, participant.id)) return null;
  const findings = findingsOfYear((await loadFindings(deps, org, participant.id)) as unknown as FindingEvidence[], year);
  return { criterion: criterion.code, findings };
};
