import * as z from 'zod';
import { Evidence } from './evaluation';
import { isoDate, slug, text } from './text';

const Author = z.object({ kind: z.enum(['department', 'member']), id: slug, departmentId: slug });

/** What an initiative (sáng kiến, giải pháp) says: the form's sections. */
export const InitiativeContent = z.strictObject({
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
]);
export type InitiativeEvent = z.output<typeof InitiativeEvent>;
