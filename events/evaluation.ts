import * as z from 'zod';
import { slug, steppedNumber, text } from './text';

/** Scores are decimals to a quarter point, as on the paper forms. */
const score = steppedNumber(4, 0, 1000);

export const Evidence = z.strictObject({ title: text(500), ref: text(2000) });

/**
 * One criterion of a self-assessment: a score with evidence (or, lacking it, an explanation), or "not applicable".
 * That a score stands on evidence is the decider's rule (domain/evaluation/evidence.ts, `checkEvidenceGiven`), not
 * this shape's: a file attached to the criterion counts too, and only the sheet knows its files.
 */
export const SelfScore = z.union([
  z.strictObject({ criterion: slug, score, evidence: z.array(Evidence).max(30).optional(), explanation: text(4000).optional() }),
  z.strictObject({ criterion: slug, notApplicable: z.literal(true), reason: text(2000) }),
]);
export type SelfScore = z.output<typeof SelfScore>;

export const AppraisalScore = z.strictObject({ criterion: slug, score, comment: text(4000).optional() });
export type AppraisalScore = z.output<typeof AppraisalScore>;

export const FinalScore = z.strictObject({ criterion: slug, score });
export type FinalScore = z.output<typeof FinalScore>;

/** The result as decided: kept in the event, so a later change of rules or catalogue never rewrites it. */
export const EvaluationResult = z.object({
  percent: z.number(),
  grade: z.string(),
  gradeLabel: z.string(),
  total: z.number(),
  applicableMax: z.number(),
  criteria: z.array(z.object({ criterion: z.string(), score: z.number() })),
});
export type EvaluationResult = z.output<typeof EvaluationResult>;

const Participant = z.object({ kind: z.enum(['department', 'member']), id: slug, departmentId: slug });

/**
 * The scored criteria as they stood when the self-assessment was made: results are computed against this
 * snapshot, so a later change of the campaign's catalogue never silently rescores a submitted sheet.
 */
export const CatalogueSnapshot = z.array(z.object({ code: z.string(), maxScore: z.number(), parent: z.string() }));
export type CatalogueSnapshot = z.output<typeof CatalogueSnapshot>;
const SelfAssessment = z.object({ participant: Participant, scores: z.array(SelfScore), catalogue: CatalogueSnapshot });

/**
 * An evidence file (tài liệu kiểm chứng) as recorded once its upload was confirmed: what the stored object was found
 * to be (size, type, SHA-256 in hex), under the name the participant gave it (NFC), who attached it and when.
 */
export const EvidenceFile = z.object({
  fileId: z.string(),
  criterion: slug,
  name: z.string(),
  size: z.int(),
  contentType: z.string(),
  sha256: z.string(),
  attachedAt: z.iso.datetime(),
  attachedBy: z.string(),
});
export type EvidenceFile = z.output<typeof EvidenceFile>;

export const EvaluationEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('SelfAssessmentDrafted'), data: SelfAssessment }),
  z.object({ type: z.literal('SelfAssessmentSubmitted'), data: SelfAssessment }),
  z.object({ type: z.literal('EvaluationReturned'), data: z.object({ reason: z.string() }) }),
  z.object({ type: z.literal('AppraisersAssigned'), data: z.object({ participant: Participant, appraisers: z.array(slug) }) }),
  z.object({ type: z.literal('AppraisalSubmitted'), data: z.object({ appraiser: z.string(), scores: z.array(AppraisalScore) }) }),
  z.object({ type: z.literal('EvaluationFinalized'), data: z.object({ result: EvaluationResult }) }),
  z.object({ type: z.literal('EvaluationCorrected'), data: z.object({ reason: z.string(), scores: z.array(FinalScore), result: EvaluationResult }) }),
  z.object({ type: z.literal('EvidenceFileAttached'), data: z.object({ file: EvidenceFile }) }),
  z.object({ type: z.literal('EvidenceFileRemoved'), data: z.object({ fileId: z.string() }) }),
]);
export type EvaluationEvent = z.output<typeof EvaluationEvent>;
