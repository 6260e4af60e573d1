import { BatchGetCommand, type BatchGetCommandOutput, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../deps';
import { CAMPAIGN_INDEX } from './view-keys';

type Key = { pk: string; sk: string };
export type ViewRecord = Record<string, unknown> & Key & { version: number };

/** All items of one view partition (a roster, a cycle's pledges), or those whose sort key starts with `skPrefix`, in key order. */
export const queryViews = (deps: Deps, pk: string, skPrefix?: string, { consistent = false } = {}): Promise<ViewRecord[]> =>
  queryAll(deps, { pk: 'pk', sk: 'sk', consistent }, pk, skPrefix);

/** All items of one partition of the views' index (a department's members or pledges: view-keys.ts), in key order. */
export const queryViewIndex = (deps: Deps, gsi1pk: string): Promise<ViewRecord[]> => queryAll(deps, { pk: 'gsi1pk', sk: 'gsi1sk', index: CAMPAIGN_INDEX.name }, gsi1pk);

const queryAll = async (deps: Deps, keys: { pk: string; sk: string; index?: string; consistent?: boolean }, pk: string, skPrefix?: string): Promise<ViewRecord[]> => {
  const items: ViewRecord[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await deps.db.send(
      new QueryCommand({
        TableName: deps.tables.views,
        IndexName: keys.index,
        ConsistentRead: keys.consistent || undefined,
        KeyConditionExpression: skPrefix === undefined ? '#pk = :pk' : '#pk = :pk AND begins_with(#sk, :prefix)',
        ExpressionAttributeNames: { '#pk': keys.pk, ...(skPrefix === undefined ? {} : { '#sk': keys.sk }) },
        ExpressionAttributeValues: { ':pk': pk, ...(skPrefix === undefined ? {} : { ':prefix': skPrefix }) },
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...((page.Items ?? []) as ViewRecord[]));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
};

/**
 * Several view items in one call (the reference data of a command). Missing items come back as undefined. A key
 * asked twice is sent once (DynamoDB refuses duplicates) and answered at each place it was asked.
 */
export const batchGetViews = async (deps: Deps, keys: readonly Key[]): Promise<(ViewRecord | undefined)[]> => {
  const found = new Map<string, ViewRecord>();
  let pending: Record<string, unknown>[] | undefined = [...new Map(keys.map((key) => [`${key.pk}\n${key.sk}`, { pk: key.pk, sk: key.sk }])).values()];
  while (pending && pending.length > 0) {
    const page: BatchGetCommandOutput = await deps.db.send(new BatchGetCommand({ RequestItems: { [deps.tables.views]: { Keys: pending } } }));
    for (const item of (page.Responses?.[deps.tables.views] ?? []) as ViewRecord[]) found.set(`${item.pk}\n${item.sk}`, item);
    pending = page.UnprocessedKeys?.[deps.tables.views]?.Keys;
  }
  return keys.map((key) => found.get(`${key.pk}\n${key.sk}`));
};

/** The fields a client reads: keys and index attributes are storage details. */
export const publicView = ({ pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, ...fields }: Record<string, unknown>) => fields;
