import type middy from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { Actor, Role } from '../../domain/actor';
import { SLUG_PATTERN } from '../../events/slug';
import type { Logger } from '../log';
import { embeddedMetrics } from '../metrics';
import { HttpProblem, PROBLEM_CONTENT_TYPE, toProblem } from './problem';

type Event = APIGatewayProxyEventV2WithJWTAuthorizer;
type Result = APIGatewayProxyStructuredResultV2;
export type HttpMiddleware = middy.MiddlewareObj<Event, Result, Error, Context & HttpContext>;

/** What the middlewares hand to the route, on the Lambda context. */
export interface HttpContext {
  parsedBody?: unknown;
  actor?: Actor;
  startedAt?: number;
}

const MAX_BODY_BYTES = 64 * 1024;
const BODY_METHODS = new Set(['PUT', 'POST', 'PATCH']);

/** Last in, first out: every error, foreseen or not, leaves as problem+json; only the unforeseen are 5xx. */
export const problemResponses = (log: Logger): HttpMiddleware => ({
  onError: async (request) => {
    const problem = toProblem(request.error);
    if (problem.status === 500) log('error', 'unhandled error', { error: String(request.error?.stack ?? request.error), requestId: request.context.awsRequestId });
    request.response = {
      statusCode: problem.status,
      headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...(problem.status === 503 ? { 'retry-after': '1' } : {}) },
      body: JSON.stringify({ ...problem, instance: request.event.rawPath, requestId: request.context.awsRequestId }),
    };
  },
});

const HOUR_MS = 3600 * 1000;

/**
 * One line per request, with the correlation id that the events of this request carry too, and the request as a
 * metric per route and outcome (embedded metric format): 2xx, 4xx with its problem code, or 5xx.
 * A secret ballot's line carries nothing that ties it to its voter: no sub, no request or correlation id (either
 * would join it to the voter's other lines) and, for time, the hour only.
 */
export const accessLog = (log: Logger): HttpMiddleware => {
  const line = (request: middy.Request<Event, Result, Error, Context & HttpContext>) => {
    const status = request.response?.statusCode ?? 500;
    const ms = Date.now() - (request.context.startedAt ?? Date.now());
    const code = status >= 400 ? (JSON.parse(request.response?.body ?? '{}') as { code?: string }).code : undefined;
    const ballot = request.event.routeKey.endsWith('/ballot');
    const hour = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
    log('info', 'request', {
      ...(ballot
        ? { time: new Date(hour).toISOString().slice(0, 13) }
        : {
            requestId: request.context.awsRequestId,
            correlationId: request.event.headers?.['x-correlation-id'] ?? request.context.awsRequestId,
            sub: request.context.actor?.sub,
          }),
      method: request.event.requestContext.http.method,
      path: request.event.rawPath,
      status,
      code,
      ms,
      ...embeddedMetrics(
        { route: request.event.routeKey, outcome: status >= 500 ? '5xx' : status >= 400 ? '4xx' : '2xx' },
        { Requests: { value: 1, unit: 'Count' }, Latency: { value: ms, unit: 'Milliseconds' } },
        ballot ? hour : Date.now(),
      ),
    });
  };
  return {
    before: async (request) => {
      request.context.startedAt = Date.now();
    },
    // Braces matter: a middy middleware that returns a value ends the chain with that value as the response.
    after: async (request) => {
      line(request);
    },
    onError: async (request) => {
      line(request);
    },
  };
};

/** JSON bodies only, at most 64 KB (or what the route allows), well-formed, or none; the route's zod schema then says what it must hold. */
export const jsonBody = (maxBytes = MAX_BODY_BYTES): HttpMiddleware => ({
  before: async (request) => {
    const { event } = request;
    if (!BODY_METHODS.has(event.requestContext.http.method)) return;
    const raw = event.body === undefined ? '' : event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
    if (raw === '') return; // no body at all (POST …/finalize); a route that needs one says so through its schema
    if (Buffer.byteLength(raw, 'utf8') > maxBytes) {
      throw new HttpProblem('payload-too-large', `the body is larger than ${maxBytes} bytes`);
    }
    const contentType = (event.headers?.['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (contentType !== 'application/json') {
      throw new HttpProblem('unsupported-media-type', 'send the body as application/json');
    }
    try {
      request.context.parsedBody = JSON.parse(raw);
    } catch {
      throw new HttpProblem('invalid-request', 'the body is not well-formed JSON');
    }
  },
});

const KNOWN_ROLES: readonly Role[] = ['office', 'leader', 'council', 'head', 'member', 'upward'];

/** Cognito groups arrive as an array, or through the HTTP API authorizer as the string "[office leader]". */
const parseGroups = (claim: unknown): Role[] => {
  const names = Array.isArray(claim) ? claim.map(String) : typeof claim === 'string' ? claim.replace(/^\[|\]$/g, '').split(/[\s,]+/) : [];
  return KNOWN_ROLES.filter((role) => names.includes(role));
};

/** A Cognito custom attribute is a string: the organizations an upward reader oversees are "org-a org-b" (slugs only). */
const parseOrgs = (claim: unknown): string[] => (typeof claim === 'string' ? claim.split(/[\s,]+/).filter((org) => SLUG_PATTERN.test(org)) : []);

/**
 * The token was verified by the API Gateway JWT authorizer (locally, by the runtime in its place): this reads
 * the claims into an actor, and refuses a token of another organization than the one in the path, unless it is an
 * upward reader overseeing that organization: then it acts there as that reader only, so the roles it holds in its
 * own organization (an Office of the province) never reach into the one it oversees.
 */
export const jwtActor = (): HttpMiddleware => ({
  before: async (request) => {
    const claims = request.event.requestContext.authorizer?.jwt?.claims;
    if (!claims?.sub || typeof claims['custom:org'] !== 'string') throw new HttpProblem('unauthorized', 'a valid bearer token is required');
    const roles = parseGroups(claims['cognito:groups']);
    if (roles.length === 0) throw new HttpProblem('forbidden', 'the token carries no role of this application');
    const org = claims['custom:org'];
    const oversees = roles.includes('upward') ? parseOrgs(claims['custom:orgs']) : [];
    const pathOrg = request.event.pathParameters?.org;
    const overseen = pathOrg !== undefined && pathOrg !== org;
    if (overseen && !oversees.includes(pathOrg)) throw new HttpProblem('forbidden', 'the token is for another organization');
    request.context.actor = {
      sub: String(claims.sub),
      org,
      roles: overseen ? ['upward'] : roles,
      oversees,
      // Who one is in one's own organization names nobody in another.
      department: overseen ? undefined : optionalClaim(claims['custom:department']),
      member: overseen ? undefined : optionalClaim(claims['custom:member']),
    };
  },
});

const optionalClaim = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
