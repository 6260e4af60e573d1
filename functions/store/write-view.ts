import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../deps';
import type { ViewItem } from '../projections';
import { type SharedViewItem, isSharedViewItem, writeEntries } from './write-entries';

/**
 * Writes a view item unless the stored one is as new or newer. The comparison is strict (`<`): a redelivered
 * record recomputes the same version and changes nothing (the trap of `<=` counting an event twice is avoided).
 * A shared item (a department's scores) is merged entry by entry, each by the same rule. Returns whether it wrote.
 */
export const writeViewIfNewer = async (deps: Deps, item: ViewItem | SharedViewItem): Promise<boolean> => {
  if (isSharedViewItem(item)) {
    const { pk, sk, entries, etag: _etag, ...base } = item;
    return writeEntries(deps, pk, sk, base, entries);
  }
  try {
    await deps.db.send(
      new PutCommand({
        TableName: deps.tables.views,
        Item: item,
        ConditionExpression: 'attribute_not_exists(pk) OR #version < :version',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':version': item.version },
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
};
