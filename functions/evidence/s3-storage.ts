import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { Readable } from 'node:stream';
import { contentDisposition } from '../http/content-disposition';
import type { EvidenceStorage, SignedRequest } from './storage';

export interface S3EvidenceOptions {
  readonly bucket: string;
  /** Absent on AWS; the local S3-compatible server's URL with `npm start` and in tests. */
  readonly client?: S3ClientConfig;
  /** How long an upload URL is valid: long enough for 20 MB over a slow line. */
  readonly uploadSeconds?: number;
  /** How long a download URL is valid: it is asked for when a reader clicks. */
  readonly downloadSeconds?: number;
}

const hexToBase64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64');
const base64ToHex = (base64: string) => Buffer.from(base64, 'base64').toString('hex');

/**
 * Evidence in S3 through the AWS SDK. An upload URL signs the content type and length, and carries the SHA-256 as
 * the `x-amz-checksum-sha256` header (signed, not hoisted into the query): S3 refuses a body whose checksum differs
 * (BadDigest) and keeps the checksum, which HeadObject answers with ChecksumMode, so confirming needs no byte.
 * Checksums are computed only when S3 requires them: the SDK's default (CRC32 on every PutObject, with chunked
 * trailers) is not what the presigned uploads carry, and S3-compatible local servers do not all speak it.
 */
export const s3EvidenceStorage = (options: S3EvidenceOptions): EvidenceStorage => {
  const client = new S3Client({ requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED', ...options.client });
  const { bucket, uploadSeconds = 900, downloadSeconds = 300 } = options;
  const signed = async (method: SignedRequest['method'], url: Promise<string>, seconds: number, headers: Record<string, string> = {}): Promise<SignedRequest> => ({
    method,
    url: await url,
    headers,
    expiresAt: new Date(Date.now() + seconds * 1000).toISOString(),
  });
  return {
    uploadUrl: (key, file) => {
      const checksum = hexToBase64(file.sha256);
      const command = new PutObjectCommand({ Bucket: bucket, Key: key, ContentType: file.contentType, ContentLength: file.size, ChecksumSHA256: checksum });
      const url = getSignedUrl(client, command, {
        expiresIn: uploadSeconds,
        signableHeaders: new Set(['content-type', 'content-length']),
        unhoistableHeaders: new Set(['x-amz-checksum-sha256']),
      });
      return signed('PUT', url, uploadSeconds, { 'content-type': file.contentType, 'x-amz-checksum-sha256': checksum });
    },
    stat: async (key) => {
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key, ChecksumMode: 'ENABLED' }));
        return { size: head.ContentLength ?? 0, contentType: head.ContentType ?? null, sha256: head.ChecksumSHA256 ? base64ToHex(head.ChecksumSHA256) : null };
      } catch (error) {
        if ((error as Error).name === 'NotFound' || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return null;
        throw error;
      }
    },
    downloadUrl: (key, file) => {
      const command = new GetObjectCommand({
        Bucket: bucket,
        Key: key,
        ResponseContentType: file.contentType,
        ResponseContentDisposition: contentDisposition(file.name, file.disposition ?? 'attachment'),
      });
      return signed('GET', getSignedUrl(client, command, { expiresIn: downloadSeconds }), downloadSeconds);
    },
    read: async (key) => (await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body as Readable,
    write: async (key, body, contentType) => {
      let bytes = 0;
      body.on('data', (chunk: Buffer) => (bytes += chunk.length));
      // Two parts of 8 MB in flight at most: the memory an archive of any size needs.
      await new Upload({ client, params: { Bucket: bucket, Key: key, Body: body, ContentType: contentType }, queueSize: 2, partSize: 8 * 1024 * 1024 }).done();
      return bytes;
    },
  };
};
