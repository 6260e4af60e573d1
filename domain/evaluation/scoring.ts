import type { GradeBand } from '../../events/campaign';
import type { AppraisalScore, CatalogueSnapshot, EvaluationResult, SelfScore } from '../../events/evaluation';
import { gradeFor } from './catalogue';

export interface CriterionScore {
  readonly criterion: string;
  readonly score: number;
  readonly maxScore: number;
}

const applicable = (entry: SelfScore): entry is Extract<SelfScore, { score: number }> => !('notApplicable' in entry);

/**
 * The PAR Index way: per applicable criterion, the mean of the appraisers' scores (an appraiser who did not score a
 * criterion accepted the self-score); with no appraisal yet, the self-score itself (a provisional figure).
 * Scores are quarter points, so the sums are exact in binary floating point: the order of appraisals cannot matter.
 */
export const scoreCriteria = (
  catalogue: CatalogueSnapshot,
  selfScores: readonly SelfScore[],
  appraisals: readonly (readonly AppraisalScore[])[],
): CriterionScore[] => {
  const self = new Map(selfScores.map((entry) => [entry.criterion, entry]));
  return catalogue.flatMap(({ code, maxScore }) => {
    const entry = self.get(code);
    if (!entry || !applicable(entry)) return [];
    const scores = appraisals.length === 0 ? [entry.score] : appraisals.map((appraisal) => appraisal.find((each) => each.criterion === code)?.score ?? entry.score);
    return [{ criterion: code, score: scores.reduce((sum, each) => sum + each, 0) / scores.length, maxScore }];
  });
};

/** The total as a percentage of the maximum over the applicable criteria only: "not applicable" rescales the rest. */
export const percentOf = (criteria: readonly CriterionScore[]): number => {
  const applicableMax = criteria.reduce((sum, each) => sum + each.maxScore, 0);
  const total = criteria.reduce((sum, each) => sum + each.score, 0);
  // Shown to two decimals, rounded once at the end, half up: total × 10000 is exact for quarter points, so
  // 5.75 of 40 is 1437.5 hundredths and rounds to 14.38 (dividing first would give 14.374999… → 14.37).
  return applicableMax === 0 ? 0 : Math.round((total * 10000) / applicableMax) / 100;
};

export const resultOf = (bands: readonly GradeBand[], criteria: readonly CriterionScore[]): EvaluationResult => {
  const percent = percentOf(criteria);
  const grade = gradeFor(bands, percent);
  return {
    percent,
    grade: grade.code,
    gradeLabel: grade.label,
    total: criteria.reduce((sum, each) => sum + each.score, 0),
    applicableMax: criteria.reduce((sum, each) => sum + each.maxScore, 0),
    criteria: criteria.map(({ criterion, score }) => ({ criterion, score })),
  };
};

/** Per top-level criterion, the sum of its scored sub-criteria: the subtotals on score sheets and boards. */
export const subtotals = (catalogue: CatalogueSnapshot, criteria: readonly { criterion: string; score: number }[]): Record<string, number> => {
  const parentOf = new Map(catalogue.map((each) => [each.code, each.parent]));
  const sums: Record<string, number> = {};
  for (const { criterion, score } of criteria) {
    const parent = parentOf.get(criterion) ?? criterion;
    sums[parent] = (sums[parent] ?? 0) + score;
  }
  return sums;
};
