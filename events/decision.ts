import * as z from 'zod';
import { TITLE_CODES } from '../domain/titles';
import { isoDate, slug, text } from './text';

/** One line of a decision: a title or form of commendation granted to one recipient, with its reward. */
export const GrantedAward = z.object({
  title: z.enum(TITLE_CODES),
  recipientKind: z.enum(['department', 'member']),
  recipientId: slug,
  departmentId: slug,
  /** VND, from the base salary in force on the decision date and the title's multiple; null where the rules set none. */
  amount: z.number().nullable(),
  ruleSet: z.string(),
  /** The council session (proposal list of the cycle) that passed it, for a title whose grant requires a vote. */
  proposalId: slug.optional(),
});
export type GrantedAward = z.output<typeof GrantedAward>;

/** A decision (quyết định khen thưởng) as recorded: number, date, signer, and what it grants. */
export const DecisionContent = z.object({
  campaignId: slug,
  year: z.int(),
  number: text(100),
  date: isoDate,
  /** Who signs: the person's name (decisions recorded before signerPosition may hold the position and name together). */
  signer: text(200),
  /** The signer's position ("Trưởng ban", "KT. Trưởng ban - Phó Trưởng ban"), printed above the name. */
  signerPosition: text(200).optional(),
  awards: z.array(GrantedAward).min(1),
  /**
   * The legal basis the Office records for granting beyond what the council passed or the cap allows (a higher
   * authority's document); without it such a decision is refused.
   */
  legalBasis: text(2000).optional(),
});
export type DecisionContent = z.output<typeof DecisionContent>;

export const DecisionEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('DecisionRecorded'), data: DecisionContent }),
  z.object({ type: z.literal('DecisionCorrected'), data: DecisionContent.extend({ reason: z.string() }) }),
  z.object({ type: z.literal('DecisionRevoked'), data: z.object({ reason: z.string() }) }),
]);
export type DecisionEvent = z.output<typeof DecisionEvent>;
