import type { StoredEvent, StreamId } from '../../events/envelope';
import type { FindingEvent } from '../../events/finding';
import { fold } from '../../domain/decider';
import { findingDecider } from '../../domain/findings/decider';
import { viewKeys } from '../store/view-keys';

/** `<departmentId>:<findingId>` (slugs never hold ':'). */
export const findingAggregateId = (departmentId: string, findingId: string) => `${departmentId}:${findingId}`;

export const findingItem = (id: StreamId, events: readonly StoredEvent[]) => {
  const [departmentId, findingId] = id.id.split(':');
  const { content, closure } = fold(findingDecider, events as unknown as FindingEvent[]);
  const { departmentId: _department, ...fields } = content!;
  return {
    ...viewKeys.finding(id.org, departmentId, findingId),
    version: events[events.length - 1].version,
    findingId,
    departmentId,
    ...fields,
    status: closure ? 'closed' : 'open',
    closedOn: closure?.closedOn ?? null,
    closureNote: closure?.note ?? null,
    recordedAt: events[0].meta.at,
    updatedAt: events[events.length - 1].meta.at,
  };
};
