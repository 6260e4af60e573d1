import * as z from 'zod';
import { isoDate, slug } from './text';

/** The deadlines the Office urges participants to meet (đôn đốc): registration, self-assessment, appraisal. */
export const DEADLINES = ['registration', 'self-assessment', 'appraisal'] as const;
export const Deadline = z.enum(DEADLINES);
export type Deadline = z.output<typeof Deadline>;

/**
 * Who was reminded. For registration and self-assessment, the participant that has not acted; for appraisal, the
 * council member that has not appraised, with the participants still waiting for it (`evaluations`, `kind:id`).
 */
export const ReminderTarget = z.object({
  participantKind: z.enum(['department', 'member']),
  participantId: slug,
  departmentId: slug,
  evaluations: z.array(z.string()).optional(),
});
export type ReminderTarget = z.output<typeof ReminderTarget>;

/**
 * At most this much in one event and one view item: a participant counts 1, an appraiser 1 more per sheet it is
 * reminded of (at most ~200 bytes and ~75 bytes: ~50 KB a page, far below DynamoDB's 400 KB item limit).
 */
export const REMINDER_PAGE_WEIGHT = 250;

/** What a reminder weighs on its page. */
export const reminderWeight = (target: ReminderTarget) => 1 + (target.evaluations?.length ?? 0);

/**
 * One event per page of a run of a deadline's reminders on one day (the aggregate is that deadline and day),
 * listing the participants it reminded: a run of a small agency is one write, one of 5,000 members twenty, and a
 * second run that day finds them all reminded already and writes nothing.
 */
export const ReminderEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('RemindersSent'),
    data: z.object({
      deadline: Deadline,
      /** The deadline day and the day of the reminder, in Asia/Ho_Chi_Minh. */
      dueDate: isoDate,
      day: isoDate,
      trigger: z.enum(['schedule', 'manual']),
      reminders: z.array(ReminderTarget),
    }),
  }),
]);
export type ReminderEvent = z.output<typeof ReminderEvent>;
