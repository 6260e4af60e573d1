import type { Deps } from '../deps';
import { queryViews } from '../store/views';
import { viewKeys } from '../store/view-keys';

export type RosterKind = 'department' | 'member';

export interface RosterNames {
  /** A member's full name or a department's name; the id itself if the roster no longer has it. */
  readonly nameOf: (kind: RosterKind, id: string) => string;
  /** The unit a nominee belongs to: the department itself, or a member's department. */
  readonly unitOf: (kind: RosterKind, id: string) => string;
}

/** The organization's roster as names (two Queries), for documents and answers that must never show ids. */
export const loadRosterNames = async (deps: Deps, org: string): Promise<RosterNames> => {
  const [departments, members] = await Promise.all([queryViews(deps, viewKeys.department(org, '').pk), queryViews(deps, viewKeys.member(org, '').pk)]);
  const roster = { department: new Map(departments.map((item) => [item.sk, item])), member: new Map(members.map((item) => [item.sk, item])) };
  const nameOf = (kind: RosterKind, id: string) => {
    const item = roster[kind].get(id);
    return ((kind === 'member' ? item?.fullName : item?.name) as string | undefined) ?? id;
  };
  const unitOf = (kind: RosterKind, id: string) => (kind === 'department' ? nameOf('department', id) : nameOf('department', (roster.member.get(id)?.departmentId as string | undefined) ?? ''));
  return { nameOf, unitOf };
};
