import * as z from 'zod';
import { TITLE_CODES } from '../domain/titles';
import { isoDate, slug, text } from './text';

export const CouncilMember = z.strictObject({ memberId: slug, chair: z.boolean().default(false) });

export const Nomination = z.strictObject({
  nomineeKind: z.enum(['department', 'member']),
  nomineeId: slug,
  title: z.enum(TITLE_CODES),
  basis: text(2000),
});
export type Nomination = z.output<typeof Nomination>;

/** One yes/no per nomination, by its position in the list. */
export const Vote = z.strictObject({ nomination: z.int().min(0).max(199), approve: z.boolean() });
export type Vote = z.output<typeof Vote>;

export const CouncilEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('CouncilConstituted'), data: z.object({ members: z.array(z.object({ memberId: z.string(), chair: z.boolean() })) }) }),
]);
export type CouncilEvent = z.output<typeof CouncilEvent>;

/**
 * A nomination's result. `tiedAtCut`: passed, tied with others at the quota's last places and not ranked by the
 * chair; the minutes state it and the chair settles it (the decision may grant up to the open places among them).
 */
export const Outcome = z.object({
  nomination: z.int(),
  yes: z.int(),
  no: z.int(),
  required: z.int(),
  passed: z.boolean(),
  withinQuota: z.boolean(),
  tiedAtCut: z.boolean().optional(),
});
export type Outcome = z.output<typeof Outcome>;

export const ProposalEvent = z.discriminatedUnion('type', [
  /**
   * `reviewDate` picks the rule set (the review's date, not the day the session opens); `quotaTitle`: the quota
   * limits that title's nominations only (a rule set's cap, `quotaSource` its text), null: the whole list. Lists
   * drafted before these fields existed have none of them.
   */
  z.object({
    type: z.literal('ProposalDrafted'),
    data: z.object({
      nominations: z.array(Nomination),
      quota: z.int().nullable(),
      reviewDate: isoDate.optional(),
      ruleSet: z.string().optional(),
      quotaTitle: z.enum(TITLE_CODES).nullable().optional(),
      quotaSource: z.string().optional(),
    }),
  }),
  /** The council as it stood when voting opened: thresholds count against all of these members. */
  z.object({
    type: z.literal('VotingOpened'),
    data: z.object({ members: z.array(z.string()), chair: z.string().nullable(), required: z.array(z.int()), sessionNonce: z.string() }),
  }),
  /** A secret ballot: a seal (to refuse a second ballot) and a receipt (for the voter to check), never the voter. */
  z.object({ type: z.literal('BallotCast'), data: z.object({ seal: z.string(), receipt: z.string(), votes: z.array(Vote) }) }),
  /** An absent member's written opinion: signed and attached to the minutes, so not secret. */
  z.object({ type: z.literal('WrittenOpinionRecorded'), data: z.object({ memberId: z.string(), seal: z.string().optional(), votes: z.array(Vote) }) }),
  /**
   * `present` includes every member who cast a ballot. A written opinion counts only for a member absent at the
   * close; those of members present are set aside (listed, not counted), so no one is both present and absent.
   */
  z.object({
    type: z.literal('VotingClosed'),
    data: z.object({ present: z.array(z.string()), outcomes: z.array(Outcome), writtenOpinionsSetAside: z.array(z.string()).optional() }),
  }),
]);
export type ProposalEvent = z.output<typeof ProposalEvent>;
