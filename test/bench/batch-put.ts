import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mapWithConcurrency } from '../../functions/concurrency';
import type { Deps } from '../../functions/deps';

/** Writes items with BatchWriteItem, 25 a call, 8 calls at once, until none is left unprocessed (bulk seeding). */
export const batchPut = async (deps: Deps, table: string, items: readonly Record<string, unknown>[]) => {
  const batches = Array.from({ length: Math.ceil(items.length / 25) }, (_, batch) => items.slice(batch * 25, batch * 25 + 25).map((Item) => ({ PutRequest: { Item } })));
  await mapWithConcurrency(batches, 8, async (requests) => {
    let pending: typeof requests | undefined = requests;
    while (pending && pending.length > 0) {
      const result = await deps.db.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
      pending = result.UnprocessedItems?.[table] as typeof requests | undefined;
    }
  });
};
