import * as z from 'zod';
import { Deadline } from '../../events/reminder';
import { slug } from '../../events/text';

/** `participantIds` absent: everyone who has not acted; for the appraisal deadline, they are the appraisers. */
export const RemindBody = z.strictObject({ deadline: Deadline, participantIds: z.array(slug).min(1).max(1000).optional() });
export const RemindersQuery = z.object({ deadline: Deadline.optional() });
