import { createHash } from 'node:crypto';
import type { StoredEvent } from '../../events/envelope';
import { canonicalJson } from '../../domain/canonical-json';
import type { CommandRequest } from '../command';
import { HttpProblem } from './problem';
import type { HttpRequest } from './types';

/**
 * The first event of a stream brings the record into being: its request answers 201 Created, now and on every
 * retry. So does a pledge submitted again after its withdrawal: a new registration, not an amendment.
 */
export const statusFor = (event: StoredEvent | null): number => (event && (event.version === 1 || event.type === 'PledgeSubmitted') ? 201 : 200);

export const etag = (version: number) => ({ etag: `"${version}"` });

/** If-Match: "3" (or W/"3", or 3). A malformed one is a client error, not something to ignore. */
export const expectedVersion = (request: HttpRequest): number | undefined => {
  const header = request.headers['if-match'];
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) throw new HttpProblem('invalid-request', 'If-Match must be an ETag returned by this API, such as "3"');
  return Number(match[1]);
};

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,128}$/;

/** Everything a command needs to know about the request: who, which version, which retry key. */
export const commandRequest = (request: HttpRequest): CommandRequest => {
  const key = request.headers['idempotency-key'];
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw new HttpProblem('invalid-request', 'Idempotency-Key must be 1 to 128 visible ASCII characters');
  }
  return {
    actor: request.actor,
    requestId: request.requestId,
    correlationId: request.correlationId,
    expectedVersion: expectedVersion(request),
    // Key order must not change the hash: a client may serialize the same body differently on retry; nor NFC or
    // NFD (a retry from another keyboard is the same Vietnamese text, stored as NFC either way).
    idempotency:
      key === undefined
        ? undefined
        : {
            key,
            requestHash: createHash('sha256').update(`${request.method} ${request.path}\n${canonicalJson(request.body).normalize('NFC')}`).digest('base64url'),
          },
  };
};
