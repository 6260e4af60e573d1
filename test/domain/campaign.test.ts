import { describe, expect, it } from 'vitest';
import { type CampaignContext, campaignDecider } from '../../domain/campaign/decider';
import { vnInstant } from '../../domain/time';
import type { CampaignDefinition, CampaignEvent } from '../../events/campaign';
import { actors, CCHC_2021_2025, launched, nonOfficeActors, people, registrationClosed } from './fixtures';
import { spec } from './specification';

const campaign = spec(campaignDecider);
const asOffice = (now: Date): CampaignContext => ({ actor: actors.office(), now });
const asSystem = (now: Date): CampaignContext => ({ actor: actors.system(), now });
const ended: CampaignEvent = { type: 'CampaignEnded', data: { endDate: '2025-12-30' } };
const redefined = (definition: CampaignDefinition): CampaignEvent => ({ type: 'CampaignRedefined', data: { definition } });

describe('campaignDecider: DefineCampaign', () => {
  const define = { type: 'DefineCampaign', definition: CCHC_2021_2025 } as const;

  it('launches a campaign created mid-period with the running year open (1 June 2023 → 2023)', () => {
    const state = campaign.given([]).when(define, asOffice(vnInstant(2023, 6, 1))).then([launched(2023)]);
    expect(state.openedCycles).toEqual([2023]);
    expect(state.definition).toStrictEqual(CCHC_2021_2025);
    expect(state.ended).toBe(false);
  });

  it.each([
    ['on the first local instant of the period', vnInstant(2021, 1, 1), 2021],
    ['on the last local millisecond of the period (30/12/2025 23:59:59.999)', vnInstant(2025, 12, 30, 23, 59, 59, 999), 2025],
    ['on the last local day of a middle year', vnInstant(2022, 12, 31, 23, 59, 59, 999), 2022],
  ])('opens the running year %s', (_when, now, year) => {
    campaign.given([]).when(define, asOffice(now)).then([launched(year)]);
  });

  it.each([
    ['long before the period', vnInstant(2019, 7, 1)],
    ['one millisecond before the period (31/12/2020 23:59:59.999 local)', vnInstant(2020, 12, 31, 23, 59, 59, 999)],
    ['on 31/12/2025, the day after the period as written (30/12)', vnInstant(2025, 12, 31)],
    ['after the period', vnInstant(2026, 6, 1)],
  ])('launches with no cycle open %s', (_when, now) => {
    const state = campaign.given([]).when(define, asOffice(now)).then([launched(null)]);
    expect(state.openedCycles).toEqual([]);
  });

  it('redefines a launched campaign', () => {
    const changed: CampaignDefinition = { ...CCHC_2021_2025, title: 'Phong trào thi đua CCHC giai đoạn 2021-2025 (sửa đổi)' };
    const state = campaign
      .given([launched(2023)])
      .when({ type: 'DefineCampaign', definition: changed }, asOffice(vnInstant(2023, 6, 2)))
      .then([redefined(changed)]);
    expect(state.definition?.title).toBe(changed.title);
    expect(state.openedCycles).toEqual([2023]);
  });

  it('redefines when only the registration deadline moves', () => {
    const changed: CampaignDefinition = { ...CCHC_2021_2025, registrationDeadline: { month: 4, day: 15 } };
    campaign.given([launched(2023)]).when({ type: 'DefineCampaign', definition: changed }, asOffice(vnInstant(2023, 6, 2))).then([redefined(changed)]);
  });

  it('writes nothing for an identical definition (a structural copy)', () => {
    campaign
      .given([launched(2023)])
      .when({ type: 'DefineCampaign', definition: structuredClone(CCHC_2021_2025) }, asOffice(vnInstant(2023, 6, 2)))
      .thenNothing();
  });

  it('compares with the latest definition', () => {
    const changed: CampaignDefinition = { ...CCHC_2021_2025, theme: 'Chủ đề mới' };
    const history = [launched(2023), redefined(changed)];
    campaign.given(history).when({ type: 'DefineCampaign', definition: { ...changed } }, asOffice(vnInstant(2024, 1, 2))).thenNothing();
    campaign.given(history).when(define, asOffice(vnInstant(2024, 1, 2))).then([redefined(CCHC_2021_2025)]);
  });

  // DynamoDB does not keep a map's key order: equality must be structural, not textual.
  it('writes nothing for an identical definition whose keys come back in another order', () => {
    const reordered = Object.fromEntries(Object.entries(CCHC_2021_2025).reverse()) as CampaignDefinition;
    campaign.given([launched(2023)]).when({ type: 'DefineCampaign', definition: reordered }, asOffice(vnInstant(2023, 6, 2))).thenNothing();
  });

  it('is refused once the campaign has ended, even with an identical definition', () => {
    campaign.given([launched(2021), ended]).when(define, asOffice(vnInstant(2026, 1, 2))).thenThrows('campaign-ended');
    campaign
      .given([launched(2021), ended])
      .when({ type: 'DefineCampaign', definition: { ...CCHC_2021_2025, title: 'Khác' } }, asOffice(vnInstant(2026, 1, 2)))
      .thenThrows('campaign-ended');
  });

  describe.each([...nonOfficeActors, ['system', actors.system()] as const])('refused for a %s', (_role, actor) => {
    it('to launch or to redefine', () => {
      campaign.given([]).when(define, { actor, now: vnInstant(2023, 6, 1) }).thenThrows('forbidden');
      campaign
        .given([launched(2023)])
        .when({ type: 'DefineCampaign', definition: { ...CCHC_2021_2025, title: 'Khác' } }, { actor, now: vnInstant(2023, 6, 1) })
        .thenThrows('forbidden');
    });
  });
});

