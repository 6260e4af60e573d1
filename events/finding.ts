import * as z from 'zod';
import { isoDate, text } from './text';

/** A self-inspection finding (tự kiểm tra CCHC): what the Office found in a department, and what must be done by when. */
const FindingFields = z.strictObject({
  date: isoDate,
  area: text(200),
  shortcoming: text(2000),
  correctiveAction: text(2000),
  dueDate: isoDate,
});
export const FindingContent = FindingFields.refine((finding) => finding.dueDate >= finding.date, { path: ['dueDate'], message: 'the due date cannot be before the finding' });
export type FindingContent = z.output<typeof FindingContent>;

export const FindingClosure = z.strictObject({ closedOn: isoDate, note: text(2000) });
export type FindingClosure = z.output<typeof FindingClosure>;

export const FindingEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('FindingRecorded'), data: FindingFields.extend({ departmentId: z.string() }) }),
  z.object({ type: z.literal('FindingAmended'), data: FindingFields.extend({ departmentId: z.string() }) }),
  z.object({ type: z.literal('FindingClosed'), data: FindingClosure }),
]);
export type FindingEvent = z.output<typeof FindingEvent>;
