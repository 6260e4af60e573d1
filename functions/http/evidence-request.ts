import * as z from 'zod';
import { slug, text } from '../../events/text';
import { DepartmentScoresParams, EvaluationParams } from './evaluation-request';

/** A file name as the uploader's computer has it, in NFC; no path, no control characters. */
const fileName = text(255).refine((name) => !/[\\/\p{Cc}]/u.test(name), { message: 'a file name holds no "/", "\\" or control characters' });

/** The file to upload, as declared before the upload and again on its confirmation. */
export const EvidenceUploadBody = z.strictObject({
  participantKind: z.enum(['department', 'member']),
  criterion: slug,
  fileName,
  contentType: z.string().min(1).max(200),
  /** Bytes; the limits (20 MB a file, 200 MB a sheet by default) are the campaign's. */
  size: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
  /** SHA-256 of the file's bytes, in hex. */
  sha256: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'the SHA-256 of the file in hex (64 characters)')
    .transform((hex) => hex.toLowerCase()),
});
export const EvidenceConfirmBody = EvidenceUploadBody.extend({ fileId: z.uuid() });

export const EvidenceFileParams = EvaluationParams.extend({ fileId: z.uuid() });
export const EvidenceArchiveParams = DepartmentScoresParams;
