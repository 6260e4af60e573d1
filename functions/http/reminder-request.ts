import * as z from 'zod';
import { Deadline } from '../../events/reminder';
import { slug } from '../../events/text';

/** `participantIds` absent: everyone who has not acted; for the appraisal deadline, they are the appraisers. */
export const RemindBody = z.strictObject({ deadline: Deadline, participantIds: z.array(slug).min(1).max(1000).optional() });
/** `afterPage`: the previous answer's `nextCursor` (a page of reminders: `<deadline>:<day>:<version>`). */
export const RemindersQuery = z.object({ deadline: Deadline.optional(), afterPage: z.string().regex(/^[a-z-]+:\d{4}-\d{2}-\d{2}:\d{5}$/, 'must be the nextCursor of a previous answer').optional() });
