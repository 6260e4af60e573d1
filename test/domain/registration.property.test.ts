import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registrationClosesAt } from '../../domain/campaign/calendar';
import { campaignDecider } from '../../domain/campaign/decider';
import { registrationWindow } from '../../domain/campaign/registration-window';
import { fold } from '../../domain/decider';
import { DomainError } from '../../domain/errors';
import { pledgeDecider } from '../../domain/pledge/decider';
import { vnDate, vnInstant } from '../../domain/time';
import type { CampaignDefinition } from '../../events/campaign';
import { actors, CCHC_2021_2025, CCHC_2026_2030, launched, MEMBER, DEPARTMENT, memberContent, memberRef } from './fixtures';

/** Any instant from 2020 to 2031, with extra weight on the instants around each year's 1 January and deadline. */
const instant = fc.oneof(
  fc.date({ min: new Date('2020-01-01T00:00:00.000Z'), max: new Date('2031-12-31T23:59:59.999Z'), noInvalidDate: true }),
  fc
    .record({
      year: fc.integer({ min: 2020, max: 2031 }),
      edge: fc.constantFrom('new-year', 'deadline'),
      offset: fc.integer({ min: -3_000, max: 3_000 }),
    })
    .map(({ year, edge, offset }) => new Date((edge === 'new-year' ? vnInstant(year, 1, 1) : vnInstant(year, 3, 31)).getTime() + offset)),
);

const yearOf = (definition: CampaignDefinition) => fc.integer({ min: Number(definition.period.start.slice(0, 4)), max: Number(definition.period.end.slice(0, 4)) });

const outcome = (run: () => unknown): string => {
  try {
    const events = run() as readonly { type: string }[];
    return events.length === 1 ? events[0].type : `${events.length} events`;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
};

describe.each([
  ['cchc-2021-2025', CCHC_2021_2025],
  ['cchc-2026-2030', CCHC_2026_2030],
] as const)('a member registering for a year of %s, at any instant', (_name, definition) => {
  // A campaign launched before its period and never closed by the scheduler: only the clock decides.
  const campaign = fold(campaignDecider, [launched(null, definition)]);

  it('is accepted iff the local year has begun and the deadline has not passed; registrationWindow agrees', () => {
    fc.assert(
      fc.property(instant, yearOf(definition), (now, year) => {
        const closesAt = registrationClosesAt(definition, year);
        const expected = now >= closesAt ? 'registration-closed' : vnDate(now).year < year ? 'registration-not-open' : 'PledgeSubmitted';
        const actual = outcome(() =>
          pledgeDecider.decide({ type: 'SavePledge', content: memberContent() }, pledgeDecider.initialState, {
            actor: actors.member(MEMBER, DEPARTMENT),
            now,
            scope: { year },
            campaign,
            participant: memberRef(),
          }),
        );
        expect(actual).toBe(expected);
        const window = registrationWindow(campaign, { year }, now);
        expect(window?.status).toBe({ 'registration-closed': 'closed', 'registration-not-open': 'not-open', PledgeSubmitted: 'open' }[expected]);
        expect(window?.closesAt).toStrictEqual(closesAt);
      }),
      { numRuns: 3_000 },
    );
  });
});
