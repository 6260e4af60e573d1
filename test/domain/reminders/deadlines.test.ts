import { describe, expect, it } from 'vitest';
import { daysBetween, deadlineWindow, remindersDue } from '../../../domain/reminders/deadlines';
import { vnInstant } from '../../../domain/time';
import { CCHC_2021_2025, campaignState, registrationClosed } from '../fixtures';

const due = (now: Date, state = campaignState()) => remindersDue(state, 2025, now).map(({ deadline, dueDate }) => `${deadline} ${dueDate}`);

describe('reminder days before each deadline, in Asia/Ho_Chi_Minh', () => {
  it('counts whole local days to the deadline day', () => {
    expect(daysBetween('2025-03-23', '2025-03-30')).toBe(7);
    expect(daysBetween('2025-02-28', '2025-03-07')).toBe(7);
    expect(daysBetween('2025-03-30', '2025-03-30')).toBe(0);
  });

  it('registration (30/3): due from 23 March 00:00+07 (7 days before), not at 22 March 23:59+07', () => {
    expect(due(vnInstant(2025, 3, 23, 0, 0))).toEqual(['registration 2025-03-30']);
    expect(due(vnInstant(2025, 3, 23, 23, 59, 59))).toEqual(['registration 2025-03-30']);
    expect(due(vnInstant(2025, 3, 22, 23, 59, 59))).toEqual([]);
    // 22 March 17:00 UTC is already 23 March in Vietnam.
    expect(due(new Date('2025-03-22T17:00:00Z'))).toEqual(['registration 2025-03-30']);
  });

  it('and 1 day before (29 March), never on other days', () => {
    expect(due(vnInstant(2025, 3, 29, 7))).toEqual(['registration 2025-03-30']);
    expect(due(vnInstant(2025, 3, 30, 7))).toEqual([]);
    expect(due(vnInstant(2025, 3, 24, 7))).toEqual([]);
  });

  it('self-assessment (10/12) and appraisal (20/12) from the evaluation calendar', () => {
    expect(due(vnInstant(2025, 12, 3, 7))).toEqual(['self-assessment 2025-12-10']);
    expect(due(vnInstant(2025, 12, 9, 7))).toEqual(['self-assessment 2025-12-10']);
    expect(due(vnInstant(2025, 12, 13, 7))).toEqual(['appraisal 2025-12-20']);
    expect(due(vnInstant(2025, 12, 19, 7))).toEqual(['appraisal 2025-12-20']);
  });

  it("follows the campaign's own reminder days and calendar", () => {
    const definition = { ...CCHC_2021_2025, reminderDays: [3], evaluationCalendar: { selfAssessmentOpens: { month: 10, day: 1 }, selfAssessmentCloses: { month: 10, day: 31 }, appraisalCloses: { month: 11, day: 15 } } };
    const state = campaignState([], definition);
    expect(due(vnInstant(2025, 3, 27, 7), state)).toEqual(['registration 2025-03-30']);
    expect(due(vnInstant(2025, 3, 23, 7), state)).toEqual([]);
    expect(due(vnInstant(2025, 10, 28, 7), state)).toEqual(['self-assessment 2025-10-31']);
    expect(due(vnInstant(2025, 11, 12, 7), state)).toEqual(['appraisal 2025-11-15']);
    expect(due(vnInstant(2025, 3, 27, 7), campaignState([], { ...CCHC_2021_2025, reminderDays: [] }))).toEqual([]);
  });

  it('a deadline that is not open is never due: a close recorded early, an ended campaign, a year outside the period', () => {
    expect(due(vnInstant(2025, 3, 29, 7), campaignState([registrationClosed(2025)]))).toEqual([]);
    expect(deadlineWindow(campaignState(), 2030, 'registration', vnInstant(2025, 3, 29))).toBeNull();
    expect(deadlineWindow(campaignState(), 2025, 'self-assessment', vnInstant(2025, 3, 29))).toEqual({ deadline: 'self-assessment', dueDate: '2025-12-10', status: 'not-open' });
    expect(deadlineWindow(campaignState(), 2025, 'appraisal', vnInstant(2025, 12, 21))).toEqual({ deadline: 'appraisal', dueDate: '2025-12-20', status: 'closed' });
  });
});