describe('campaignDecider: OpenCycle (the system only)', () => {
  it('opens a year of the period once it has begun (1/1 00:00 local)', () => {
    const state = campaign
      .given([launched(2021)])
      .when({ type: 'OpenCycle', year: 2022 }, asSystem(vnInstant(2022, 1, 1)))
      .then([{ type: 'CycleOpened', data: { year: 2022 } }]);
    expect(state.openedCycles).toEqual([2021, 2022]);
  });

  it('opens on local time: 31/12 17:00 UTC is already 1 January in Vietnam', () => {
    campaign
      .given([launched(2021)])
      .when({ type: 'OpenCycle', year: 2022 }, asSystem(new Date('2021-12-31T17:00:00.000Z')))
      .then([{ type: 'CycleOpened', data: { year: 2022 } }]);
  });

  it('opens the first year of a campaign launched before its period', () => {
    campaign
      .given([launched(null)])
      .when({ type: 'OpenCycle', year: 2021 }, asSystem(vnInstant(2021, 1, 1, 0, 5)))
      .then([{ type: 'CycleOpened', data: { year: 2021 } }]);
  });

  it('writes nothing when the year is already open (by the launch or by an earlier run)', () => {
    campaign.given([launched(2021)]).when({ type: 'OpenCycle', year: 2021 }, asSystem(vnInstant(2021, 6, 1))).thenNothing();
    campaign
      .given([launched(2021), { type: 'CycleOpened', data: { year: 2022 } }])
      .when({ type: 'OpenCycle', year: 2022 }, asSystem(vnInstant(2022, 1, 1, 0, 1)))
      .thenNothing();
  });

  it.each([
    ['before the period', 2020, vnInstant(2021, 1, 1)],
    ['after the period', 2026, vnInstant(2026, 1, 1)],
  ])('writes nothing for a year %s', (_what, year, now) => {
    campaign.given([launched(null)]).when({ type: 'OpenCycle', year }, asSystem(now)).thenNothing();
  });

  it('writes nothing for a future year (31/12 23:59:59.999 local is still the year before)', () => {
    campaign.given([launched(2021)]).when({ type: 'OpenCycle', year: 2023 }, asSystem(vnInstant(2022, 12, 31, 23, 59, 59, 999))).thenNothing();
    campaign.given([launched(2021)]).when({ type: 'OpenCycle', year: 2023 }, asSystem(new Date('2022-12-31T16:59:59.999Z'))).thenNothing();
  });

  it.each(people)('is refused for a %s', (_role, actor) => {
    campaign.given([launched(2021)]).when({ type: 'OpenCycle', year: 2022 }, { actor, now: vnInstant(2022, 1, 1) }).thenThrows('forbidden');
  });

  it('is refused for a campaign that does not exist', () => {
    campaign.given([]).when({ type: 'OpenCycle', year: 2022 }, asSystem(vnInstant(2022, 1, 1))).thenThrows('not-found');
  });
});

