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
 * One event per run of a deadline's reminders on one day (the aggregate is that deadline and day), listing every
 * participant it reminded: a run costs one write however many are late, and a second run that day finds them
 * all reminded already and writes nothing.
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
