import * as z from 'zod';
import { SLUG_PATTERN } from './slug';

/**
 * Text fields as users type them: Vietnamese arrives as NFC or NFD depending on the keyboard and OS, so every
 * string is normalized to NFC before it is validated, stored or compared ("Nguyễn" must equal "Nguyễn").
 */
export const text = (max: number) =>
  z
    .string()
    .transform((value) => value.normalize('NFC').trim())
    .pipe(z.string().min(1).max(max));

/** Bidirectional embeddings, overrides and isolates: they make "Nguyễn A" display as something else. */
export const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/gu;
/** Characters that show nothing: zero-width spaces and joiners, word joiner, BOM, soft hyphen, invisible operators. */
export const INVISIBLES = /[\u00ad\u034f\u180e\u200b-\u200d\u2060-\u2064\ufeff]/gu;

/**
 * A name (of a person, a department, an organization): text as above, that is more than invisible characters and
 * carries no bidirectional control, which could make a list or a decision show another name than the one stored.
 */
export const name = (max: number) =>
  text(max)
    .refine((value) => !new RegExp(BIDI_CONTROLS.source, 'u').test(value), 'a name may not contain bidirectional control characters')
    .refine((value) => value.replace(INVISIBLES, '').trim() !== '', 'a name must have visible characters');

/** Identifiers in paths and keys: lowercase slugs, so they are safe inside DynamoDB keys joined with '#'. */
export const slug = z.string().regex(SLUG_PATTERN, 'must be a lowercase slug: a-z, 0-9 and "-", 1 to 64 characters');

export const isoDate = z.iso.date();

/**
 * Numbers in steps of `1 / per` (quarter points, hundredths of a percent). zod's multipleOf tolerates tiny
 * doubles (5e-324 "is" a multiple of 0.25), which DynamoDB then refuses to store: this check is exact.
 */
export const steppedNumber = (per: number, min: number, max: number) =>
  z
    .number()
    .min(min)
    .max(max)
    .refine((value) => Number.isInteger(value * per), { message: `must be a multiple of ${1 / per}` });