describe('campaignDecider: CloseRegistration (the system only)', () => {
  const close = { type: 'CloseRegistration', year: 2025 } as const;

  it('writes nothing at 30/3/2025 23:59:59.999 local: the deadline day is not over', () => {
    campaign.given([launched(2025)]).when(close, asSystem(vnInstant(2025, 3, 30, 23, 59, 59, 999))).thenNothing();
  });

  it('closes at 31/3/2025 00:00:00 local, recording the closing instant', () => {
    const state = campaign
      .given([launched(2025)])
      .when(close, asSystem(new Date('2025-03-31T00:00:00+07:00')))
      .then([{ type: 'RegistrationClosed', data: { year: 2025, deadline: '2025-03-30T17:00:00.000Z' } }]);
    expect(state.closedRegistrations).toEqual({ 2025: '2025-03-30T17:00:00.000Z' });
  });

  it('closes a late run the same way (the recorded deadline is the rule, not the clock)', () => {
    campaign
      .given([launched(2025)])
      .when(close, asSystem(vnInstant(2025, 6, 1, 8)))
      .then([{ type: 'RegistrationClosed', data: { year: 2025, deadline: '2025-03-30T17:00:00.000Z' } }]);
  });

  it('writes nothing the second time', () => {
    campaign
      .given([launched(2025), registrationClosed(2025, '2025-03-30T17:00:00.000Z')])
      .when(close, asSystem(vnInstant(2025, 3, 31, 0, 5)))
      .thenNothing();
  });

  it('closes each year on its own', () => {
    campaign
      .given([launched(2024), registrationClosed(2024, '2024-03-30T17:00:00.000Z')])
      .when(close, asSystem(vnInstant(2025, 3, 31)))
      .then([{ type: 'RegistrationClosed', data: { year: 2025, deadline: '2025-03-30T17:00:00.000Z' } }]);
  });

  it('writes nothing for a year outside the campaign', () => {
    campaign.given([launched(2025)]).when({ type: 'CloseRegistration', year: 2026 }, asSystem(vnInstant(2026, 4, 1))).thenNothing();
    campaign.given([launched(2021)]).when({ type: 'CloseRegistration', year: 2020 }, asSystem(vnInstant(2021, 4, 1))).thenNothing();
  });

  it.each(people)('is refused for a %s', (_role, actor) => {
    campaign.given([launched(2025)]).when(close, { actor, now: vnInstant(2025, 3, 31) }).thenThrows('forbidden');
  });

  it('is refused for a campaign that does not exist', () => {
    campaign.given([]).when(close, asSystem(vnInstant(2025, 3, 31))).thenThrows('not-found');
  });
});

describe('campaignDecider: EndCampaign (the system only)', () => {
  const end = { type: 'EndCampaign' } as const;

  it('writes nothing before 31/12/2025 00:00 local (the period includes 30/12)', () => {
    campaign.given([launched(2025)]).when(end, asSystem(vnInstant(2025, 12, 30, 23, 59, 59, 999))).thenNothing();
    campaign.given([launched(2025)]).when(end, asSystem(vnInstant(2025, 6, 1))).thenNothing();
  });

  it('ends the campaign at 31/12/2025 00:00 local', () => {
    const state = campaign.given([launched(2025)]).when(end, asSystem(vnInstant(2025, 12, 31))).then([ended]);
    expect(state.ended).toBe(true);
  });

  it('ends the campaign after the period too', () => {
    campaign.given([launched(2025)]).when(end, asSystem(vnInstant(2026, 2, 1))).then([ended]);
  });

  it('an ended campaign ignores every further system command', () => {
    const history = [launched(2025), ended];
    const later = asSystem(vnInstant(2026, 4, 1));
    campaign.given(history).when(end, later).thenNothing();
    campaign.given(history).when({ type: 'CloseRegistration', year: 2025 }, later).thenNothing();
    campaign.given([launched(2021), ended]).when({ type: 'OpenCycle', year: 2025 }, later).thenNothing();
  });

  it('the system commands stay forbidden to people after the end', () => {
    campaign.given([launched(2025), ended]).when(end, asOffice(vnInstant(2026, 1, 1))).thenThrows('forbidden');
  });

  it.each(people)('is refused for a %s', (_role, actor) => {
    campaign.given([launched(2025)]).when(end, { actor, now: vnInstant(2026, 1, 1) }).thenThrows('forbidden');
  });
});
