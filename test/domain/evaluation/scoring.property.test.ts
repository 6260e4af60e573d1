import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GRADE_BANDS, gradeFor, scoredCriteria } from '../../../domain/evaluation/catalogue';
import { percentOf, resultOf, scoreCriteria, subtotals } from '../../../domain/evaluation/scoring';
import type { CampaignDefinition, Criterion } from '../../../events/campaign';
import type { AppraisalScore, CatalogueSnapshot, SelfScore } from '../../../events/evaluation';
import { CCHC_2021_2025 } from '../fixtures';

/**
 * Property tests of the pure scoring rules over random catalogues, self-assessments and appraisals. Scores are
 * quarter points, as the schemas require; maxima too.
 */

const quarters = (max: number) => fc.integer({ min: 0, max: max * 4 }).map((n) => n / 4);
const positiveQuarters = (maxQuarters: number) => fc.integer({ min: 1, max: maxQuarters }).map((n) => n / 4);

/** 1..12 criteria, some with 1..4 sub-criteria; the parent's maximum is its sub-criteria's sum, as the schema requires. */
type Shape = { readonly subs: number[] } | { readonly max: number };
const shapeArb: fc.Arbitrary<Shape> = fc.oneof(
  { weight: 2, arbitrary: positiveQuarters(120).map((max): Shape => ({ max })) },
  { weight: 1, arbitrary: fc.array(positiveQuarters(80), { minLength: 1, maxLength: 4 }).map((subs): Shape => ({ subs })) },
);
const criteriaArb: fc.Arbitrary<Criterion[]> = fc
  .array(shapeArb, { minLength: 1, maxLength: 12 })
  .map((shapes) =>
    shapes.map((shape, i): Criterion =>
      'subs' in shape
        ? {
            code: `tieu-chi-${i}`,
            label: `Tiêu chí ${i}`,
            maxScore: shape.subs.reduce((sum, each) => sum + each, 0),
            subCriteria: shape.subs.map((maxScore, j) => ({ code: `tieu-chi-${i}-${j}`, label: `Tiêu chí ${i}.${j}`, maxScore })),
          }
        : { code: `tieu-chi-${i}`, label: `Tiêu chí ${i}`, maxScore: shape.max },
    ),
  );

const snapshotOf = (criteria: Criterion[]): CatalogueSnapshot => {
  const definition: CampaignDefinition = { ...CCHC_2021_2025, criteria };
  return scoredCriteria(definition).map(({ code, maxScore, parent }) => ({ code, maxScore, parent }));
};

const evidence = [{ title: 'Báo cáo', ref: 'Số 1/BC' }];

/** A self-assessment of a catalogue: each scored criterion a quarter point within its maximum, or (1 in 5) not applicable. */
const selfScoresOf = (catalogue: CatalogueSnapshot): fc.Arbitrary<SelfScore[]> =>
  fc.tuple(
    ...catalogue.map(({ code, maxScore }) =>
      fc.oneof(
        { weight: 4, arbitrary: quarters(maxScore).map((score): SelfScore => ({ criterion: code, score, evidence })) },
        { weight: 1, arbitrary: fc.constant<SelfScore>({ criterion: code, notApplicable: true, reason: 'Không áp dụng' }) },
      ),
    ),
  );

const applicableOf = (catalogue: CatalogueSnapshot, self: readonly SelfScore[]) =>
  catalogue.filter(({ code }) => self.some((entry) => entry.criterion === code && !('notApplicable' in entry)));

/** 0..5 appraisals, each scoring a random subset of the applicable criteria. */
const appraisalsOf = (catalogue: CatalogueSnapshot, self: readonly SelfScore[]): fc.Arbitrary<AppraisalScore[][]> => {
  const applicable = applicableOf(catalogue, self);
  const appraisal = fc.tuple(...applicable.map(({ code, maxScore }) => fc.option(quarters(maxScore).map((score) => ({ criterion: code, score })), { nil: undefined })));
  return fc.array(
    (applicable.length === 0 ? fc.constant([]) : appraisal).map((entries) => entries.filter((entry): entry is AppraisalScore => entry !== undefined)),
    { maxLength: 5 },
  );
};

interface Sheet {
  readonly criteria: Criterion[];
  readonly catalogue: CatalogueSnapshot;
  readonly self: SelfScore[];
  readonly appraisals: AppraisalScore[][];
}

