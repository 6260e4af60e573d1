import type { StoredEvent, StreamId } from '../../events/envelope';
import { slug } from '../../events/text';
import { type Actor, hasRole } from '../../domain/actor';
import { refuse } from '../../domain/errors';
import { isOfOrganization, mayRead, mayReadFindings, type ParticipantRef, seesWholeOrganization } from '../../domain/policies';
import type { EvaluationEvent } from '../../events/evaluation';
import { fold } from '../../domain/decider';
import { appraiserId, evaluationDecider, mayAppraise, seesAppraisals, seesAppraisers } from '../../domain/evaluation/decider';
import { loadStream } from '../store/event-store';
import { parseParticipantAggregateId } from '../store/view-keys';
import { etag } from './command-request';
import { httpHandler } from './handler';
import { withinBudget } from './budget-page';
import { HistoryParams, HistoryQuery } from './history-request';
import type { RouteHandler } from './types';

const COMPOSITE_IDS = new Set(['pledge', 'evaluation', 'initiative', 'discipline', 'council', 'proposal', 'reminder', 'finding']);

/** The secret ballot's material never leaves the store: a ballot shows as cast, with nothing in it. */
const concealed = (type: string, data: unknown) => {
  if (type === 'BallotCast') return {};
  if (type === 'VotingOpened' || type === 'WrittenOpinionRecorded') {
    const { sessionNonce: _nonce, seal: _seal, ...rest } = data as Record<string, unknown>;
    return rest;
  }
  return data;
};

/** Who may read a record's history: the same people who may read the record. */
const mayReadHistory = (actor: Actor, id: StreamId, events: readonly StoredEvent[]): boolean => {
  if (!isOfOrganization(actor)) return false; // an upward reader reads figures, never records
  // Decisions are public within the organization, and so is who it is (its profile).
  if (seesWholeOrganization(actor) || id.type === 'organization' || id.type === 'campaign' || id.type === 'decision') return true;
  if (id.type === 'council' || id.type === 'proposal') return hasRole(actor, 'council');
  if (id.type === 'discipline' || id.type === 'reminder') return false;
  const first = events[0].data as { departmentId?: string; participant?: { departmentId: string }; author?: ParticipantRef };
  if (id.type === 'initiative') return first.author !== undefined && mayRead(actor, first.author);
  const departmentId = first.departmentId ?? first.participant?.departmentId;
  if (id.type === 'finding') return mayReadFindings(actor, departmentId);
  if (id.type === 'department') return hasRole(actor, 'head') && actor.department === id.id; // as the departments are read
  if (id.type === 'member') return mayRead(actor, { kind: 'member', id: id.id, departmentId: departmentId! });
  const { kind, participantId } = parseParticipantAggregateId(id.id);
  if (id.type === 'evaluation' && mayAppraise(actor, evaluationOf(events))) return true; // its appraisers read the sheet too
  return departmentId !== undefined && mayRead(actor, { kind: kind as 'department' | 'member', id: participantId, departmentId });
};

const evaluationOf = (events: readonly StoredEvent[]) => fold(evaluationDecider, events as unknown as EvaluationEvent[]);

/**
 * The history of a score sheet shows what the sheet shows (the blind appraisal): an appraisal the reader may not
 * see yet is listed as made, with nothing of it (scores, appraiser, time, request), and so is an assignment of
 * appraisers to a reader who may not know them yet.
 */
const blindEvaluation = (actor: Actor, events: readonly StoredEvent[]) => {
  const state = evaluationOf(events);
  const sees = seesAppraisals(actor, state);
  return (event: StoredEvent): boolean => {
    if (event.type === 'AppraisalSubmitted') return !sees && (event.data as { appraiser: string }).appraiser !== appraiserId(actor);
    return event.type === 'AppraisersAssigned' && !seesAppraisers(actor, state);
  };
};

const CONCEALED_META = { at: new Date(0).toISOString(), actor: { sub: 'concealed', roles: [] } };

/**
 * GET /orgs/{org}/history/{aggregateType}/{aggregateId}: every event of one record, who did it, when, how, oldest
 * first; a history larger than the answer's budget (a decision of thousands of awards, in pages) stops short, and
 * `nextCursor` (`?afterVersion=`) reads on.
 */
export const route: RouteHandler = async (request, deps) => {
  const { org, aggregateType, aggregateId } = HistoryParams.parse(request.params);
  const { afterVersion = 0 } = HistoryQuery.parse(request.query);
  // Records kept per cycle (pledges, evaluations, initiatives, discipline) have ids that join slugs with ':'.
  if (!COMPOSITE_IDS.has(aggregateType)) slug.parse(aggregateId);
  const id: StreamId = { org, type: aggregateType, id: aggregateId };
  const events = await loadStream(deps, id);
  if (events.length === 0) refuse('not-found', 'no such record');
  if (!mayReadHistory(request.actor, id, events)) refuse('forbidden', 'you may not read this record');
  const isBlind = id.type === 'evaluation' ? blindEvaluation(request.actor, events) : () => false;
  const page = withinBudget(
    events
      .filter((event) => event.version > afterVersion)
      .map((event) =>
        isBlind(event)
          ? { version: event.version, type: event.type, data: {}, ...CONCEALED_META }
          : {
              version: event.version,
              type: event.type,
              data: concealed(event.type, event.data),
              at: event.meta.at,
              actor: event.meta.actor,
              requestId: event.meta.requestId,
              correlationId: event.meta.correlationId,
              idempotencyKey: event.type === 'BallotCast' ? undefined : event.meta.idempotencyKey,
            },
      ),
  );
  return {
    status: 200,
    headers: etag(events.length),
    body: { aggregateType, aggregateId, version: events.length, events: page.taken, nextCursor: page.more ? page.taken.at(-1)!.version : null },
  };
};

export const handler = httpHandler(route);
