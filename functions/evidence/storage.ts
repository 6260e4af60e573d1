import type { Readable } from 'node:stream';
import type { StoredObject } from '../../domain/evaluation/evidence';

/**
 * Where evidence files live (S3 on AWS, a local S3-compatible server with `npm start` and in tests): the API hands
 * out short-lived URLs for exactly one object and never carries a file's bytes, except into the zip archive.
 */
export interface EvidenceStorage {
  /** A presigned PUT for exactly this object, type, size and SHA-256 (hex); the headers the uploader must send. */
  uploadUrl(key: string, file: { readonly contentType: string; readonly size: number; readonly sha256: string }): Promise<SignedRequest>;
  /** What is stored under the key (its SHA-256 as hex), or null. */
  stat(key: string): Promise<StoredObject | null>;
  /** A presigned GET answering the file under its Vietnamese name (RFC 6266 filename*). */
  downloadUrl(key: string, file: { readonly name: string; readonly contentType: string; readonly disposition?: 'inline' | 'attachment' }): Promise<SignedRequest>;
  /** The object's bytes, streamed. */
  read(key: string): Promise<Readable>;
  /** Stores a stream of unknown length in parts (bounded memory); answers the bytes written. */
  write(key: string, body: Readable, contentType: string): Promise<number>;
}

export interface SignedRequest {
  readonly method: 'PUT' | 'GET';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly expiresAt: string;
}

/** Where a sheet's evidence file is kept: under its organization and evaluation, by a random id. */
export const evidenceKey = (org: string, evaluationId: string, fileId: string) => `evidence/${org}/${evaluationId}/${fileId}`;

/** Archives are copies made on request (kept a day by the bucket's lifecycle). */
export const ARCHIVE_PREFIX = 'archives/';
