import * as z from 'zod';
/**
 * Every aggregate type. Their event schemas are in events/registry.ts, kept out of this file on purpose: every
 * handler imports the envelope, and only what validates events should bundle every schema.
 */
export const AGGREGATE_TYPES = ['organization', 'department', 'member', 'campaign', 'pledge', 'evaluation', 'initiative', 'discipline', 'decision', 'council', 'proposal', 'reminder', 'finding'] as const;
export type AggregateType = (typeof AGGREGATE_TYPES)[number];
const KNOWN_TYPES: ReadonlySet<string> = new Set(AGGREGATE_TYPES);

export interface StreamId {
  readonly org: string;
  readonly type: AggregateType;
  readonly id: string;
}

/** The event store's partition key: `<org>#<aggregateType>#<aggregateId>` (architecture.md). */
export const streamKey = ({ org, type, id }: StreamId): string => `${org}#${type}#${id}`;

export const parseStreamKey = (key: string): StreamId => {
  const [org, type, ...rest] = key.split('#');
  if (!org || !KNOWN_TYPES.has(type) || rest.length === 0) throw new Error(`not a stream key: ${key}`);
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
  /**
   * Where a command wrote several events (a decision's awards in pages, a large reminder run): this one's place
   * among them. A retry that finds its request's last event short of `of` writes the rest (functions/command.ts).
   */
  part: z.object({ index: z.int().min(0), of: z.int().min(2) }).optional(),
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
