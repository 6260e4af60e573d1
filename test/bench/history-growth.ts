import type { Runtime } from '../../infra/local/runtime';
import { batchPut } from './batch-put';

/**
 * Fills the events table with `count` events of other organizations (written with BatchWriteItem, which the local
 * stream tap ignores, as history loaded long ago would be), to see whether a command's cost grows with the table.
 */
export const fillHistory = async (runtime: Runtime, count: number) => {
  const meta = { at: '2024-03-01T02:00:00.000Z', actor: { sub: 'history', roles: ['office'] } };
  const events = Array.from({ length: count }, (_, n) => ({
    pk: `history-${n % 97}#pledge#cchc-2021-2025:2024:member:m-${Math.floor(n / 3)}`,
    sk: (n % 3) + 1,
    type: 'PledgeAmended',
    data: { targetTitles: ['lao-dong-tien-tien'], commitments: [] },
    meta,
  }));
  await batchPut(runtime.deps, runtime.deps.tables.events, events);
};
