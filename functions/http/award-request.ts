import * as z from 'zod';
import { DisciplineLevel } from '../../events/discipline';
import { isoDate, slug, text } from '../../events/text';
import { TITLE_CODES } from '../../domain/titles';
import { cycleParams, orgParams } from './respond';

/**
 * A decision of a whole agency grants thousands of awards (LĐTT to most of 5,000 members): its body may take 1 MB,
 * about 10,000 lines of usual slugs; it is recorded in pages (events/decision.ts), so no item grows with it.
 */
export const DECISION_BODY_BYTES = 1024 * 1024;
export const MAX_DECISION_AWARDS = 10_000;

/** What the routes of award decisions, discipline, eligibility and a recipient's awards parse. */
export const DecisionParams = orgParams.extend({ decisionId: slug });
export const DecisionBody = z.strictObject({
  campaignId: slug,
  year: z.int().min(2000).max(2100),
  number: text(100),
  date: isoDate,
  /** The signer's name; the issuing authority is the organization's profile, never typed here. */
  signer: text(200),
  signerPosition: text(200).optional(),
  awards: z
    .array(z.strictObject({ title: z.enum(TITLE_CODES), recipientKind: z.enum(['department', 'member']), recipientId: slug, proposalId: slug.optional() }))
    .min(1)
    .max(MAX_DECISION_AWARDS),
  /** Grants beyond the council's vote, the cap, or a recipient's eligibility on the review date: the document that allows it. */
  legalBasis: text(2000).optional(),
  /** Required when the decision was already recorded: a correction says why. */
  reason: text(2000).optional(),
});

/**
 * …/awards: the cycle's decisions a page at a time (`afterDecision`: the previous answer's `nextCursor`), or, with
 * `decisionId`, one decision's awards, page `page` of its `awardPages` (page 0 is also in the list).
 */
export const CycleAwardsQuery = z.object({
  afterDecision: slug.optional(),
  decisionId: slug.optional(),
  page: z.coerce.number().int().min(0).max(MAX_DECISION_AWARDS).default(0),
});

export const DisciplineParams = cycleParams.extend({ memberId: slug });
/** `level: null` clears a measure recorded in error; the reason is kept either way. */
export const DisciplineBody = z.strictObject({ level: DisciplineLevel.nullable(), reason: text(2000) });

/**
 * …/eligibility (everyone) and …/eligibility/{participantId} (one); `?date=` picks the rule set; `?department=`
 * keeps one department's rows; `?limit=` (rows per page, 1-500, default 100) and `?after=` (the previous page's
 * `nextCursor`) page through the rest (eligibility-page.ts).
 */
export const EligibilityParams = cycleParams.extend({ participantId: slug.optional() });
const EligibilityCursor = z.string().refine((value) => {
  const [departmentId, kind, id, ...rest] = value.split(':');
  return rest.length === 0 && (kind === 'department' || kind === 'member') && [departmentId, id].every((each) => slug.safeParse(each).success);
}, 'must be the nextCursor of a previous page');
export const EligibilityQuery = z.object({
  date: isoDate.optional(),
  department: slug.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  after: EligibilityCursor.optional(),
});

export const RecipientParams = orgParams.extend({ recipientKind: z.enum(['department', 'member']), recipientId: slug });
