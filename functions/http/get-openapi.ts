import { gunzipSync } from 'node:zlib';
import { httpHandler } from './handler';
import type { OpenApiDocument } from './openapi';
import type { RouteHandler } from './types';

/**
 * The Lambda bundle gets the document built at build time: esbuild replaces `process.env.THIDUA_OPENAPI_GZIP_BASE64`
 * with the gzipped JSON (openapi-document.ts, bundle-options.ts) and drops the other branch, since building it at run
 * time takes zod's JSON Schema conversion and every contract: 160 KB of bundle for one public read. Run from source
 * (tests, the local runtime) it is undefined, and the document is built from the very same function.
 */
const load = async (): Promise<OpenApiDocument> =>
  process.env.THIDUA_OPENAPI_GZIP_BASE64
    ? JSON.parse(gunzipSync(Buffer.from(process.env.THIDUA_OPENAPI_GZIP_BASE64, 'base64')).toString('utf8'))
    : (await import('./openapi-document')).openApiDocument();

/** Made on the first request, then kept: the route table and the schemas cannot change while the code runs. */
let document: Promise<OpenApiDocument> | undefined;

/** GET /openapi.json: the API described (OpenAPI 3.1), public like /health; the local runtime shows it at /docs. */
export const route: RouteHandler = async () => ({
  status: 200,
  headers: { 'cache-control': 'public, max-age=300' },
  body: await (document ??= load()),
});

export const handler = httpHandler(route, { public: true });
