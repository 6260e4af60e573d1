import type { CampaignDefinition } from '../../events/campaign';
import { parseLocalDate, startOfNextVnDay, vnDate } from '../time';

/** A campaign's calendar: its yearly cycles and their deadlines, all derived from the definition. */
export const firstYear = (definition: CampaignDefinition): number => parseLocalDate(definition.period.start).year;
export const lastYear = (definition: CampaignDefinition): number => parseLocalDate(definition.period.end).year;

export const hasCycle = (definition: CampaignDefinition, year: number): boolean =>
  year >= firstYear(definition) && year <= lastYear(definition);

/** Registration for a year closes at 00:00:00 Asia/Ho_Chi_Minh on the day after the deadline (30/3 → 31/3 00:00). */
export const registrationClosesAt = (definition: CampaignDefinition, year: number): Date =>
  startOfNextVnDay({ year, ...definition.registrationDeadline });

/** The last millisecond of the deadline day: what users are shown as "the deadline". */
export const registrationDeadline = (definition: CampaignDefinition, year: number): Date =>
  new Date(registrationClosesAt(definition, year).getTime() - 1);

/** The campaign-wide (5-year) pledge is due by the first year's deadline. */
export const campaignPledgeClosesAt = (definition: CampaignDefinition): Date =>
  registrationClosesAt(definition, firstYear(definition));

/** The period is inclusive of its last day, in local time. */
export const periodEndsAt = (definition: CampaignDefinition): Date => startOfNextVnDay(parseLocalDate(definition.period.end));

/** The year of the cycle running at `now`, or null outside the period. */
export const currentCycleYear = (definition: CampaignDefinition, now: Date): number | null => {
  const { year } = vnDate(now);
  return hasCycle(definition, year) && now < periodEndsAt(definition) ? year : null;
};
