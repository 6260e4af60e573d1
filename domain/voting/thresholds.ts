import type { TitleCode } from '../titles';

/**
 * Votes needed for a title, counted against ALL council members, not those present (Decree 98 art. 30(7)):
 * ≥80% for Chiến sĩ thi đua cơ sở and Cờ thi đua, ≥90% for provincial Chiến sĩ thi đua. Decree 152/2025's
 * thresholds are unconfirmed: these are kept as data, defaulting to Decree 98's. Titles the decree does not name
 * pass on a majority of all members (an assumption: the agency may set its own).
 */
const PERCENT_OF_ALL_MEMBERS: Partial<Record<TitleCode, number>> = {
  'chien-si-thi-dua-co-so': 80,
  'co-thi-dua-cap-tinh': 80,
  'chien-si-thi-dua-cap-tinh': 90,
};

/** The yes votes required, in integers: 80% of 7 members is 5.6, so 6; 80% of 5 is exactly 4. */
export const requiredYes = (title: TitleCode, members: number): number => {
  const percent = PERCENT_OF_ALL_MEMBERS[title];
  return percent === undefined ? Math.floor(members / 2) + 1 : Math.ceil((percent * members) / 100);
};
