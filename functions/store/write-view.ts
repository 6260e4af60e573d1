import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../deps';
import type { ViewItem } from '../projections';

/**
 * Writes a view item unless the stored one is as new or newer. The comparison is strict (`<`): a redelivered
 * record recomputes the same version and changes nothing (the trap of `<=` counting an event twice is avoided).
 * Returns whether it wrote.
 */
export const writeViewIfNewer = async (deps: Deps, item: ViewItem): Promise<boolean> => {
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
