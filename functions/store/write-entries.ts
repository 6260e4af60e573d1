import { createHash } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { canonicalJson } from '../../domain/canonical-json';
import type { Deps } from '../deps';

type Entry = { readonly version: number };

/** A content hash: deterministic, so an item rebuilt from the events is identical to one kept incrementally. */
const entriesEtag = (entries: Record<string, unknown>) => createHash('sha256').update(canonicalJson(entries)).digest('base64url').slice(0, 22);

/** A view item shared by many aggregates (a department's scores): the shared fields, the entries, their hash. */
export interface SharedViewItem {
  readonly pk: string;
  readonly sk: string;
  readonly entries: Record<string, Entry>;
  readonly etag: string;
  readonly [field: string]: unknown;
}

export const entriesItem = (pk: string, sk: string, base: Record<string, unknown>, entries: Record<string, Entry>): SharedViewItem => ({
  pk,
  sk,
  ...base,
  entries,
  etag: entriesEtag(entries),
});

export const isSharedViewItem = (item: Record<string, unknown>): item is SharedViewItem => typeof item.entries === 'object' && typeof item.etag === 'string';

const MAX_ATTEMPTS = 10;

/**
 * Merges entries into a shared view item (a department's scores) in one write: each entry replaces the stored one
 * only if its version is strictly newer, so redelivery changes nothing; the write is conditioned on the item's
 * hash as read, so two projector instances merging into the same item never lose each other's entries.
 * Returns whether it wrote.
 */
export const writeEntries = async (deps: Deps, pk: string, sk: string, base: Record<string, unknown>, entries: Record<string, Entry>): Promise<boolean> => {
  for (let attempt = 1; ; attempt++) {
    const { Item: stored } = await deps.db.send(new GetCommand({ TableName: deps.tables.views, Key: { pk, sk }, ConsistentRead: true }));
    const current = (stored?.entries ?? {}) as Record<string, Entry>;
    const newer = Object.entries(entries).filter(([name, entry]) => !current[name] || current[name].version < entry.version);
    if (newer.length === 0) return false;
    try {
      await deps.db.send(
        new PutCommand({
          TableName: deps.tables.views,
          Item: entriesItem(pk, sk, base, { ...current, ...Object.fromEntries(newer) }),
          ConditionExpression: stored ? '#etag = :etag' : 'attribute_not_exists(pk)',
          ExpressionAttributeNames: stored ? { '#etag': 'etag' } : undefined,
          ExpressionAttributeValues: stored ? { ':etag': stored.etag } : undefined,
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException' || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
};
