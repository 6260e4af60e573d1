import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { PROBLEM_CONTENT_TYPE, type ProblemCode, problemBody } from '../../functions/http/problem';
import { apiGatewayEvent, lambdaContext } from './api-gateway-event';
import { docsPage } from './docs-page';
import type { LocalAuthority } from './auth';
import { type CompiledRoute, matchRoute } from './router';

export type LambdaHttpHandler = (event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
export type LocalRouteHandler = (request: IncomingMessage, body: string, url: URL) => Promise<{ status: number; body?: unknown }>;

/** API Gateway refuses payloads over 10 MB before any Lambda runs; locally 1 MB is plenty to reach the 64 KB check. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization,content-type,idempotency-key,if-match,x-correlation-id',
  'access-control-allow-methods': 'GET,PUT,POST,DELETE,OPTIONS',
  'access-control-expose-headers': 'etag,content-disposition',
};

export interface LocalHttpOptions {
  readonly routes: readonly CompiledRoute[];
  readonly handlers: ReadonlyMap<string, LambdaHttpHandler>;
  readonly localRoutes: (method: string, path: string) => LocalRouteHandler | undefined;
  /** The web console's files (static-files.ts), for paths no route claims; answers true when it answered. */
  readonly staticFiles?: (request: IncomingMessage, response: ServerResponse, url: URL) => boolean;
  readonly authority: LocalAuthority;
  readonly now: () => Date;
}

const send = (response: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer) => {
  response.writeHead(status, { ...CORS_HEADERS, ...headers });
  response.end(body);
};

const sendProblem = (response: ServerResponse, code: ProblemCode, detail: string) => {
  const problem = problemBody(code, detail);
  send(response, problem.status, { 'content-type': PROBLEM_CONTENT_TYPE }, JSON.stringify(problem));
};

const readBody = (request: IncomingMessage): Promise<string | null> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BUFFERED_BYTES) {
        resolve(null);
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

/**
 * The local API Gateway: matches the route table, verifies the bearer token as the JWT authorizer would (401
 * before any handler runs), builds the payload-2.0 event and calls the same Lambda handler that AWS calls.
 */
export const createLocalHttpServer = (options: LocalHttpOptions) => {
  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const method = request.method ?? 'GET';
      if (method === 'OPTIONS') return send(response, 204, {}, '');
      const body = await readBody(request);
      if (body === null) return sendProblem(response, 'payload-too-large', 'the body is far larger than 64 KB');

      const local = options.localRoutes(method, url.pathname);
      if (local) {
        const result = await local(request, body, url);
        const isProblem = result.status >= 400;
        return send(response, result.status, { 'content-type': isProblem ? PROBLEM_CONTENT_TYPE : 'application/json; charset=utf-8' }, JSON.stringify(result.body ?? {}));
      }

      let match;
      try {
        match = matchRoute(options.routes, method, url.pathname);
      } catch {
        return sendProblem(response, 'invalid-request', 'the path is not valid percent-encoding');
      }
      if (match === null && docsPage(request, response, url)) return;
      if (match === null && options.staticFiles?.(request, response, url)) return;
      if (match === null) return sendProblem(response, 'not-found', `no route for ${url.pathname}`);
      if ('methodNotAllowed' in match) return sendProblem(response, 'method-not-allowed', `${method} is not supported on ${url.pathname}`);

      const { spec } = match.route;
      let claims: Record<string, unknown> | null = null;
      if (!spec.public) {
        const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
        claims = token ? await options.authority.verify(token, options.now()) : null;
        if (!claims) return sendProblem(response, 'unauthorized', 'a valid bearer token is required (POST /_local/token gives one)');
      }
      const routeKey = `${spec.method} ${spec.path}`;
      const event = apiGatewayEvent(request, url, routeKey, match.params, body, claims);
      const result = await options.handlers.get(routeKey)!(event, lambdaContext(spec.entry, (spec.timeoutSeconds ?? 10) * 1000));
      // As API Gateway does: a base64 body from the Lambda (a download) reaches the client as its bytes.
      const bytes = result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? '');
      send(response, result.statusCode ?? 200, (result.headers ?? {}) as Record<string, string>, bytes);
    } catch (error) {
      process.stderr.write(`local server error: ${(error as Error).stack ?? error}\n`);
      if (!response.headersSent) sendProblem(response, 'internal-error', 'the local runtime failed');
    }
  });
  // Requests node:http refuses before any handler (a raw non-ASCII byte in the path, headers over 16 KB) still get
  // a problem+json answer, as API Gateway would give its own error.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return;
    const [status, code] = error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large'] : [400, 'Bad Request'];
    const body = JSON.stringify({ ...problemBody('invalid-request', `the request could not be parsed: ${error.code ?? error.message}`), status });
    socket.end(`HTTP/1.1 ${status} ${code}\r\ncontent-type: ${PROBLEM_CONTENT_TYPE}\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
  });
  return server;
};
