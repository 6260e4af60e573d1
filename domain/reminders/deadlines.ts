import type { CampaignDefinition } from '../../events/campaign';
import { DEADLINES, type Deadline } from '../../events/reminder';
import { hasCycle } from '../campaign/calendar';
import type { CampaignState } from '../campaign/decider';
import { registrationWindow } from '../campaign/registration-window';
import { evaluationWindows } from '../evaluation/windows';
import { parseLocalDate, vnIsoDate } from '../time';

/** Reminders go out a week and a day before each deadline, unless the campaign says otherwise. */
export const DEFAULT_REMINDER_DAYS: readonly number[] = [7, 1];
export const reminderDaysOf = (definition: CampaignDefinition): readonly number[] => definition.reminderDays ?? DEFAULT_REMINDER_DAYS;

export interface DeadlineWindow {
  readonly deadline: Deadline;
  /** The last day to act, in Asia/Ho_Chi_Minh ("YYYY-MM-DD"). */
  readonly dueDate: string;
  readonly status: 'not-open' | 'open' | 'closed';
}

/** A deadline's last day is the day before the instant its window closes (a close at 31/3 00:00 means "by 30/3"). */
const lastDayBefore = (closesAt: Date) => vnIsoDate(new Date(closesAt.getTime() - 1));

/** Where a cycle stands on one of its deadlines at `now`, from the same calendars the commands enforce. */
export const deadlineWindow = (campaign: CampaignState, year: number, deadline: Deadline, now: Date): DeadlineWindow | null => {
  if (!campaign.definition || !hasCycle(campaign.definition, year)) return null;
  if (deadline === 'registration') {
    const window = registrationWindow(campaign, { year }, now)!;
    return { deadline, dueDate: lastDayBefore(window.closesAt), status: window.status };
  }
  const windows = evaluationWindows(campaign, year, now);
  const window = deadline === 'self-assessment' ? windows.selfAssessment : windows.appraisal;
  return { deadline, dueDate: lastDayBefore(window.closesAt), status: window.status };
};

/** Whole local days from `day` to `dueDate` (both "YYYY-MM-DD"): 7 on 23/3 for a deadline of 30/3. */
export const daysBetween = (day: string, dueDate: string): number => {
  const utc = (iso: string) => {
    const { year, month, day: date } = parseLocalDate(iso);
    return Date.UTC(year, month - 1, date);
  };
  return Math.round((utc(dueDate) - utc(day)) / 86_400_000);
};

/** The deadlines of a cycle whose reminders fall due on the local day of `now`: open, and N days ahead for an N of the campaign. */
export const remindersDue = (campaign: CampaignState, year: number, now: Date): DeadlineWindow[] => {
  const today = vnIsoDate(now);
  const days = reminderDaysOf(campaign.definition!);
  return DEADLINES
    .map((deadline) => deadlineWindow(campaign, year, deadline, now))
    .filter((window): window is DeadlineWindow => window !== null && window.status === 'open' && days.includes(daysBetween(today, window.dueDate)));
};
