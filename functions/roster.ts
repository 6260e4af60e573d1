import { type Posting, cycleRosterDate, departmentOn } from '../domain/organization/roster';
import type { ViewRecord } from './store/views';

/** A member item's postings; an item projected before postings were kept has one, since always. */
export const postingsOf = (member: ViewRecord): readonly Posting[] =>
  (member.postings as Posting[] | undefined) ?? [{ departmentId: member.departmentId as string, from: null, until: null }];

/** The members on staff on `date` (YYYY-MM-DD), each with `departmentId` the department it was in that day. */
export const rosterOn = (members: readonly ViewRecord[], date: string): ViewRecord[] =>
  members.flatMap((member) => {
    const departmentId = departmentOn(postingsOf(member), date);
    return departmentId === null ? [] : [{ ...member, departmentId }];
  });

/** The members a cycle counts, each in the department it counts in (domain/organization/roster.ts says the rule). */
export const rosterOfCycle = (members: readonly ViewRecord[], year: number): ViewRecord[] => rosterOn(members, cycleRosterDate(year));
