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
