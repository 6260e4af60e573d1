import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer, request as httpRequest } from 'node:http';
import { Transform } from 'node:stream';

/**
 * What S3 does that s3rver (the local S3-compatible server) does not, in front of it, so presigned uploads behave
 * locally as on AWS and the same code path is tested:
 * - every request's SigV4 signature is verified (s3rver checks only a presigned URL's expiry): the bucket is private,
 *   and a PUT with another content type or length than the signed ones is refused (403 SignatureDoesNotMatch), an
 *   expired URL too (403 AccessDenied);
 * - `x-amz-checksum-sha256` on a PUT is checked against the body (400 BadDigest, nothing kept) and kept, and
 *   answered on HEAD/GET with `x-amz-checksum-mode: ENABLED`, as S3's additional checksums are;
 * - CORS for the console's origin only (the bucket's CORS rule on AWS).
 * Everything else is passed through to s3rver unchanged.
 */
export interface S3GapsOptions {
  /** The s3rver behind: host and port. */
  readonly upstream: { readonly host: string; readonly port: number };
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  readonly allowOrigin: (origin: string) => boolean;
}

/** s3rver keeps user metadata: the checksum rides along as one, under this name, hidden from clients. */
const KEPT_CHECKSUM = 'x-amz-meta-thidua-checksum-sha256';

