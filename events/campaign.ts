import * as z from 'zod';
import { TITLE_CODES } from '../domain/titles';
import { isoDate, slug, text } from './text';

export const Criterion = z.strictObject({
  code: slug,
  label: text(300),
  maxScore: z.number().positive().max(1000),
});

export const CampaignDefinition = z
  .strictObject({
    title: text(300),
    theme: text(2000).optional(),
    period: z.strictObject({ start: isoDate, end: isoDate }),
    /** The yearly registration deadline, a day of the year in Asia/Ho_Chi_Minh ("chậm nhất đến 30/3"). */
    registrationDeadline: z.strictObject({ month: z.int().min(1).max(12), day: z.int().min(1).max(31) }),
    criteria: z.array(Criterion).min(1).max(100),
    allowedTitles: z.array(z.enum(TITLE_CODES)).min(1),
    /** The template it was made from, if any: kept for the record, the definition itself is complete. */
    template: slug.optional(),
  })
  .superRefine((definition, ctx) => {
    if (definition.period.start > definition.period.end) {
      ctx.addIssue({ code: 'custom', path: ['period', 'end'], message: 'the period must end after it starts' });
    }
    const { month, day } = definition.registrationDeadline;
    if (day > new Date(Date.UTC(2023, month, 0)).getUTCDate()) {
      ctx.addIssue({ code: 'custom', path: ['registrationDeadline', 'day'], message: 'no such day in that month' });
    }
    const codes = definition.criteria.map((criterion) => criterion.code);
    if (new Set(codes).size !== codes.length) {
      ctx.addIssue({ code: 'custom', path: ['criteria'], message: 'criterion codes must be unique' });
    }
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
]);
export type CampaignEvent = z.output<typeof CampaignEvent>;
