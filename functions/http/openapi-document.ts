import { gzipSync } from 'node:zlib';
import { ROUTES } from '../../infra/routes';
import { CONTRACTS, PARAMETER_EXAMPLES } from './contracts';
import { type OpenApiDocument, buildOpenApi } from './openapi';

/** This API's document, from the route table and the contracts. */
export const openApiDocument = (): OpenApiDocument => buildOpenApi({ routes: ROUTES, contracts: CONTRACTS, parameterExamples: PARAMETER_EXAMPLES });

/** The identifier the Lambda bundle of get-openapi gets its document in (esbuild `define`, infra/aws/bundle-options.ts). */
export const EMBEDDED_OPENAPI = 'process.env.THIDUA_OPENAPI_GZIP_BASE64';

/** The document as the bundle embeds it: its JSON gzipped, base64 (138 KB of JSON is 11 KB so). */
export const embeddedOpenApi = (): string => gzipSync(JSON.stringify(openApiDocument()), { level: 9 }).toString('base64');
