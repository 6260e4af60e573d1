import * as z from 'zod';
import { AGGREGATE_TYPES } from '../../events/envelope';
import { orgParams } from './respond';

/** A record's type and id: a slug, or for records kept per cycle, slugs joined by ':' (the route checks which). */
export const HistoryParams = orgParams.extend({
  aggregateType: z.enum(AGGREGATE_TYPES),
  aggregateId: z.string().regex(/^[a-z0-9:-]{1,200}$/, 'an aggregate id: slugs joined by ":"'),
});

/** `afterVersion`: the previous answer's `nextCursor` (the last version it held): a long history (a large decision's pages) reads on from there. */
export const HistoryQuery = z.object({ afterVersion: z.coerce.number().int().min(1).optional() });
