import type { StoredEvent, StreamId } from '../../events/envelope';
import type { MemberEvent } from '../../events/organization';
import { memberDecider } from '../../domain/organization/member';
import type { Posting } from '../../domain/organization/roster';
import { viewKeys } from '../store/view-keys';
import type { ViewItem } from '.';

/** A member's posting as its department's index holds it: enough for a head's board and scores without the member's item. */
export interface PostingItem extends ViewItem, Posting {
  readonly memberId: string;
  readonly fullName: string;
  readonly position?: string;
  /** Every department the member was ever in, oldest first: where else its score lines may be filed. */
  readonly departments: readonly string[];
  /** The member's version at which its postings last changed (a rename leaves it): what department summaries are versioned by. */
  readonly postingsVersion: number;
}

/**
 * A member's postings, one item each under the department it was in (view-keys.ts). Pure, from the member's stream
 * alone, like every view: the roster of a department on any date is then one Query of its postings, in proportion
 * to the department, whatever the organization's size. Postings are only appended or closed, so an item's key never
 * changes (before dated transfers, an undated PUT could move the current posting: such old streams keep an item
 * under the former department, which reads as a posting there).
 */
export const postingItems = (id: StreamId, events: readonly StoredEvent[]): PostingItem[] => {
  let state = memberDecider.initialState;
  let postingsVersion = 0;
  for (const event of events) {
    const next = memberDecider.evolve(state, event as unknown as MemberEvent);
    if (JSON.stringify(next.postings) !== JSON.stringify(state.postings)) postingsVersion = event.version;
    state = next;
  }
  const { profile, postings } = state;
  if (!profile) return [];
  const departments = [...new Set(postings.map((posting) => posting.departmentId))];
  return postings.map((posting, index) => ({
    ...viewKeys.posting(id.org, posting.departmentId, id.id, index),
    version: events[events.length - 1].version,
    memberId: id.id,
    departmentId: posting.departmentId,
    from: posting.from,
    until: posting.until,
    fullName: profile.fullName,
    ...(profile.position === undefined ? {} : { position: profile.position }),
    departments,
    postingsVersion,
  }));
};
