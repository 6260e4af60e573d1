import type { AggregateType, StoredEvent, StreamId } from '../../events/envelope';
import type { Deps } from '../../functions/deps';
import { groupContributions, viewContributions } from '../../functions/projections';
import { entriesItem } from '../../functions/store/write-entries';
import { batchPut } from '../bench/batch-put';

const meta = { at: '2025-01-02T02:00:00.000Z', actor: { sub: 'bulk-seed', roles: ['office'] } };

/** An aggregate's stream as the store would hold it. */
const stream = (org: string, type: AggregateType, id: string, events: readonly { type: string; data: unknown }[]) => ({
  id: { org, type, id } satisfies StreamId,
  events: events.map((event, index): StoredEvent => ({ pk: `${org}#${type}#${id}`, version: index + 1, type: event.type, data: event.data, meta })),
});

/**
 * The roster of a large agency, written in bulk: every department's and member's registration into the events
 * table, and the view items the projector computes from them (its own functions) into the views table, with
 * BatchWriteItem: seconds for 5,000 members, where 5,100 PUTs through the API would take minutes. Members are
 * `m-<n>` in `phong-<n mod departments>`.
 */
export const seedRoster = async (deps: Deps, org: string, { departments, members }: { readonly departments: number; readonly members: number }) => {
  const streams = [
    ...Array.from({ length: departments }, (_, d) => stream(org, 'department', `phong-${d}`, [{ type: 'DepartmentRegistered', data: { name: `Phòng chuyên môn số ${d + 1}` } }])),
    ...Array.from({ length: members }, (_, m) =>
      stream(org, 'member', `m-${m}`, [{ type: 'MemberRegistered', data: { fullName: `Công chức số ${m + 1}`, departmentId: `phong-${m % departments}`, position: 'Chuyên viên' } }]),
    ),
  ];
  const { items, shared } = groupContributions(streams.flatMap(({ id, events }) => viewContributions(id, events).map((contribution) => ({ source: id.id, contribution }))));
  const views = [...items.map(({ item }) => item), ...shared.map((group) => entriesItem(group.pk, group.sk, group.base, group.entries))];
  await Promise.all([
    batchPut(deps, deps.tables.events, streams.flatMap(({ events }) => events.map(({ pk, version, type, data, meta: eventMeta }) => ({ pk, sk: version, type, data, meta: eventMeta })))),
    batchPut(deps, deps.tables.views, views),
  ]);
};
