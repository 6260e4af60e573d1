import type { StoredEvent, StreamId } from '../../events/envelope';
import { slug } from '../../events/text';
import { type Actor, hasRole } from '../../domain/actor';
import { refuse } from '../../domain/errors';
import { isOfOrganization, mayRead, mayReadFindings, type ParticipantRef, seesWholeOrganization } from '../../domain/policies';
import { loadStream } from '../store/event-store';
import { parseParticipantAggregateId } from '../store/view-keys';
import { etag } from './command-request';
import { httpHandler } from './handler';
import { HistoryParams } from './history-request';
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
  if (id.type === 'department') return actor.department === id.id;
  if (id.type === 'member') return mayRead(actor, { kind: 'member', id: id.id, departmentId: departmentId! });
  const { kind, participantId } = parseParticipantAggregateId(id.id);
  return departmentId !== undefined && mayRead(actor, { kind: kind as 'department' | 'member', id: participantId, departmentId });
};

/** GET /orgs/{org}/history/{aggregateType}/{aggregateId}: every event of one record, who did it, when, how. */
export const route: RouteHandler = async (request, deps) => {
  const { org, aggregateType, aggregateId } = HistoryParams.parse(request.params);
  // Records kept per cycle (pledges, evaluations, initiatives, discipline) have ids that join slugs with ':'.
  if (!COMPOSITE_IDS.has(aggregateType)) slug.parse(aggregateId);
  const id: StreamId = { org, type: aggregateType, id: aggregateId };
  const events = await loadStream(deps, id);
  if (events.length === 0) refuse('not-found', 'no such record');
  if (!mayReadHistory(request.actor, id, events)) refuse('forbidden', 'you may not read this record');
  return {
    status: 200,
    headers: etag(events.length),
    body: {
      aggregateType,
      aggregateId,
      version: events.length,
      events: events.map(({ version, type, data, meta }) => ({
        version,
        type,
        data: concealed(type, data),
        at: meta.at,
        actor: meta.actor,
        requestId: meta.requestId,
        correlationId: meta.correlationId,
        idempotencyKey: type === 'BallotCast' ? undefined : meta.idempotencyKey,
      })),
    },
  };
};

export const handler = httpHandler(route);