const sheetArb: fc.Arbitrary<Sheet> = criteriaArb.chain((criteria) => {
  const catalogue = snapshotOf(criteria);
  return selfScoresOf(catalogue).chain((self) => appraisalsOf(catalogue, self).map((appraisals) => ({ criteria, catalogue, self, appraisals })));
});

const resultFor = ({ catalogue, self, appraisals }: Pick<Sheet, 'catalogue' | 'self' | 'appraisals'>) => resultOf(DEFAULT_GRADE_BANDS, scoreCriteria(catalogue, self, appraisals));

const RUNS = { numRuns: 500 };

describe('scoring, over random catalogues, self-assessments and appraisals', () => {
  it('(a) the percent is never below 0 nor above 100', () => {
    fc.assert(
      fc.property(sheetArb, (sheet) => {
        const { percent } = resultFor(sheet);
        expect(percent).toBeGreaterThanOrEqual(0);
        expect(percent).toBeLessThanOrEqual(100);
      }),
      RUNS,
    );
  });

  it('(a) the total never exceeds the applicable maximum, and each score stays within its maximum', () => {
    fc.assert(
      fc.property(sheetArb, (sheet) => {
        const criteria = scoreCriteria(sheet.catalogue, sheet.self, sheet.appraisals);
        for (const each of criteria) {
          expect(each.score).toBeGreaterThanOrEqual(0);
          expect(each.score).toBeLessThanOrEqual(each.maxScore);
        }
        const result = resultOf(DEFAULT_GRADE_BANDS, criteria);
        expect(result.total).toBeLessThanOrEqual(result.applicableMax);
      }),
      RUNS,
    );
  });

  it('(b) every applicable criterion at its maximum, from the self-assessment or the appraisers, is exactly 100 %', () => {
    fc.assert(
      fc.property(
        sheetArb.filter((sheet) => applicableOf(sheet.catalogue, sheet.self).length > 0),
        fc.integer({ min: 0, max: 4 }),
        (sheet, appraisers) => {
          const applicable = applicableOf(sheet.catalogue, sheet.self);
          const self = sheet.self.map((entry): SelfScore => ('notApplicable' in entry ? entry : { ...entry, score: sheet.catalogue.find((each) => each.code === entry.criterion)!.maxScore }));
          // Appraisers who score every criterion at its maximum, or accept the self score (an empty appraisal).
          const appraisals = Array.from({ length: appraisers }, (_, i) => (i % 2 === 0 ? applicable.map(({ code, maxScore }) => ({ criterion: code, score: maxScore })) : []));
          const result = resultFor({ catalogue: sheet.catalogue, self, appraisals });
          expect(result.percent).toBe(100);
          expect(result.total).toBe(result.applicableMax);
          expect(result.grade).toBe('hoan-thanh-xuat-sac');
        },
      ),
      RUNS,
    );
  });

  it('(b) the percent is the total over the applicable maximum only, rounded to two decimals', () => {
    fc.assert(
      fc.property(sheetArb, (sheet) => {
        const result = resultFor(sheet);
        const applicableMax = applicableOf(sheet.catalogue, sheet.self).reduce((sum, each) => sum + each.maxScore, 0);
        expect(result.applicableMax).toBe(applicableMax);
        if (applicableMax === 0) expect(result.percent).toBe(0);
        else expect(Math.abs(result.percent - (result.total / applicableMax) * 100)).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(Math.round(result.percent * 100)).toBeCloseTo(result.percent * 100, 6); // two decimals at most
      }),
      RUNS,
    );
  });

  it('(b) with no appraisal, the percent is the exact quarter-point ratio (checked in integers), to within rounding', () => {
    fc.assert(
      fc.property(sheetArb, (sheet) => {
        const applicable = applicableOf(sheet.catalogue, sheet.self);
        fc.pre(applicable.length > 0);
        // In quarter points every figure is an integer: no floating point at all.
        const max4 = applicable.reduce((sum, each) => sum + each.maxScore * 4, 0);
        const total4 = sheet.self.reduce((sum, entry) => sum + ('score' in entry ? entry.score * 4 : 0), 0);
        const { percent } = resultFor({ ...sheet, appraisals: [] });
        // |percent - 100 * total / max| ≤ 0.005, i.e. |percent * 100 * max - 10000 * total| ≤ max / 2 (+ a float hair).
        expect(Math.abs(Math.round(percent * 100) * max4 - 10000 * total4)).toBeLessThanOrEqual(max4 / 2);
      }),
      RUNS,
    );
  });

  // Rounding is half up from the exact ratio.
  it('rounds an exact half of a hundredth up: 5.75 of 40 is 14.375 % → 14.38', () => {
    expect(percentOf([{ criterion: 'a', score: 5.75, maxScore: 40 }])).toBe(14.38);
  });

  it('(c) adding a not-applicable criterion changes no other score, nor the percent', () => {
    fc.assert(
      fc.property(sheetArb, positiveQuarters(400), fc.nat(), fc.nat(), (sheet, maxScore, at, selfAt) => {
        const extra = { code: 'khong-ap-dung', maxScore, parent: 'khong-ap-dung' };
        const catalogue = [...sheet.catalogue];
        catalogue.splice(at % (catalogue.length + 1), 0, extra);
        const self = [...sheet.self];
        self.splice(selfAt % (self.length + 1), 0, { criterion: extra.code, notApplicable: true, reason: 'Không áp dụng' });
        const before = scoreCriteria(sheet.catalogue, sheet.self, sheet.appraisals);
        const after = scoreCriteria(catalogue, self, sheet.appraisals);
        expect(after).toStrictEqual(before);
        expect(resultFor({ catalogue, self, appraisals: sheet.appraisals })).toStrictEqual(resultFor(sheet));
      }),
      RUNS,
    );
  });

  it('(c) turning a scored criterion into not applicable leaves the other criteria scored as before', () => {
    fc.assert(
      fc.property(sheetArb, fc.nat(), (sheet, which) => {
        const applicable = applicableOf(sheet.catalogue, sheet.self);
        fc.pre(applicable.length > 1);
        const dropped = applicable[which % applicable.length].code;
        const self = sheet.self.map((entry): SelfScore => (entry.criterion === dropped ? { criterion: dropped, notApplicable: true, reason: 'Không áp dụng' } : entry));
        const appraisals = sheet.appraisals.map((appraisal) => appraisal.filter((entry) => entry.criterion !== dropped));
        const before = scoreCriteria(sheet.catalogue, sheet.self, sheet.appraisals).filter((each) => each.criterion !== dropped);
        expect(scoreCriteria(sheet.catalogue, self, appraisals)).toStrictEqual(before);
      }),
      RUNS,
    );
  });

  it('(d) the order of the appraisals does not matter', () => {
    fc.assert(
      fc.property(sheetArb, fc.array(fc.nat(), { minLength: 5, maxLength: 5 }), (sheet, keys) => {
        const permuted = sheet.appraisals
          .map((appraisal, i) => ({ appraisal, key: keys[i] }))
          .sort((a, b) => a.key - b.key)
          .map(({ appraisal }) => appraisal);
        expect(resultFor({ ...sheet, appraisals: permuted })).toStrictEqual(resultFor(sheet));
        expect(resultFor({ ...sheet, appraisals: [...sheet.appraisals].reverse() })).toStrictEqual(resultFor(sheet));
      }),
      RUNS,
    );
  });

  it('(d) nor does the order of the scores within an appraisal or a self-assessment', () => {
    fc.assert(
      fc.property(sheetArb, (sheet) => {
        const self = [...sheet.self].reverse();
        const appraisals = sheet.appraisals.map((appraisal) => [...appraisal].reverse());
        expect(resultFor({ ...sheet, self, appraisals })).toStrictEqual(resultFor(sheet));
      }),
      RUNS,
    );
  });

  it('(e) with no appraisal, the scores are the self scores, in catalogue order', () => {
    fc.assert(
      fc.property(sheetArb, (sheet) => {
        const expected = applicableOf(sheet.catalogue, sheet.self).map(({ code, maxScore }) => {
          const entry = sheet.self.find((each) => each.criterion === code)!;
          return { criterion: code, score: 'score' in entry ? entry.score : NaN, maxScore };
        });
        expect(scoreCriteria(sheet.catalogue, sheet.self, [])).toStrictEqual(expected);
      }),
      RUNS,
    );
  });

  it('(e) the score of a criterion is the mean over the appraisers, the self score standing in for an appraiser who left it', () => {
    fc.assert(
      fc.property(sheetArb, (sheet) => {
        fc.pre(sheet.appraisals.length > 0);
        for (const each of scoreCriteria(sheet.catalogue, sheet.self, sheet.appraisals)) {
          const self = sheet.self.find((entry) => entry.criterion === each.criterion)!;
          const scores = sheet.appraisals.map((appraisal) => appraisal.find((entry) => entry.criterion === each.criterion)?.score ?? ('score' in self ? self.score : NaN));
          // Quarter points: the sum is exact in any order, so the quotient is the correctly rounded mean.
          expect(each.score).toBe(scores.reduce((sum, score) => sum + score, 0) / scores.length);
        }
      }),
      RUNS,
    );
  });

  it('(g) the subtotals per top-level criterion sum to the total; each is the sum of its scored sub-criteria', () => {
    fc.assert(
      fc.property(sheetArb, (sheet) => {
        const result = resultFor(sheet);
        const sums = subtotals(sheet.catalogue, result.criteria);
        const sumOfSubtotals = Object.values(sums).reduce((sum, each) => sum + each, 0);
        // Means of three appraisers are not quarter points: allow for floating-point reassociation.
        expect(sumOfSubtotals).toBeCloseTo(result.total, 9);
        for (const criterion of sheet.criteria) {
          const children = result.criteria.filter((each) => each.criterion === criterion.code || (criterion.subCriteria ?? []).some((sub) => sub.code === each.criterion));
          if (children.length === 0) expect(sums).not.toHaveProperty(criterion.code);
          else expect(sums[criterion.code]).toBeCloseTo(children.reduce((sum, each) => sum + each.score, 0), 9);
        }
        expect(Object.keys(sums).every((code) => sheet.criteria.some((criterion) => criterion.code === code))).toBe(true);
      }),
      RUNS,
    );
  });

  it('(g) with quarter-point scores (no appraisal), the subtotals sum to the total exactly', () => {
    fc.assert(
      fc.property(sheetArb, (sheet) => {
        const result = resultFor({ ...sheet, appraisals: [] });
        expect(Object.values(subtotals(sheet.catalogue, result.criteria)).reduce((sum, each) => sum + each, 0)).toBe(result.total);
      }),
      RUNS,
    );
  });
});

