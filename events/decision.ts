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

/**
 * At most this many awards in one event and one view item. A decision of a whole agency (LĐTT to most of 5,000
 * members) is recorded as its first event holding the first page, with `awardCount`, then one DecisionAwardsAdded
 * per further page: every item stays far below DynamoDB's 400 KB (200 lines of at most ~300 bytes: ~60 KB).
 */
export const DECISION_PAGE_SIZE = 200;

/** How many pages that many awards take (one, however short). */
export const pageCount = (awards: number) => Math.max(1, Math.ceil(awards / DECISION_PAGE_SIZE));

/** Awards in pages of DECISION_PAGE_SIZE: as the events and the views hold them. */
export const awardPages = (awards: readonly GrantedAward[]): GrantedAward[][] =>
  Array.from({ length: pageCount(awards.length) }, (_, page) => awards.slice(page * DECISION_PAGE_SIZE, (page + 1) * DECISION_PAGE_SIZE));

/** A recorded or corrected decision's first event: the whole decision, or its first page and how many awards in all. */
const DecisionEdition = DecisionContent.extend({ awardCount: z.int().min(2).optional() });

export const DecisionEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('DecisionRecorded'), data: DecisionEdition }),
  z.object({ type: z.literal('DecisionCorrected'), data: DecisionEdition.extend({ reason: z.string() }) }),
  /** The next page of the awards of the edition (recorded or corrected) just before it. */
  z.object({ type: z.literal('DecisionAwardsAdded'), data: z.object({ awards: z.array(GrantedAward).min(1).max(DECISION_PAGE_SIZE) }) }),
  z.object({ type: z.literal('DecisionRevoked'), data: z.object({ reason: z.string() }) }),
]);
export type DecisionEvent = z.output<typeof DecisionEvent>;
