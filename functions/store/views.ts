import { BatchGetCommand, type BatchGetCommandOutput, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../deps';

type Key = { pk: string; sk: string };
/** Strongly consistent reads (the projector reading back what it wrote); eventually consistent, half the units, otherwise. */
interface ReadOptions {
  readonly consistent?: boolean;
}
/** DynamoDB answers at most 100 keys per BatchGetItem. */
const BATCH_GET_LIMIT = 100;
export type ViewRecord = Record<string, unknown> & Key & { version: number };

/** All items of one view partition (a roster, a cycle's pledges), or those whose sort key starts with `skPrefix`, in key order. */
export const queryViews = async (deps: Deps, pk: string, skPrefix?: string, { consistent = false, limit }: ReadOptions & { limit?: number } = {}): Promise<ViewRecord[]> => {
  const items: ViewRecord[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await deps.db.send(
      new QueryCommand({
        TableName: deps.tables.views,
        ConsistentRead: consistent || undefined,
        Limit: limit,
        KeyConditionExpression: skPrefix === undefined ? 'pk = :pk' : 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ...(skPrefix === undefined ? {} : { ':prefix': skPrefix }) },
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...((page.Items ?? []) as ViewRecord[]));
    startKey = limit !== undefined && items.length >= limit ? undefined : page.LastEvaluatedKey;
  } while (startKey);
  return items;
};

/**
 * Up to `limit` items of a partition in key order, after the sort key `after` (a cursor) and under `skPrefix`:
 * one Query, for a read that pages. `last` is the sort key of the last item when more may follow.
 */
export const queryViewPage = async (deps: Deps, pk: string, { skPrefix = '', after, limit }: { readonly skPrefix?: string; readonly after?: string; readonly limit: number }) => {
  const page = await deps.db.send(
    new QueryCommand({
      TableName: deps.tables.views,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
      ExclusiveStartKey: after === undefined ? undefined : { pk, sk: after },
      Limit: limit,
    }),
  );
  return { items: (page.Items ?? []) as ViewRecord[], last: page.LastEvaluatedKey?.sk as string | undefined };
};

/**
 * Several view items in one call (the reference data of a command), or one per 100 keys (a large decision's
 * recipients). Missing items come back as undefined. A key asked twice is sent once (DynamoDB refuses duplicates)
 * and answered at each place it was asked.
 */
export const batchGetViews = async (deps: Deps, keys: readonly Key[], { consistent = false }: ReadOptions = {}): Promise<(ViewRecord | undefined)[]> => {
  const found = new Map<string, ViewRecord>();
  const unique = [...new Map(keys.map((key) => [`${key.pk}\n${key.sk}`, { pk: key.pk, sk: key.sk }])).values()];
  // Chunks of the most DynamoDB takes at once, sent together; each retries what it left unprocessed.
  const chunks = Array.from({ length: Math.ceil(unique.length / BATCH_GET_LIMIT) }, (_, index) => unique.slice(index * BATCH_GET_LIMIT, (index + 1) * BATCH_GET_LIMIT));
  await Promise.all(
    chunks.map(async (chunk) => {
      let pending: Record<string, unknown>[] | undefined = chunk;
      while (pending && pending.length > 0) {
        const page: BatchGetCommandOutput = await deps.db.send(new BatchGetCommand({ RequestItems: { [deps.tables.views]: { Keys: pending, ConsistentRead: consistent || undefined } } }));
        for (const item of (page.Responses?.[deps.tables.views] ?? []) as ViewRecord[]) found.set(`${item.pk}\n${item.sk}`, item);
        pending = page.UnprocessedKeys?.[deps.tables.views]?.Keys;
      }
    }),
  );
  return keys.map((key) => found.get(`${key.pk}\n${key.sk}`));
};

/** The fields a client reads: keys and index attributes are storage details. */
export const publicView = ({ pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, ...fields }: Record<string, unknown>) => fields;
