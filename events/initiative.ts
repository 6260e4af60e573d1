import * as z from 'zod';
import { Evidence } from './evaluation';
import { isoDate, slug, text } from './text';

const Author = z.object({ kind: z.enum(['department', 'member']), id: slug, departmentId: slug });

/**
 * What an initiative (sáng kiến, giải pháp) or a research project (đề tài nghiên cứu khoa học) says: the form's
 * sections. A research project recognized at base level is one accepted (nghiệm thu) and applied: the other route to
 * Chiến sĩ thi đua cơ sở (Law 2003 art. 23(2)). Absent `kind`: an initiative.
 */
export const InitiativeContent = z.strictObject({
  kind: z.enum(['sang-kien', 'de-tai']).optional(),
  title: text(500),
  problem: text(8000),
  solution: text(8000),
  results: text(8000),
  scope: text(2000),
  evidence: z.array(Evidence).max(30).default([]),
});
export type InitiativeContent = z.output<typeof InitiativeContent>;

export const Recognition = z.strictObject({ decisionNumber: text(100), decisionDate: isoDate });

export const InitiativeEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('InitiativeSubmitted'), data: InitiativeContent.extend({ author: Author }) }),
  z.object({ type: z.literal('InitiativeAmended'), data: InitiativeContent }),
  z.object({ type: z.literal('InitiativeSentToReview'), data: z.object({}) }),
  z.object({ type: z.literal('InitiativeRecognized'), data: Recognition }),
  z.object({ type: z.literal('InitiativeRejected'), data: z.object({ reason: z.string() }) }),
  z.object({ type: z.literal('InitiativeProposedUpward'), data: z.object({ note: z.string().optional() }) }),
  /** The province recognized its effect province-wide (its decision, recorded by the Office): CSTĐ cấp tỉnh's condition. */
  z.object({ type: z.literal('InitiativeRecognizedProvinceWide'), data: Recognition }),
]);
export type InitiativeEvent = z.output<typeof InitiativeEvent>;