describe('gradeFor, with the default bands (>90, >80, ≥50, else)', () => {
  it.each([
    [100, 'hoan-thanh-xuat-sac'],
    [90.01, 'hoan-thanh-xuat-sac'],
    [90, 'hoan-thanh-tot'],
    [80.01, 'hoan-thanh-tot'],
    [80, 'hoan-thanh'],
    [50, 'hoan-thanh'],
    [49.99, 'khong-hoan-thanh'],
    [0, 'khong-hoan-thanh'],
  ])('%s % → %s', (percent, grade) => {
    expect(gradeFor(DEFAULT_GRADE_BANDS, percent).code).toBe(grade);
  });

  it('returns the first band reached, for any percent in hundredths', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100), (percent) => {
        const expected = percent > 90 ? 'hoan-thanh-xuat-sac' : percent > 80 ? 'hoan-thanh-tot' : percent >= 50 ? 'hoan-thanh' : 'khong-hoan-thanh';
        expect(gradeFor(DEFAULT_GRADE_BANDS, percent).code).toBe(expected);
      }),
      { numRuns: 2_000 },
    );
  });

  it('bands are tried in order: the first one reached wins, the last one is the fallback', () => {
    const bands = [
      { code: 'a', label: 'A', atLeast: 50 },
      { code: 'b', label: 'B', above: 90 },
    ];
    expect(gradeFor(bands, 95).code).toBe('a');
    expect(gradeFor(bands, 10).code).toBe('b');
  });

  it('the result carries the grade of its percent, code and label', () => {
    fc.assert(
      fc.property(sheetArb, (sheet) => {
        const result = resultFor(sheet);
        const band = gradeFor(DEFAULT_GRADE_BANDS, result.percent);
        expect([result.grade, result.gradeLabel]).toStrictEqual([band.code, band.label]);
      }),
      RUNS,
    );
  });
});
