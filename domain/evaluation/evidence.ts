import type { CampaignDefinition, EvidenceLimits } from '../../events/campaign';
import type { EvidenceFile, SelfScore } from '../../events/evaluation';
import { refuse } from '../errors';
import { scoredCriteria } from './catalogue';

/**
 * Evidence files (tài liệu kiểm chứng): what may be attached to a self-assessment, and how much. The bytes never
 * pass through the API: a participant declares a file (name, type, size, SHA-256), uploads it straight to storage,
 * then the stored object is checked against the declaration before the file is recorded.
 */
const MB = 1024 * 1024;
export const DEFAULT_EVIDENCE_LIMITS: EvidenceLimits = { maxFileBytes: 20 * MB, maxSheetBytes: 200 * MB };
export const evidenceLimitsOf = (definition: CampaignDefinition): EvidenceLimits => definition.evidenceLimits ?? DEFAULT_EVIDENCE_LIMITS;

/** PDF, images, Word and Excel documents: the type and the file name's extension must agree. */
export const EVIDENCE_TYPES: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'image/webp': ['.webp'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
};

/** A file as its uploader declares it: the name (NFC), the type, the exact size in bytes and the SHA-256 in hex. */
export interface DeclaredFile {
  readonly criterion: string;
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
  readonly sha256: string;
}

/** What storage holds under the file's key (null: nothing was uploaded there). */
export interface StoredObject {
  readonly size: number;
  readonly contentType: string | null;
  readonly sha256: string | null;
}

/** A criterion, or one of its sub-criteria, of the campaign. */
const knownCriteria = (definition: CampaignDefinition) => new Set(scoredCriteria(definition).flatMap(({ code, parent }) => [code, parent]));

/** May this file join the sheet's files: a known criterion, an accepted type, within the file and sheet limits. */
export const checkDeclaredFile = (definition: CampaignDefinition, files: readonly EvidenceFile[], declared: DeclaredFile): void => {
  if (!knownCriteria(definition).has(declared.criterion)) refuse('unknown-criterion', `no criterion "${declared.criterion}" in this campaign`, { criterion: declared.criterion });
  // An own property only: a type named "constructor" must not find Object.prototype's.
  const extensions = Object.hasOwn(EVIDENCE_TYPES, declared.contentType) ? EVIDENCE_TYPES[declared.contentType] : undefined;
  if (!extensions) refuse('evidence-type-not-allowed', `"${declared.contentType}" is not accepted: PDF, JPEG, PNG, WebP, .docx or .xlsx`, { allowed: Object.keys(EVIDENCE_TYPES) });
  if (!extensions!.some((extension) => declared.name.toLowerCase().endsWith(extension))) {
    refuse('evidence-type-not-allowed', `a ${declared.contentType} file is named ${extensions!.join(' or ')}`, { allowed: extensions });
  }
  const limits = evidenceLimitsOf(definition);
  if (declared.size > limits.maxFileBytes) refuse('evidence-too-large', `a file may hold at most ${limits.maxFileBytes} bytes`, { maxFileBytes: limits.maxFileBytes });
  const used = files.reduce((sum, file) => sum + file.size, 0);
  if (used + declared.size > limits.maxSheetBytes) {
    refuse('evidence-too-large', `the sheet's files may hold at most ${limits.maxSheetBytes} bytes; ${used} are used`, { maxSheetBytes: limits.maxSheetBytes, usedBytes: used });
  }
};

/** The upload is what was declared: same size, type and checksum (else the file is not recorded). */
export const checkStoredObject = (declared: DeclaredFile, stored: StoredObject | null): void => {
  if (!stored) refuse('evidence-not-uploaded', 'nothing was uploaded for this file: upload it with the URL given, then confirm');
  const mismatch = [
    stored!.size !== declared.size && 'size',
    stored!.contentType !== declared.contentType && 'contentType',
    stored!.sha256 !== declared.sha256 && 'sha256',
  ].filter((field): field is string => field !== false);
  if (mismatch.length > 0) refuse('evidence-mismatch', `the uploaded file differs from the one declared: ${mismatch.join(', ')}`, { mismatch });
};

/**
 * Every score stands on evidence: a document cited (title and reference), a confirmed file attached to the criterion
 * (or to the criterion its sub-criterion belongs to: a file on the whole criterion covers its parts), or else an
 * explanation why there is none. Checked on every save, draft or submission, against the files the sheet holds now:
 * once the last file of a criterion is removed, its score needs a citation or an explanation again.
 * The refusal names the criteria (`missing`) and, as a field issue, each entry's place in the request.
 */
export const checkEvidenceGiven = (scores: readonly SelfScore[], files: readonly EvidenceFile[], catalogue: readonly { code: string; parent: string }[]): void => {
  const filed = new Set(files.map((file) => file.criterion));
  const parentOf = new Map(catalogue.map(({ code, parent }) => [code, parent]));
  const hasFile = (criterion: string) => filed.has(criterion) || filed.has(parentOf.get(criterion) ?? criterion);
  const lacking = scores.flatMap((entry, index) => {
    if ('notApplicable' in entry || (entry.evidence?.length ?? 0) > 0 || entry.explanation !== undefined || hasFile(entry.criterion)) return [];
    return [{ criterion: entry.criterion, index }];
  });
  if (lacking.length === 0) return;
  refuse('evidence-required', 'give evidence (a document cited or a file attached to the criterion), or an explanation where there is none', {
    missing: lacking.map(({ criterion }) => criterion),
    errors: lacking.map(({ index }) => ({ path: `scores.${index}.explanation`, code: 'custom', message: 'give evidence, attach a file, or explain why there is none' })),
  });
};
