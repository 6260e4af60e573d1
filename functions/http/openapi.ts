import * as z from 'zod';
import { version } from '../../package.json';
import type { RouteSpec } from '../../infra/routes';
import type { RouteContract } from './contracts';
import { COMMAND_HEADER_REFS, type JsonSchema, components, jsonSchemaOf } from './openapi-components';

const COMMANDS = new Set(['PUT', 'POST', 'DELETE']);
const WITH_BODY = new Set(['PUT', 'POST']); // the methods whose body the jsonBody middleware reads

const placeholders = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);

/** "GET /orgs/{org}/campaigns/{campaignId}" → "getOrgsCampaignsByCampaignId": unique per route, stable, readable. */
const operationId = (route: RouteSpec) => {
  const segments = route.path.split('/').filter(Boolean);
  const words = segments.flatMap((segment, index) => {
    const param = /^\{(\w+)\}$/.exec(segment)?.[1];
    if (param === undefined) return segment.split(/[^a-zA-Z0-9]+/);
    return index === segments.length - 1 ? ['by', param] : []; // a trailing parameter names one item of a list
  });
  return route.method.toLowerCase() + words.map((word) => word[0].toUpperCase() + word.slice(1)).join('');
};

const objectSchema = (schema: RouteContract['params']) => {
  const json = schema ? jsonSchemaOf(schema) : {};
  return { properties: (json.properties ?? {}) as Record<string, JsonSchema>, required: (json.required ?? []) as string[] };
};

/**
 * Path parameters from the route's path, each with its schema from the contract (every one must have one), and
 * query parameters from the contract. A required property of `params` the path does not name is a wrong contract.
 */
const parameters = (key: string, route: RouteSpec, contract: RouteContract, examples: Readonly<Record<string, unknown>>) => {
  const names = placeholders(route.path);
  const path = objectSchema(contract.params);
  const stray = path.required.filter((name) => !names.includes(name));
  if (stray.length > 0) throw new Error(`${key}: its params schema requires ${stray.join(', ')}, which the path does not name`);
  const query = objectSchema(contract.query);
  const parameter = (name: string, where: 'path' | 'query', schema: JsonSchema | undefined, required: boolean) => {
    if (!schema) throw new Error(`${key}: no schema for the path parameter {${name}}`);
    return { name, in: where, required, schema, ...(name in examples ? { example: examples[name] } : {}) };
  };
  return [
    ...names.map((name) => parameter(name, 'path', path.properties[name], true)),
    ...Object.entries(query.properties).map(([name, schema]) => parameter(name, 'query', schema, query.required.includes(name))),
    ...(COMMANDS.has(route.method) ? COMMAND_HEADER_REFS : []),
  ];
};

const requestBody = (key: string, route: RouteSpec, contract: RouteContract) => {
  if (!contract.body) return {};
  if (!WITH_BODY.has(route.method)) throw new Error(`${key}: a ${route.method} request has no body`);
  const examples = Object.entries(contract.examples ?? {}).map(([summary, value], index) => [`example-${index + 1}`, { summary, value }]);
  return {
    requestBody: {
      // The jsonBody middleware passes no body as undefined: a schema that accepts undefined makes it optional.
      required: !contract.body.safeParse(undefined).success,
      content: { 'application/json': { schema: jsonSchemaOf(contract.body), ...(examples.length > 0 ? { examples: Object.fromEntries(examples) } : {}) } },
    },
  };
};

const success = (status: number, description: string, files: RouteContract['files']) => {
  if (status === 204) return { description };
  const content = files
    ? Object.fromEntries(files.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]))
    : { 'application/json': { schema: { type: 'object' } } };
  return { description, content };
};

/** The error statuses a route can answer, from what it is: public or not, with a path to miss, a command, a store user. */
const problemStatuses = (route: RouteSpec, contract: RouteContract): number[] => [
  ...(contract.params || contract.query || contract.body ? [400] : []),
  ...(route.public ? [] : [401, 403]),
  ...(placeholders(route.path).length > 0 ? [404] : []),
  ...(COMMANDS.has(route.method) ? [409, 412] : []),
  ...(WITH_BODY.has(route.method) ? [413, 415] : []),
  ...(COMMANDS.has(route.method) ? [422] : []),
  ...(Object.keys(route.access).length > 0 ? [503] : []),
];

const operation = (key: string, tag: string, route: RouteSpec, contract: RouteContract, examples: Readonly<Record<string, unknown>>, problems: readonly number[]) => ({
  operationId: operationId(route),
  summary: route.summary,
  tags: [tag],
  ...(route.public ? { security: [] } : {}),
  parameters: parameters(key, route, contract, examples),
  ...requestBody(key, route, contract),
  responses: {
    ...Object.fromEntries(Object.entries(contract.answers).map(([status, description]) => [status, success(Number(status), description, contract.files)])),
    ...Object.fromEntries(problems.map((status) => [status, { $ref: `#/components/responses/Problem${status}` }])),
  },
});

export interface OpenApiInput {
  readonly routes: readonly RouteSpec[];
  /** By tag, then by "METHOD path" (contracts.ts). */
  readonly contracts: Readonly<Record<string, Readonly<Record<string, RouteContract>>>>;
  readonly parameterExamples: Readonly<Record<string, unknown>>;
}

/**
 * A route added to the table before its contract: documented from the table alone (summary, path parameters as
 * strings) under a tag of its own, so the document keeps serving; test/http/openapi.test.ts fails until it has one.
 */
const UNDESCRIBED = 'undescribed';
const stub = (route: RouteSpec): RouteContract => ({
  params: z.object(Object.fromEntries(placeholders(route.path).map((name) => [name, z.string()]))),
  answers: { 200: 'Not described yet: no contract in functions/http/contracts.ts' },
});

/**
 * The OpenAPI 3.1 document of the route table, every route of it and nothing else: each route's summary and
 * access from infra/routes.ts, its parameters and body from the zod schemas its handler parses with (contracts.ts).
 */
export const buildOpenApi = ({ routes, contracts, parameterExamples }: OpenApiInput) => {
  const byKey = new Map(Object.entries(contracts).flatMap(([tag, group]) => Object.entries(group).map(([key, contract]) => [key, { tag, contract }] as const)));
  const paths: Record<string, Record<string, unknown>> = {};
  const statuses = new Set<number>();
  const tags = new Set<string>();
  for (const route of routes) {
    const key = `${route.method} ${route.path}`;
    const found = byKey.get(key) ?? { tag: UNDESCRIBED, contract: stub(route) };
    tags.add(found.tag);
    const problems = problemStatuses(route, found.contract);
    problems.forEach((status) => statuses.add(status));
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(key, found.tag, route, found.contract, parameterExamples, problems);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'thidua API',
      version,
      description:
        'The yearly administrative-reform emulation movement of a Vietnamese public agency: pledges, evaluations, initiatives, votes and awards. ' +
        'Errors are application/problem+json with a stable `code`. Commands take `Idempotency-Key` and `If-Match`.',
    },
    servers: [{ url: '/' }],
    security: [{ bearerAuth: [] }],
    tags: [...Object.keys(contracts), UNDESCRIBED].filter((name) => tags.has(name)).map((name) => ({ name })),
    paths,
    components: components([...statuses].sort((a, b) => a - b)),
  };
};

export type OpenApiDocument = ReturnType<typeof buildOpenApi>;
