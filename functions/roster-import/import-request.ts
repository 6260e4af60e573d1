import * as z from 'zod';
import { isoDate } from '../../events/text';

/** A roster file fits in 1 MB of JSON (about 750 KB of file, base64): a 5,000-row .xlsx is about 200 KB. */
export const ROSTER_FILE_BODY_BYTES = 1024 * 1024;

/** POST …/roster-imports/preview and …/apply: the file as base64, and the date moves in it take effect (default today). */
export const RosterImportBody = z.strictObject({
  fileName: z.string().max(255).optional(),
  content: z.base64().min(1).max(ROSTER_FILE_BODY_BYTES),
  effectiveOn: isoDate.optional(),
});
