import * as z from 'zod';
import { AppraisalScore, FinalScore, SelfScore } from '../../events/evaluation';
import { slug, text } from '../../events/text';
import { cycleParams } from './respond';

/** What the evaluation routes and the score readers parse; their bodies, one schema per command. */
export const EvaluationParams = cycleParams.extend({ participantId: slug });
export const DepartmentScoresParams = cycleParams.extend({ departmentId: slug });

export const SelfAssessmentBody = z.strictObject({
  participantKind: z.enum(['department', 'member']),
  submit: z.boolean().default(false),
  scores: z.array(SelfScore).max(200),
});
export const AppraisersBody = z.strictObject({ appraisers: z.array(slug).max(50) });
export const AppraisalBody = z.strictObject({ scores: z.array(AppraisalScore).max(200) });
export const CorrectionBody = z.strictObject({ reason: text(2000), scores: z.array(FinalScore).min(1).max(200) });
