import type { ApiClient, ApiResult } from '../api/client';
import { ApiError, NETWORK_PROBLEM } from '../api/problem';
import type { ParticipantKind, Sheet } from '../types';

/** What the API answers for an upload: the file's id and the presigned PUT to send its bytes with. */
interface PlannedUpload {
  readonly fileId: string;
  readonly upload: { readonly method: 'PUT'; readonly url: string; readonly headers: Readonly<Record<string, string>>; readonly expiresAt: string };
}

export type UploadStep = 'hashing' | 'uploading' | 'confirming';

const hex = (buffer: ArrayBuffer) => [...new Uint8Array(buffer)].map((byte) => byte.toString(16).padStart(2, '0')).join('');

/** Types the API accepts, by extension, for a file the browser could not type (it often leaves .docx blank). */
const TYPE_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const typeOf = (file: File) => file.type || TYPE_BY_EXTENSION[file.name.split('.').pop()?.toLowerCase() ?? ''] || 'application/octet-stream';

/** PUT the bytes straight to storage, telling `onProgress` the bytes sent so far (fetch cannot report upload progress). */
const putToStorage = (planned: PlannedUpload, file: File, onProgress: (sent: number) => void) =>
  new Promise<void>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('PUT', planned.upload.url);
    for (const [name, value] of Object.entries(planned.upload.headers)) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) => onProgress(event.loaded);
    request.onload = () =>
      request.status >= 200 && request.status < 300
        ? (onProgress(file.size), resolve())
        : reject(new ApiError({ code: 'storage-refused', status: request.status, title: 'Kho lưu trữ từ chối tệp, vui lòng thử lại', detail: request.responseText.slice(0, 300) }));
    request.onerror = () => reject(new ApiError(NETWORK_PROBLEM));
    request.send(file);
  });

/**
 * One evidence file, the whole way: its SHA-256 in the browser, an upload URL from the API for exactly this file,
 * the bytes straight to storage, then the confirmation, which the API records only if the stored object matches.
 * A failure at any step is retried by calling this again: a new upload URL, nothing half-recorded.
 */
export const uploadEvidence = async (
  api: ApiClient,
  path: (action: string) => string,
  { participantKind, criterion, file }: { readonly participantKind: ParticipantKind; readonly criterion: string; readonly file: File },
  on: { readonly step: (step: UploadStep) => void; readonly progress: (sent: number) => void },
): Promise<ApiResult<Sheet>> => {
  on.step('hashing');
  const declaration = { participantKind, criterion, fileName: file.name.normalize('NFC'), contentType: typeOf(file), size: file.size, sha256: hex(await crypto.subtle.digest('SHA-256', await file.arrayBuffer())) };
  const planned = await api.call<PlannedUpload>('POST', path('evidence-uploads'), declaration);
  on.step('uploading');
  await putToStorage(planned.body, file, on.progress);
  on.step('confirming');
  return api.call<Sheet>('POST', path('evidence-files'), { ...declaration, fileId: planned.body.fileId });
};
