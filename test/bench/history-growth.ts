import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Runtime } from '../../infra/local/runtime';
import { mapWithConcurrency } from '../../functions/concurrency';

/**
 * Fills the events table with `count` events of other organizations (written with BatchWriteItem, which the local
 * stream tap ignores, as history loaded long ago would be), to see whether a command's cost grows with the table.
 */
export const fillHistory = async (runtime: Runtime, count: number) => {
  const meta = { at: '2024-03-01T02:00:00.000Z', actor: { sub: 'history', roles: ['office'] } };
  const batches = Array.from({ length: Math.ceil(count / 25) }, (_, batch) =>
    Array.from({ length: Math.min(25, count - batch * 25) }, (_, index) => {
      const n = batch * 25 + index;
      return { PutRequest: { Item: { pk: `history-${n % 97}#pledge#cchc-2021-2025:2024:member:m-${Math.floor(n / 3)}`, sk: (n % 3) + 1, type: 'PledgeAmended', data: { targetTitles: ['lao-dong-tien-tien'], commitments: [] }, meta } } };
    }),
  );
  await mapWithConcurrency(batches, 8, async (requests) => {
    let pending: typeof requests | undefined = requests;
    while (pending && pending.length > 0) {
      const result = await runtime.deps.db.send(new BatchWriteCommand({ RequestItems: { [runtime.deps.tables.events]: pending } }));
      pending = result.UnprocessedItems?.[runtime.deps.tables.events] as typeof requests | undefined;
    }
  });
};