const xmlError = (response: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}) => {
  response.writeHead(status, { 'content-type': 'application/xml', ...headers });
  response.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`);
};

const rfc3986 = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

/** The parts of a SigV4 signature, from a presigned URL's query or an Authorization header. */
interface Signature {
  readonly credential: string;
  readonly amzDate: string;
  readonly signedHeaders: string;
  readonly signature: string;
  readonly payloadHash: string;
  /** Seconds a presigned URL lasts; none for a signed header (the SDK signs each request anew). */
  readonly expires?: number;
}

const signatureOf = (request: IncomingMessage, query: URLSearchParams): Signature | null => {
  if (query.has('X-Amz-Signature')) {
    return {
      credential: query.get('X-Amz-Credential') ?? '',
      amzDate: query.get('X-Amz-Date') ?? '',
      signedHeaders: query.get('X-Amz-SignedHeaders') ?? '',
      signature: query.get('X-Amz-Signature') ?? '',
      payloadHash: query.get('X-Amz-Content-Sha256') ?? 'UNSIGNED-PAYLOAD',
      expires: Number(query.get('X-Amz-Expires')),
    };
  }
  const header = /^AWS4-HMAC-SHA256 Credential=([^,]+), ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]+)$/.exec(request.headers.authorization ?? '');
  if (!header) return null;
  const [, credential, signedHeaders, signature] = header;
  return { credential, signedHeaders, signature, amzDate: String(request.headers['x-amz-date'] ?? ''), payloadHash: String(request.headers['x-amz-content-sha256'] ?? 'UNSIGNED-PAYLOAD') };
};

/**
 * Whether a request is signed as S3 requires (SigV4, in the query of a presigned URL or in the Authorization header
 * of an SDK call) by the one account, and a presigned URL is not expired: null if so, else S3's error.
 */
export const signatureProblem = (request: IncomingMessage, url: URL, secretAccessKey: string, now: Date): { status: number; code: string; message: string } | null => {
  const query = url.searchParams;
  const signed = signatureOf(request, query);
  if (!signed) return { status: 403, code: 'AccessDenied', message: 'Access Denied' };
  const [accessKeyId, day, region, service] = signed.credential.split('/');
  const signedAt = Date.parse(signed.amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
  if (!accessKeyId || Number.isNaN(signedAt) || (signed.expires !== undefined && !Number.isInteger(signed.expires))) {
    return { status: 400, code: 'AuthorizationQueryParametersError', message: 'malformed signature' };
  }
  if (signed.expires !== undefined && now.getTime() > signedAt + signed.expires * 1000) return { status: 403, code: 'AccessDenied', message: 'Request has expired' };
  const signedHeaders = signed.signedHeaders.split(';');
  const canonicalQuery = [...query.entries()]
    .filter(([name]) => name !== 'X-Amz-Signature')
    .map(([name, value]) => `${rfc3986(name)}=${rfc3986(value)}`)
    .sort()
    .join('&');
  const canonicalHeaders = signedHeaders.map((name) => `${name}:${String(request.headers[name] ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const canonicalRequest = [request.method, url.pathname, canonicalQuery, canonicalHeaders, signedHeaders.join(';'), signed.payloadHash].join('\n');
  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', signed.amzDate, scope, createHash('sha256').update(canonicalRequest).digest('hex')].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, day), region), service), 'aws4_request');
  const expected = Buffer.from(createHmac('sha256', key).update(stringToSign).digest('hex'));
  const given = Buffer.from(signed.signature);
  if (given.length === expected.length && timingSafeEqual(given, expected)) return null;
  return { status: 403, code: 'SignatureDoesNotMatch', message: 'The request signature we calculated does not match the signature you provided.' };
};

export const createS3Gaps = (options: S3GapsOptions) =>
  createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const origin = request.headers.origin;
    const cors: Record<string, string> =
      origin && options.allowOrigin(origin) ? { 'access-control-allow-origin': origin, 'access-control-expose-headers': 'etag', vary: 'Origin' } : {};
    if (request.method === 'OPTIONS') {
      if (!cors['access-control-allow-origin']) return xmlError(response, 403, 'AccessForbidden', 'CORSResponse: This CORS request is not allowed.');
      response.writeHead(200, {
        ...cors,
        'access-control-allow-methods': 'GET, PUT, HEAD',
        'access-control-allow-headers': request.headers['access-control-request-headers'] ?? '',
        'access-control-max-age': '3000',
      });
      return response.end();
    }
    // The bucket is private, as on AWS: every request is signed, or refused.
    const problem = signatureProblem(request, url, options.credentials.secretAccessKey, new Date());
    if (problem) return xmlError(response, problem.status, problem.code, problem.message, cors);

    const declared = request.method === 'PUT' ? (request.headers['x-amz-checksum-sha256'] as string | undefined) ?? url.searchParams.get('x-amz-checksum-sha256') : null;
    const hash = createHash('sha256');
    const headers = { ...request.headers, ...(declared ? { [KEPT_CHECKSUM]: declared } : {}) };
    const upstream = httpRequest({ ...options.upstream, method: request.method, path: request.url, headers }, (answer) => {
      if (declared && hash.digest('base64') !== declared) {
        answer.resume();
        // Nothing is kept of a body that is not what its checksum says (S3 stores nothing either).
        const removal = httpRequest({ ...options.upstream, method: 'DELETE', path: url.pathname }, (done) => {
          done.resume();
          xmlError(response, 400, 'BadDigest', 'The SHA256 you specified did not match the calculated checksum.', cors);
        });
        return removal.end();
      }
      const kept = answer.headers[KEPT_CHECKSUM];
      const { [KEPT_CHECKSUM]: _hidden, ...answered } = answer.headers;
      const checksum = kept && (declared || String(request.headers['x-amz-checksum-mode']).toUpperCase() === 'ENABLED') ? { 'x-amz-checksum-sha256': String(kept) } : {};
      response.writeHead(answer.statusCode ?? 502, { ...answered, ...checksum, ...cors });
      answer.pipe(response);
    });
    upstream.on('error', (error) => {
      if (!response.headersSent) xmlError(response, 502, 'InternalError', error.message, cors);
      else response.destroy(error);
    });
    request
      .pipe(
        new Transform({
          transform(chunk, _encoding, done) {
            hash.update(chunk);
            done(null, chunk);
          },
        }),
      )
      .pipe(upstream);
  });
