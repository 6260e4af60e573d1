import { ROUTES } from '../../infra/routes';
import { CONTRACTS, PARAMETER_EXAMPLES } from './contracts';
import { httpHandler } from './handler';
import { type OpenApiDocument, buildOpenApi } from './openapi';
import type { RouteHandler } from './types';

/** Built on the first request, then kept: the route table and the schemas cannot change while the code runs. */
let document: OpenApiDocument | undefined;

/** GET /openapi.json: the API described (OpenAPI 3.1), public like /health; the local runtime shows it at /docs. */
export const route: RouteHandler = async () => ({
  status: 200,
  headers: { 'cache-control': 'public, max-age=300' },
  body: (document ??= buildOpenApi({ routes: ROUTES, contracts: CONTRACTS, parameterExamples: PARAMETER_EXAMPLES })),
});

export const handler = httpHandler(route, { public: true });
