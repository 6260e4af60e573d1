/**
 * Where a member was, when: the roster as of a date. Pure, from the member's events (folded into postings), so
 * every read path (boards, scores, eligibility, reminders, reports) and every right (a head acts for the members
 * of its department) asks the same question the same way.
 *
 * The rule for a cycle: a member counts, for year Y, in the department it belonged to on the cycle's review date,
 * 31 December of Y (the date eligibility's rules are read on, too), and not at all if it was not on staff then. A
 * member who moved on 1 July is evaluated once, by the department it ends the year in: the receiving unit
 * reviews a transferred person, with the former unit's opinion when it worked there six months or more. That is
 * the practice of the emulation decrees (assumed: the article was not confirmed here) and the written rule for
 * the yearly rating of party members (Hướng dẫn 21-HD/BTCTW, 2019, II.6). A member who left before the
 * review date is not reviewed that year, receives no reminders for it, and is not on its boards.
 */
export interface Posting {
  readonly departmentId: string;
  /** First day in the department (YYYY-MM-DD, Asia/Ho_Chi_Minh); null: since before the roster's records. */
  readonly from: string | null;
  /** The first day no longer in it (exclusive); null: still there. */
  readonly until: string | null;
}

/** The department a member was in on `date` (YYYY-MM-DD), or null when it was not on staff that day. */
export const departmentOn = (postings: readonly Posting[], date: string): string | null =>
  postings.find((posting) => (posting.from === null || posting.from <= date) && (posting.until === null || date < posting.until))?.departmentId ?? null;

/** The date a cycle's roster is read on: its review date, 31 December of its year. */
export const cycleRosterDate = (year: number): string => `${year}-12-31`;

/** The department a member counts in for a cycle, or null when it is not counted that year. */
export const departmentInCycle = (postings: readonly Posting[], year: number): string | null => departmentOn(postings, cycleRosterDate(year));

/** The postings after a move on `on`: the current one ends the day before, the new one starts that day. */
export const moveTo = (postings: readonly Posting[], departmentId: string, on: string): Posting[] => [
  ...postings.map((posting) => (posting.until === null ? { ...posting, until: on } : posting)),
  { departmentId, from: on, until: null },
];

/** The postings after leaving on `on`: the current one ends then. */
export const leaveOn = (postings: readonly Posting[], on: string): Posting[] => postings.map((posting) => (posting.until === null ? { ...posting, until: on } : posting));
