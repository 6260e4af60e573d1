import { createHash } from 'node:crypto';
import type { ApiResponse, Client } from './runtime';

export const PDF = 'application/pdf';
export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A file to attach: its bytes, and what is declared of it (the declaration may lie, to test the checks). */
export interface EvidenceUpload {
  readonly criterion: string;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly contentType?: string;
  readonly participantKind?: 'department' | 'member';
}

export const declarationOf = (file: EvidenceUpload) => ({
  participantKind: file.participantKind ?? 'member',
  criterion: file.criterion,
  fileName: file.fileName,
  contentType: file.contentType ?? PDF,
  size: file.bytes.length,
  sha256: sha256Hex(file.bytes),
});

/** PUT bytes to a presigned upload, sending the headers it asks for (fetch sets Content-Length from the body). */
export const putToStorage = (upload: { url: string; headers: Record<string, string> }, bytes: Uint8Array, headers: Record<string, string> = {}) =>
  fetch(upload.url, { method: 'PUT', headers: { ...upload.headers, ...headers }, body: bytes });

/** The whole way, as the console does it: ask for an upload URL, upload straight to storage, confirm. */
export const attachEvidence = async (client: Client, sheetPath: string, file: EvidenceUpload): Promise<{ planned: ApiResponse; stored: Response; confirmed: ApiResponse }> => {
  const declaration = declarationOf(file);
  const planned = await client.post(`${sheetPath}/evidence-uploads`, declaration);
  if (planned.status !== 200) throw new Error(`upload refused: ${planned.status} ${JSON.stringify(planned.body)}`);
  const stored = await putToStorage(planned.body.upload, file.bytes);
  const confirmed = await client.post(`${sheetPath}/evidence-files`, { ...declaration, fileId: planned.body.fileId });
  return { planned, stored, confirmed };
};
