import * as z from 'zod';
import { TITLE_CODES } from '../domain/titles';
import { slug, text } from './text';

export const Commitment = z.strictObject({
  text: text(4000),
  /** The criterion this commitment is about, a code of the campaign's catalogue. */
  criterion: slug.optional(),
});

/** What a pledge says: the titles aimed at and the commitments made. Amendments replace it whole. */
export const PledgeContent = z.strictObject({
  targetTitles: z.array(z.enum(TITLE_CODES)).min(1).max(8),
  commitments: z.array(Commitment).max(50),
});
export type PledgeContent = z.output<typeof PledgeContent>;

/** A pledge recorded by the Office after the deadline carries the reason, for the record. */
export const LateRecord = z.strictObject({ reason: text(1000) });

const PledgeChange = PledgeContent.extend({ late: LateRecord.optional() });

export const PledgeEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('PledgeSubmitted'),
    data: PledgeChange.extend({
      participantKind: z.enum(['department', 'member']),
      participantId: slug,
      departmentId: slug,
    }),
  }),
  z.object({ type: z.literal('PledgeAmended'), data: PledgeChange }),
  z.object({ type: z.literal('PledgeWithdrawn'), data: z.object({}) }),
]);
export type PledgeEvent = z.output<typeof PledgeEvent>;
