import { describe, expect, it } from 'vitest';
import {
  campaignPledgeClosesAt,
  currentCycleYear,
  firstYear,
  hasCycle,
  lastYear,
  periodEndsAt,
  registrationClosesAt,
  registrationDeadline,
} from '../../domain/campaign/calendar';
import { campaignDecider } from '../../domain/campaign/decider';
import { cycleStatus, registrationWindow } from '../../domain/campaign/registration-window';
import { CAMPAIGN_TEMPLATES, CCHC_CRITERIA } from '../../domain/campaign/templates';
import { TITLE_CODES } from '../../domain/titles';
import { formatVnDate, parseLocalDate, startOfNextVnDay, vnDate, vnInstant } from '../../domain/time';
import { CampaignDefinition } from '../../events/campaign';
import { CCHC_2021_2025, campaignState, registrationClosed } from './fixtures';

describe('time in Asia/Ho_Chi_Minh', () => {
  it('vnInstant is UTC+7', () => {
    expect(vnInstant(2025, 3, 31).toISOString()).toBe('2025-03-30T17:00:00.000Z');
    expect(vnInstant(2025, 3, 30, 23, 59, 59, 999).toISOString()).toBe('2025-03-30T16:59:59.999Z');
    expect(vnInstant(2025, 1, 1, 7).toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });

  it('the local day flips at 17:00 UTC', () => {
    expect(vnDate(new Date('2025-03-30T16:59:59.999Z'))).toStrictEqual({ year: 2025, month: 3, day: 30 });
    expect(vnDate(new Date('2025-03-30T17:00:00.000Z'))).toStrictEqual({ year: 2025, month: 3, day: 31 });
  });

  it('the local year flips at 17:00 UTC on 31 December', () => {
    expect(vnDate(new Date('2024-12-31T16:59:59.999Z'))).toStrictEqual({ year: 2024, month: 12, day: 31 });
    expect(vnDate(new Date('2024-12-31T17:00:00.000Z'))).toStrictEqual({ year: 2025, month: 1, day: 1 });
  });

  it('vnDate undoes vnInstant for every hour of a day', () => {
    for (let hour = 0; hour < 24; hour++) expect(vnDate(vnInstant(2024, 2, 29, hour, 30))).toStrictEqual({ year: 2024, month: 2, day: 29 });
  });

  it('startOfNextVnDay rolls over months and years', () => {
    expect(startOfNextVnDay({ year: 2025, month: 3, day: 30 })).toStrictEqual(vnInstant(2025, 3, 31));
    expect(startOfNextVnDay({ year: 2024, month: 2, day: 28 })).toStrictEqual(vnInstant(2024, 2, 29));
    expect(startOfNextVnDay({ year: 2025, month: 12, day: 31 })).toStrictEqual(vnInstant(2026, 1, 1));
  });

  it('parses and formats local dates', () => {
    expect(parseLocalDate('2025-12-30')).toStrictEqual({ year: 2025, month: 12, day: 30 });
    expect(formatVnDate(new Date('2025-03-30T16:59:59.999Z'))).toBe('30/03/2025');
    expect(formatVnDate(new Date('2025-03-30T17:00:00.000Z'))).toBe('31/03/2025');
  });
});

describe('the cchc-2021-2025 template', () => {
  const template = CAMPAIGN_TEMPLATES['cchc-2021-2025'];

  it('has the 10 criteria of the plan, whose maxima sum to 100', () => {
    expect(template.criteria).toHaveLength(10);
    expect(template.criteria.reduce((sum, criterion) => sum + criterion.maxScore, 0)).toBe(100);
    expect(new Set(template.criteria.map((criterion) => criterion.code)).size).toBe(10);
    expect(template.criteria.map((criterion) => criterion.code)).toEqual(CCHC_CRITERIA.map((criterion) => criterion.code));
    expect(template.criteria.slice(0, 7).map((criterion) => criterion.code)).toEqual([
      'cai-cach-the-che',
      'cai-cach-thu-tuc-hanh-chinh',
      'cai-cach-to-chuc-bo-may',
      'cai-cach-che-do-cong-vu',
      'cai-cach-tai-chinh-cong',
      'chinh-quyen-dien-tu-so',
      'chi-dao-dieu-hanh',
    ]);
  });

  it('runs from 01/01/2021 to 30/12/2025 (as the plan writes it), registration by 30/3', () => {
    expect(template.period).toStrictEqual({ start: '2021-01-01', end: '2025-12-30' });
    expect(template.registrationDeadline).toStrictEqual({ month: 3, day: 30 });
    expect(template.template).toBe('cchc-2021-2025');
    expect(firstYear(template)).toBe(2021);
    expect(lastYear(template)).toBe(2025);
  });

  it('allows every title and is a valid definition', () => {
    expect(template.allowedTitles).toEqual(TITLE_CODES);
    expect(CampaignDefinition.safeParse(template).success).toBe(true);
    expect(CampaignDefinition.safeParse(CAMPAIGN_TEMPLATES['cchc-2026-2030']).success).toBe(true);
  });

  it('does not share its criteria with the other template', () => {
    expect(template.criteria[0]).not.toBe(CAMPAIGN_TEMPLATES['cchc-2026-2030'].criteria[0]);
    expect(CAMPAIGN_TEMPLATES['cchc-2026-2030'].period).toStrictEqual({ start: '2026-01-01', end: '2030-12-31' });
  });
});

describe('the campaign calendar', () => {
  it('has a cycle for each year of the period, and no other', () => {
    expect([2020, 2021, 2022, 2023, 2024, 2025, 2026].filter((year) => hasCycle(CCHC_2021_2025, year))).toEqual([2021, 2022, 2023, 2024, 2025]);
  });

  it('registrationClosesAt is 31/3 00:00 local, each year', () => {
    expect(registrationClosesAt(CCHC_2021_2025, 2025).toISOString()).toBe('2025-03-30T17:00:00.000Z');
    expect(registrationClosesAt(CCHC_2021_2025, 2021).toISOString()).toBe('2021-03-30T17:00:00.000Z');
  });

  it('registrationDeadline is the last millisecond of 30/3 local', () => {
    expect(registrationDeadline(CCHC_2021_2025, 2025).toISOString()).toBe('2025-03-30T16:59:59.999Z');
    expect(registrationDeadline(CCHC_2021_2025, 2025)).toStrictEqual(vnInstant(2025, 3, 30, 23, 59, 59, 999));
    expect(formatVnDate(registrationDeadline(CCHC_2021_2025, 2025))).toBe('30/03/2025');
  });

  it('follows a deadline on the last day of a month', () => {
    const definition = { ...CCHC_2021_2025, registrationDeadline: { month: 12, day: 31 } };
    expect(registrationClosesAt(definition, 2024)).toStrictEqual(vnInstant(2025, 1, 1));
  });

  it('the campaign-wide pledge closes with the first year', () => {
    expect(campaignPledgeClosesAt(CCHC_2021_2025).toISOString()).toBe('2021-03-30T17:00:00.000Z');
  });

  it('the period ends at 31/12/2025 00:00 local', () => {
    expect(periodEndsAt(CCHC_2021_2025).toISOString()).toBe('2025-12-30T17:00:00.000Z');
  });

  it.each([
    ['2020-12-31T16:59:59.999Z', null],
    ['2020-12-31T17:00:00.000Z', 2021],
    ['2023-06-01T00:00:00.000Z', 2023],
    ['2024-12-31T17:00:00.000Z', 2025],
    ['2025-12-30T16:59:59.999Z', 2025],
    ['2025-12-30T17:00:00.000Z', null],
    ['2026-06-01T00:00:00.000Z', null],
  ])('currentCycleYear at %s is %s', (iso, year) => {
    expect(currentCycleYear(CCHC_2021_2025, new Date(iso))).toBe(year);
  });
});

describe('registrationWindow and cycleStatus', () => {
  const campaign = campaignState();

  it('is null without a definition or for a year outside the campaign', () => {
    expect(registrationWindow(campaignDecider.initialState, { year: 2025 }, vnInstant(2025, 3, 1))).toBeNull();
    expect(registrationWindow(campaign, { year: 2026 }, vnInstant(2025, 3, 1))).toBeNull();
  });

  it.each([
    [vnInstant(2024, 12, 31, 23, 59, 59, 999), 'not-open'],
    [vnInstant(2025, 1, 1), 'open'],
    [vnInstant(2025, 3, 30, 23, 59, 59, 999), 'open'],
    [vnInstant(2025, 3, 31), 'closed'],
  ] as const)('the 2025 window at %s is %s', (now, status) => {
    expect(registrationWindow(campaign, { year: 2025 }, now)).toStrictEqual({
      status,
      closesAt: new Date('2025-03-30T17:00:00.000Z'),
      deadline: new Date('2025-03-30T16:59:59.999Z'),
    });
  });

  it('is closed by a recorded close or by the end of the campaign', () => {
    expect(registrationWindow(campaignState([registrationClosed(2025)]), { year: 2025 }, vnInstant(2025, 2, 1))?.status).toBe('closed');
    expect(registrationWindow(campaignState([{ type: 'CampaignEnded', data: { endDate: '2025-12-30' } }]), { year: 'campaign' }, vnInstant(2020, 2, 1))?.status).toBe('closed');
  });

  it('cycleStatus is past, current or upcoming by the local year', () => {
    const now = new Date('2024-12-31T17:00:00.000Z'); // 1/1/2025 local
    expect([2023, 2024, 2025].map((year) => cycleStatus(campaign, year, now))).toEqual(['past', 'past', 'current']);
    expect(cycleStatus(campaign, 2025, vnInstant(2024, 6, 1))).toBe('upcoming');
  });
});
