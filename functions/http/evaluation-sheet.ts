import type { EvaluationEvent } from '../../events/evaluation';
import type { StoredEvent } from '../../events/envelope';
import type { Actor } from '../../domain/actor';
import { fold } from '../../domain/decider';
import { type EvaluationState, evaluationDecider, seesAppraisals, seesAppraisers, visibleAppraisals } from '../../domain/evaluation/decider';
import { percentOf, scoreCriteria } from '../../domain/evaluation/scoring';
import { etag } from './command-request';
import { EvaluationParams } from './evaluation-request';
import { participantKindQuery } from './respond';
import type { HttpRequest, HttpResponse } from './types';
import { participantAggregateId } from '../store/view-keys';

export const evaluationPath = (request: HttpRequest) => {
  const { org, campaignId, year, participantId } = EvaluationParams.parse(request.params);
  const { participantKind } = participantKindQuery.parse(request.query);
  return { org, campaignId, year, participantId, kindHint: participantKind };
};

export const evaluationStreamId = (org: string, campaignId: string, year: number, kind: string, participantId: string) =>
  ({ org, type: 'evaluation', id: participantAggregateId(campaignId, year, kind, participantId) }) as const;

/** The score sheet's content as this actor may see it: the JSON answer and the .xlsx export both show this. */
export const scoreSheet = (state: EvaluationState, actor: Actor) => {
  const appraisals = visibleAppraisals(actor, state);
  const provisional = state.status === 'submitted' ? scoreCriteria(state.catalogue, state.selfScores, Object.keys(state.appraisals).sort().map((key) => state.appraisals[key])) : null;
  return {
    status: state.status,
    participant: state.participant,
    selfAssessment: state.status === 'none' ? null : { scores: state.selfScores, submitted: state.status === 'submitted' || state.status === 'finalized' },
    appraisers: seesAppraisers(actor, state) ? state.appraisers : [],
    appraisals: Object.entries(appraisals).map(([appraiser, scores]) => ({ appraiser, scores })),
    appraisalCount: Object.keys(state.appraisals).length,
    // Before finalization, the figure so far, marked provisional (only for those who may see the appraisals).
    provisional: provisional && seesAppraisals(actor, state) ? { percent: percentOf(provisional) } : null,
    final: state.result,
    evidenceFiles: state.files,
  };
};

/** One participant's score sheet, as this actor may see it (appraisals are hidden from whoever must not anchor on them). */
export const sheetResponse = (events: readonly StoredEvent[], actor: Actor, status = 200): HttpResponse => {
  const state = fold(evaluationDecider, events as unknown as EvaluationEvent[]);
  return { status, headers: etag(events.length), body: { version: events.length, ...scoreSheet(state, actor) } };
};
