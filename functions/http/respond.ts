import * as z from 'zod';
import type { StoredEvent, StreamId } from '../../events/envelope';
import { slug, text } from '../../events/text';
import { refuse } from '../../domain/errors';
import type { CommandResult } from '../command';
import type { ItemProjection } from '../projections';
import { publicView } from '../store/views';
import { etag, statusFor } from './command-request';
import type { HttpResponse } from './types';

/** A record as clients read it: its projection (the same item the views table holds), with its version as ETag. */
export const recordResponse = (projection: ItemProjection, id: StreamId, events: readonly StoredEvent[], status = 200): HttpResponse => {
  if (events.length === 0) refuse('not-found', 'no such record');
  const view = projection(id, events);
  return { status, headers: etag(view.version), body: publicView(view) };
};

/**
 * `?ifAbsent=empty` on a read: a record nobody wrote yet answers 200 `{ "absent": true }` (no ETag: a PUT without
 * If-Match creates it) instead of 404. For the forms the console opens on what is often not there yet (the profile,
 * the 5-year pledge): the browser logs every 404 as a failed load, though "not set yet" is the expected state
 * (review D32). Without it a read answers 404 as before, for any other client.
 */
export const ifAbsentQuery = z.object({ ifAbsent: z.literal('empty').optional() });

/** A record as recordResponse answers it, or `{ absent: true }` when it has no event and the caller asked so. */
export const recordOrAbsentResponse = (projection: ItemProjection, id: StreamId, events: readonly StoredEvent[], query: Readonly<Record<string, string>>): HttpResponse =>
  events.length === 0 && ifAbsentQuery.parse(query).ifAbsent === 'empty' ? { status: 200, body: { absent: true } } : recordResponse(projection, id, events);

/** The answer to a command: 201 for a creation, 200 otherwise; a retry gets the same (see command.ts). */
export const commandResponse = (projection: ItemProjection, id: StreamId, result: CommandResult<unknown>): HttpResponse =>
  recordResponse(projection, id, result.events, statusFor(result.event));

export const orgParams = z.object({ org: slug });
export const campaignParams = orgParams.extend({ campaignId: slug });
const year = z.coerce.number().int().min(2000).max(2100);
export const cycleParams = campaignParams.extend({ year });
/** A campaign or one of its cycles, where one reader serves both paths: a year, or none, says which. */
export const campaignOrCycleParams = campaignParams.extend({ year: year.optional() });

/** `?participantKind=`: which of a department and a member an id means, when the body does not say. */
export const participantKindQuery = z.object({ participantKind: z.enum(['department', 'member']).optional() });

/** The body of a command that needs none (finalize, review, open): nothing, or `{}`. */
export const NoBody = z.strictObject({}).optional();

/** The body of a command that only says why (return, reject, revoke). */
export const ReasonBody = z.strictObject({ reason: text(2000) });
