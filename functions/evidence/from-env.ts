import type { Deps } from '../deps';
import { s3EvidenceStorage } from './s3-storage';
import type { EvidenceStorage } from './storage';

let fromEnvironment: EvidenceStorage | undefined;

/** The evidence storage the runtime passes, or on Lambda the bucket its environment names (built on first use). */
export const evidenceStorage = (deps: Deps): EvidenceStorage => {
  if (deps.evidence) return deps.evidence;
  const bucket = process.env.EVIDENCE_BUCKET;
  if (!bucket) throw new Error('environment variable EVIDENCE_BUCKET is not set');
  return (fromEnvironment ??= s3EvidenceStorage({ bucket }));
};
