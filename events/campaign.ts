import * as z from 'zod';
import { TITLE_CODES } from '../domain/titles';
import { isoDate, slug, steppedNumber, text } from './text';

const ScoredItem = z.strictObject({
  code: slug,
  label: text(300),
  maxScore: steppedNumber(4, 0.25, 1000),
});

/** A scored area; with sub-criteria, those are what is scored and its maximum is theirs summed. */
export const Criterion = ScoredItem.extend({ subCriteria: z.array(ScoredItem).min(1).max(50).optional() });
export type Criterion = z.output<typeof Criterion>;

const DayOfYear = z.strictObject({ month: z.int().min(1).max(12), day: z.int().min(1).max(31) });
type DayOfYear = z.output<typeof DayOfYear>;
/** A day every year has (so not 29 February), and the order of two days within a year. */
const isEveryYearsDay = ({ month, day }: DayOfYear) => day <= new Date(Date.UTC(2023, month, 0)).getUTCDate();
const dayIndex = ({ month, day }: DayOfYear) => month * 100 + day;

/** A grade band: a final percentage above `above` (or at least `atLeast`) earns it; bands are tried in order. */
export const GradeBand = z.strictObject({
  code: slug,
  label: text(200),
  above: steppedNumber(100, 0, 100).optional(),
  atLeast: steppedNumber(100, 0, 100).optional(),
});
export type GradeBand = z.output<typeof GradeBand>;

/** When self-assessment opens and closes, and until when appraisal runs (days in Asia/Ho_Chi_Minh, inclusive). */
export const EvaluationCalendar = z.strictObject({
  selfAssessmentOpens: DayOfYear,
  selfAssessmentCloses: DayOfYear,
  appraisalCloses: DayOfYear,
});
export type EvaluationCalendar = z.output<typeof EvaluationCalendar>;

/** How much evidence a sheet may carry (absent: 20 MB a file, 200 MB a sheet; domain/evaluation/evidence.ts). */
export const EvidenceLimits = z.strictObject({
  maxFileBytes: z.int().min(1024).max(5 * 1024 ** 3),
  maxSheetBytes: z.int().min(1024).max(50 * 1024 ** 3),
});
export type EvidenceLimits = z.output<typeof EvidenceLimits>;

