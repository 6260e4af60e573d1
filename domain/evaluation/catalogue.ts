import type { CampaignDefinition, EvaluationCalendar, GradeBand } from '../../events/campaign';

/** Staff rating bands of an example province, out of 100 (domain.md); a campaign may set its own. */
export const DEFAULT_GRADE_BANDS: readonly GradeBand[] = [
  { code: 'hoan-thanh-xuat-sac', label: 'Hoàn thành xuất sắc nhiệm vụ', above: 90 },
  { code: 'hoan-thanh-tot', label: 'Hoàn thành tốt nhiệm vụ', above: 80 },
  { code: 'hoan-thanh', label: 'Hoàn thành nhiệm vụ', atLeast: 50 },
  { code: 'khong-hoan-thanh', label: 'Không hoàn thành nhiệm vụ', atLeast: 0 },
];

/** Self-assessment 1 November to 10 December, appraisal until 20 December (the reference PAR Index calendar). */
export const DEFAULT_EVALUATION_CALENDAR: EvaluationCalendar = {
  selfAssessmentOpens: { month: 11, day: 1 },
  selfAssessmentCloses: { month: 12, day: 10 },
  appraisalCloses: { month: 12, day: 20 },
};

export const gradeBandsOf = (definition: CampaignDefinition) => definition.gradeBands ?? DEFAULT_GRADE_BANDS;
export const evaluationCalendarOf = (definition: CampaignDefinition) => definition.evaluationCalendar ?? DEFAULT_EVALUATION_CALENDAR;

/** What is actually scored: each criterion, or its sub-criteria where it has them. `parent` is the criterion. */
export interface ScoredCriterion {
  readonly code: string;
  readonly label: string;
  readonly maxScore: number;
  readonly parent: string;
}

export const scoredCriteria = (definition: CampaignDefinition): ScoredCriterion[] =>
  definition.criteria.flatMap((criterion) =>
    criterion.subCriteria
      ? criterion.subCriteria.map((sub) => ({ ...sub, parent: criterion.code }))
      : [{ code: criterion.code, label: criterion.label, maxScore: criterion.maxScore, parent: criterion.code }],
  );

/** The first band the percentage reaches, in the campaign's order. */
export const gradeFor = (bands: readonly GradeBand[], percent: number): GradeBand =>
  bands.find((band) => (band.above !== undefined ? percent > band.above : percent >= band.atLeast!)) ?? bands[bands.length - 1];
