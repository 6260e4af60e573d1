import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type EventMeta, type StoredEvent, type StreamId, streamKey } from '../../events/envelope';
import type { Deps } from '../deps';

/** Another writer appended the same version first: reload and decide again, or answer 412. */
export class VersionConflict extends Error {
  constructor(readonly key: string, readonly version: number) {
    super(`version ${version} of ${key} was written concurrently`);
  }
}

/** The DynamoDB item of one event. `sk` is the version; the rest is the envelope. */
export const toStoredEvent = (item: Record<string, unknown>): StoredEvent => ({
  pk: item.pk as string,
  version: item.sk as number,
  type: item.type as string,
  data: item.data,
  meta: item.meta as EventMeta,
});

/** All events of one aggregate, oldest first. Aggregates are small, so this is one page in practice. */
export const loadStream = async (deps: Deps, id: StreamId | string): Promise<StoredEvent[]> => {
  const pk = typeof id === 'string' ? id : streamKey(id);
  const events: StoredEvent[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await deps.db.send(
      new QueryCommand({
        TableName: deps.tables.events,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) events.push(toStoredEvent(item));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return events;
};

/** One event by its key (a stream record names it): one GetItem, however long its stream (a run of many pages). */
export const loadEvent = async (deps: Deps, pk: string, version: number): Promise<StoredEvent | undefined> => {
  const { Item } = await deps.db.send(new GetCommand({ TableName: deps.tables.events, Key: { pk, sk: version }, ConsistentRead: true }));
  return Item && toStoredEvent(Item);
};

/** Appends one event at `version`; the condition makes a concurrent writer of the same version lose. */
export const appendEvent = async (
  deps: Deps,
  id: StreamId,
  version: number,
  event: { type: string; data: unknown },
  meta: EventMeta,
): Promise<StoredEvent> => {
  const stored: StoredEvent = { pk: streamKey(id), version, type: event.type, data: event.data, meta };
  try {
    await deps.db.send(
      new PutCommand({
        TableName: deps.tables.events,
        Item: { pk: stored.pk, sk: version, type: stored.type, data: stored.data, meta },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException || (error as Error).name === 'ConditionalCheckFailedException') throw new VersionConflict(stored.pk, version);
    throw error;
  }
  return stored;
};

/** Whether an aggregate has any event: one strongly consistent Query of at most one item. */
export const streamExists = async (deps: Deps, id: StreamId): Promise<boolean> => {
  const page = await deps.db.send(
    new QueryCommand({
      TableName: deps.tables.events,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': streamKey(id) },
      ConsistentRead: true,
      Limit: 1,
    }),
  );
  return (page.Items ?? []).length > 0;
};
