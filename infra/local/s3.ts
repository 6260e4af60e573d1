import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { createS3Gaps } from './s3-gaps';

export interface LocalS3 {
  /** The endpoint clients (the SDK, the browser through presigned URLs) reach. */
  readonly endpoint: string;
  readonly bucket: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** Bytes of request bodies it received: what the bench compares with what reached the API. */
  readonly bytesReceived: () => number;
  close(): Promise<void>;
}

const BUCKET = 'thidua-evidence';
// s3rver's own account: its keys are fixed, and nothing here is a secret.
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/**
 * The local S3: s3rver on disk (under the data folder, or a temporary folder removed at close for 'memory'), behind
 * what it lacks of S3 (s3-gaps.ts), on loopback. `allowOrigin` says which web origins may upload (CORS).
 */
export const startLocalS3 = async (data: string | 'memory', allowOrigin: (origin: string) => boolean): Promise<LocalS3> => {
  const directory = data === 'memory' ? mkdtempSync(join(tmpdir(), 'thidua-s3-')) : join(data, 's3');
  mkdirSync(directory, { recursive: true });
  const s3rver = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: BUCKET }] });
  const { port } = await s3rver.run();
  const front = createS3Gaps({ upstream: { host: '127.0.0.1', port }, credentials: CREDENTIALS, allowOrigin });
  let received = 0;
  front.on('request', (request) => request.on('data', (chunk: Buffer) => (received += chunk.length)));
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(front.address() as AddressInfo).port}`,
    bucket: BUCKET,
    credentials: CREDENTIALS,
    bytesReceived: () => received,
    close: async () => {
      front.closeAllConnections();
      await new Promise<void>((resolve) => front.close(() => resolve()));
      await s3rver.close();
      if (data === 'memory') rmSync(directory, { recursive: true, force: true });
    },
  };
};
