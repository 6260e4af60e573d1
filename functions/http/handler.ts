import middy from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { Actor } from '../../domain/actor';
import { type Deps, lambdaDeps } from '../deps';
import { type HttpContext, accessLog, jsonBody, jwtActor, problemResponses } from './middlewares';
import { onStaff } from './on-staff';
import type { HttpResponse, RouteHandler } from './types';
import { contentDisposition } from './content-disposition';

export interface RouteOptions {
  /** Public routes (health) need no token. */
  readonly public?: boolean;
  /** A larger JSON body than the 64 KB every other route takes (a roster file, base64). */
  readonly maxBodyBytes?: number;
}

const ANONYMOUS: Actor = { sub: 'anonymous', org: '', roles: [] };

const lowercaseHeaders = (headers: Record<string, string | undefined> = {}) =>
  Object.fromEntries(Object.entries(headers).flatMap(([name, value]) => (value === undefined ? [] : [[name.toLowerCase(), value]])));

/**
 * One route as a Lambda handler: the same middy chain on AWS and in the local runtime, which passes its own
 * dependencies (the local store and clock). Middlewares parse and authenticate; the route decides and answers.
 */
export const httpHandler = (route: RouteHandler, options: RouteOptions = {}, deps: () => Deps = lambdaDeps) => {
  const chain = middy<APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Error, Context & HttpContext>();
  const log = (...args: Parameters<Deps['log']>) => deps().log(...args);
  // Who is asking comes before what they sent: a token of another organization is 403 whatever its body.
  chain.use(accessLog(log)).use(problemResponses(log));
  // Then whether its member is still on staff: a token outlives the account that a leaving disabled.
  if (!options.public) chain.use(jwtActor()).use(onStaff(deps));
  chain.use(jsonBody(options.maxBodyBytes));
  return chain.handler(async (event, context) => {
    const headers = lowercaseHeaders(event.headers);
    const head = event.requestContext.http.method === 'HEAD';
    const response = await route(
      {
        // HEAD is answered as GET, then without its body: the same status and headers (a download's name too).
        method: head ? 'GET' : event.requestContext.http.method,
        path: event.rawPath,
        params: (event.pathParameters ?? {}) as Record<string, string>,
        query: (event.queryStringParameters ?? {}) as Record<string, string>,
        headers,
        body: context.parsedBody,
        actor: context.actor ?? ANONYMOUS,
        requestId: context.awsRequestId,
        correlationId: headers['x-correlation-id'] ?? context.awsRequestId,
      },
      deps(),
    );
    const result = toResult(response);
    return head ? { ...result, body: '', isBase64Encoded: false } : result;
  });
};

const toResult = (response: HttpResponse): APIGatewayProxyStructuredResultV2 =>
  response.file
    ? {
        statusCode: response.status,
        headers: { 'content-type': response.file.contentType, 'content-disposition': contentDisposition(response.file.fileName), ...response.headers },
        // API Gateway decodes a base64 body back to bytes for the client.
        body: Buffer.from(response.file.bytes).toString('base64'),
        isBase64Encoded: true,
      }
    : jsonResult(response);

const jsonResult = (response: HttpResponse): APIGatewayProxyStructuredResultV2 => ({
  statusCode: response.status,
  headers: { ...(response.body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }), ...response.headers },
  body: response.body === undefined ? '' : JSON.stringify(response.body),
});
