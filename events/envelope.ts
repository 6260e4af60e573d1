import * as z from 'zod';
import { CampaignEvent } from './campaign';
import { DecisionEvent } from './decision';
import { DisciplineEvent } from './discipline';
import { EvaluationEvent } from './evaluation';
import { InitiativeEvent } from './initiative';
import { DepartmentEvent, MemberEvent } from './organization';
import { PledgeEvent } from './pledge';
import { CouncilEvent, ProposalEvent } from './voting';

/** Every aggregate type and the schema of its events: the one place to find an event by name. */
export const EVENT_SCHEMAS = {
  department: DepartmentEvent,
  member: MemberEvent,
  campaign: CampaignEvent,
  pledge: PledgeEvent,
  evaluation: EvaluationEvent,
  initiative: InitiativeEvent,
  discipline: DisciplineEvent,
  decision: DecisionEvent,
  council: CouncilEvent,
  proposal: ProposalEvent,
} as const;
export type AggregateType = keyof typeof EVENT_SCHEMAS;
export const AGGREGATE_TYPES = Object.keys(EVENT_SCHEMAS) as [AggregateType, ...AggregateType[]];

export interface StreamId {
  readonly org: string;
  readonly type: AggregateType;
  readonly id: string;
}

/** The event store's partition key: `<org>#<aggregateType>#<aggregateId>` (architecture.md). */
export const streamKey = ({ org, type, id }: StreamId): string => `${org}#${type}#${id}`;

export const parseStreamKey = (key: string): StreamId => {
  const [org, type, ...rest] = key.split('#');
  if (!org || !(type in EVENT_SCHEMAS) || rest.length === 0) throw new Error(`not a stream key: ${key}`);
  return { org, type: type as AggregateType, id: rest.join('#') };
};

/** Who did what, when, with which request: kept with every event, this is the record's history. */
export const EventMeta = z.object({
  at: z.iso.datetime(),
  actor: z.object({ sub: z.string(), roles: z.array(z.string()) }),
  requestId: z.string().optional(),
  correlationId: z.string().optional(),
  /** The client's Idempotency-Key and a hash of its request: a retry finds its own event and answers the same. */
  idempotencyKey: z.string().optional(),
  requestHash: z.string().optional(),
});
export type EventMeta = z.output<typeof EventMeta>;

/** An event as stored: one DynamoDB item, pk = stream key, sk = version (1, 2, ...). */
export interface StoredEvent<E extends { type: string; data: unknown } = { type: string; data: unknown }> {
  readonly pk: string;
  readonly version: number;
  readonly type: E['type'];
  readonly data: E['data'];
  readonly meta: EventMeta;
}
