import type { CampaignState } from './decider';
import { vnDate } from '../time';
import { campaignPledgeClosesAt, firstYear, hasCycle, registrationClosesAt, registrationDeadline } from './calendar';

export type RegistrationStatus = 'open' | 'closed' | 'not-open';

/** A yearly cycle, or the campaign-wide (5-year) registration. */
export type PledgeScope = { readonly year: number } | { readonly year: 'campaign' };

export interface RegistrationWindow {
  readonly status: RegistrationStatus;
  readonly deadline: Date;
  readonly closesAt: Date;
}

/**
 * Whether registration is open at `now`. The clock decides: a scheduler that fires late, twice or never
 * changes nothing, because every command checks the deadline itself; the recorded close only confirms it.
 * A yearly registration opens on 1 January of its year; the campaign-wide one is open until the first deadline.
 */
export const registrationWindow = (campaign: CampaignState, scope: PledgeScope, now: Date): RegistrationWindow | null => {
  const definition = campaign.definition;
  if (!definition) return null;
  if (scope.year === 'campaign') {
    const closesAt = campaignPledgeClosesAt(definition);
    const closed = campaign.ended || now >= closesAt || firstYear(definition) in campaign.closedRegistrations;
    return { status: closed ? 'closed' : 'open', closesAt, deadline: new Date(closesAt.getTime() - 1) };
  }
  if (!hasCycle(definition, scope.year)) return null;
  const closesAt = registrationClosesAt(definition, scope.year);
  const deadline = registrationDeadline(definition, scope.year);
  if (campaign.ended || now >= closesAt || scope.year in campaign.closedRegistrations) return { status: 'closed', closesAt, deadline };
  return { status: vnDate(now).year < scope.year ? 'not-open' : 'open', closesAt, deadline };
};

export type CycleStatus = 'upcoming' | 'current' | 'past';

export const cycleStatus = (campaign: CampaignState, year: number, now: Date): CycleStatus => {
  const current = vnDate(now).year;
  if (campaign.ended || year < current) return 'past';
  return year === current ? 'current' : 'upcoming';
};