export const CampaignDefinition = z
  .strictObject({
    title: text(300),
    theme: text(2000).optional(),
    period: z.strictObject({ start: isoDate, end: isoDate }),
    /** The yearly registration deadline, a day of the year in Asia/Ho_Chi_Minh ("chậm nhất đến 30/3"). */
    registrationDeadline: DayOfYear,
    criteria: z.array(Criterion).min(1).max(100),
    allowedTitles: z.array(z.enum(TITLE_CODES)).min(1),
    /** Optional: absent means the defaults of domain/evaluation/catalogue.ts (campaigns launched before scoring). */
    gradeBands: z.array(GradeBand).min(1).max(10).optional(),
    evaluationCalendar: EvaluationCalendar.optional(),
    /** Days before each deadline on which the late are reminded; absent means 7 and 1, empty means never. */
    reminderDays: z.array(z.int().min(1).max(90)).max(5).optional(),
    /**
     * The organization's own, stricter share of members with Lao động tiên tiến for Tập thể lao động tiên tiến (the
     * law asks more than 50%: Law 2003 art. 28(1)(c), Law 2022 art. 28; a province may ask more of its agencies), and
     * the document that sets it, shown as the rule applied.
     */
    collectiveLdttRule: z.strictObject({ percent: z.int().min(51).max(100), source: text(500) }).optional(),
    evidenceLimits: EvidenceLimits.optional(),
    /** The template it was made from, if any: kept for the record, the definition itself is complete. */
    template: slug.optional(),
  })
  .superRefine((definition, ctx) => {
    if (definition.period.start > definition.period.end) {
      ctx.addIssue({ code: 'custom', path: ['period', 'end'], message: 'the period must end after it starts' });
    }
    // A movement runs a few years (the plan's is five): a bound keeps schedules and answers small.
    const [startYear, endYear] = [Number(definition.period.start.slice(0, 4)), Number(definition.period.end.slice(0, 4))];
    if (startYear < 2000 || endYear > 2100 || endYear - startYear > 9) {
      ctx.addIssue({ code: 'custom', path: ['period'], message: 'a period lies within 2000-2100 and spans at most 10 years' });
    }
    if (!isEveryYearsDay(definition.registrationDeadline)) {
      ctx.addIssue({ code: 'custom', path: ['registrationDeadline', 'day'], message: 'no such day in that month' });
    }
    const calendar = definition.evaluationCalendar;
    if (calendar) {
      for (const name of ['selfAssessmentOpens', 'selfAssessmentCloses', 'appraisalCloses'] as const) {
        if (!isEveryYearsDay(calendar[name])) ctx.addIssue({ code: 'custom', path: ['evaluationCalendar', name, 'day'], message: 'no such day in that month (every year)' });
      }
      if (dayIndex(calendar.selfAssessmentCloses) < dayIndex(calendar.selfAssessmentOpens)) {
        ctx.addIssue({ code: 'custom', path: ['evaluationCalendar', 'selfAssessmentCloses'], message: 'self-assessment must close on or after the day it opens' });
      }
      if (dayIndex(calendar.appraisalCloses) < dayIndex(calendar.selfAssessmentCloses)) {
        ctx.addIssue({ code: 'custom', path: ['evaluationCalendar', 'appraisalCloses'], message: 'appraisal must close on or after self-assessment closes' });
      }
    }
    const codes = definition.criteria.flatMap((criterion) => [criterion.code, ...(criterion.subCriteria ?? []).map((sub) => sub.code)]);
    if (new Set(codes).size !== codes.length) {
      ctx.addIssue({ code: 'custom', path: ['criteria'], message: 'criterion and sub-criterion codes must be unique' });
    }
    definition.criteria.forEach((criterion, index) => {
      const subTotal = (criterion.subCriteria ?? []).reduce((sum, sub) => sum + sub.maxScore, 0);
      if (criterion.subCriteria && subTotal !== criterion.maxScore) {
        ctx.addIssue({ code: 'custom', path: ['criteria', index, 'maxScore'], message: `must equal the sum of its sub-criteria (${subTotal})` });
      }
    });
    definition.gradeBands?.forEach((band, index) => {
      if ((band.above === undefined) === (band.atLeast === undefined)) {
        ctx.addIssue({ code: 'custom', path: ['gradeBands', index], message: 'give exactly one of "above" and "atLeast"' });
      }
    });
    if (new Set(definition.allowedTitles).size !== definition.allowedTitles.length) {
      ctx.addIssue({ code: 'custom', path: ['allowedTitles'], message: 'titles must be unique' });
    }
  });
export type CampaignDefinition = z.output<typeof CampaignDefinition>;

export const CampaignEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('CampaignLaunched'),
    data: z.object({ definition: CampaignDefinition, openedCycle: z.int().nullable() }),
  }),
  z.object({ type: z.literal('CampaignRedefined'), data: z.object({ definition: CampaignDefinition }) }),
  z.object({ type: z.literal('CycleOpened'), data: z.object({ year: z.int() }) }),
  z.object({ type: z.literal('RegistrationClosed'), data: z.object({ year: z.int(), deadline: z.iso.datetime() }) }),
  z.object({ type: z.literal('CampaignEnded'), data: z.object({ endDate: isoDate }) }),
  z.object({
    type: z.literal('EvaluationWindowRecorded'),
    data: z.object({ year: z.int(), window: z.enum(['self-assessment-opened', 'self-assessment-closed', 'appraisal-closed']), at: z.iso.datetime() }),
  }),
]);
export type CampaignEvent = z.output<typeof CampaignEvent>;
