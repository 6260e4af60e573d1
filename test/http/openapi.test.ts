import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import { CONTRACTS, PARAMETER_EXAMPLES, type RouteContract } from '../../functions/http/contracts';
import { buildOpenApi } from '../../functions/http/openapi';
import { ProblemSchema } from '../../functions/http/openapi-components';
import { DEMO_ORG } from '../../infra/local/seed';
import type { Runtime } from '../../infra/local/runtime';
import { ROUTES, type RouteSpec } from '../../infra/routes';
import { startTestRuntime } from '../support/runtime';

/**
 * The API documented: GET /openapi.json is generated from the route table and the zod schemas the handlers parse
 * with (functions/http/contracts.ts). Proven here: every route is in it and nothing else; every documented example
 * passes the handler's own schema and, sent to the real server, gets past its validation; the document holds
 * together as OpenAPI 3.1; the local /docs page loads with its Swagger UI assets from this machine.
 */
const keyOf = (route: RouteSpec) => `${route.method} ${route.path}`;
const contracts = new Map(Object.values(CONTRACTS).flatMap((group) => Object.entries(group)));
const contractOf = (route: RouteSpec): RouteContract => contracts.get(keyOf(route))!;
/** The routes with a contract: the first test names those without one, the others check these. */
const DESCRIBED = ROUTES.filter((route) => contracts.has(keyOf(route)));
const placeholders = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
const pathParams = (route: RouteSpec) => Object.fromEntries(placeholders(route.path).map((name) => [name, PARAMETER_EXAMPLES[name]]));
const queryParams = (contract: RouteContract) => Object.fromEntries(Object.keys(contract.query?.shape ?? {}).map((name) => [name, PARAMETER_EXAMPLES[name]]));
/** A route's body examples; a route without a body is sent once, with none. */
const bodiesOf = (contract: RouteContract): [string, unknown][] => (contract.body ? Object.entries(contract.examples ?? {}) : [['no body', undefined]]);

describe('contracts: one per route of the table', () => {
  it('has a contract for every route, and none for a route that is not in the table', () => {
    const routes = ROUTES.map(keyOf);
    expect(routes.filter((key) => !contracts.has(key)), 'routes without a contract in functions/http/contracts.ts').toEqual([]);
    expect([...contracts.keys()].filter((key) => !routes.includes(key)), 'contracts for no route').toEqual([]);
  });

  it('documents a route without a contract only from the table, marked as undescribed (the first test names it)', () => {
    const added: RouteSpec = { method: 'GET', path: '/orgs/{org}/new-things/{thingId}', entry: 'functions/http/new-thing.ts', summary: 'New', access: {} };
    const document = buildOpenApi({ routes: [added], contracts: CONTRACTS, parameterExamples: PARAMETER_EXAMPLES });
    const operation = document.paths[added.path].get as { tags: string[]; parameters: { name: string }[] };
    expect(operation.tags).toEqual(['undescribed']);
    expect(operation.parameters.map((parameter) => parameter.name)).toEqual(['org', 'thingId']);
  });

  it('leaves no route module a schema of its own: each parses with the *-request.ts schemas its contract names', () => {
    const entries = [...new Set(ROUTES.map((route) => route.entry))];
    const ownSchemas = /from 'zod'|\bz\.|\.(extend|pick|omit|merge|partial)\(/;
    expect(entries.filter((entry) => ownSchemas.test(readFileSync(new URL(`../../${entry}`, import.meta.url), 'utf8')))).toEqual([]);
  });

  for (const route of DESCRIBED) {
    it(`${keyOf(route)}: its parameter and body examples pass the schemas its handler parses with`, () => {
      const contract = contractOf(route);
      if (contract.params) expect(contract.params.safeParse(pathParams(route)).error).toBeUndefined();
      if (contract.query) expect(contract.query.safeParse(queryParams(contract)).error).toBeUndefined();
      if (contract.body) expect(Object.keys(contract.examples ?? {}).length, 'a route with a body documents at least one example').toBeGreaterThan(0);
      for (const [title, example] of Object.entries(contract.examples ?? {})) expect(contract.body!.safeParse(example).error, title).toBeUndefined();
    });
  }
});

describe('GET /openapi.json and /docs, through the local server', () => {
  let runtime: Runtime;
  let document: any;
  let token: string;

  beforeAll(async () => {
    // The demo (its organization, campaigns and this year's pledges) during the 2026 registration: the examples
    // name it, so many of them succeed and the rest are refused for what the state is, not for their shape.
    runtime = await startTestRuntime(vnInstant(2026, 2, 2, 9), { seed: true });
    token = await runtime.token({ org: DEMO_ORG, role: 'office' });
    const response = await fetch(`${runtime.url}/openapi.json`);
    expect(response.status).toBe(200);
    document = await response.json();
  });
  afterAll(() => runtime.stop());

  it('documents every route of the table (method and path), and nothing else', () => {
    const documented = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations as object).map((method) => `${method.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual(ROUTES.map(keyOf).sort());
  });

  it('shows exactly the examples that the contracts hold', () => {
    for (const route of DESCRIBED) {
      const shown = document.paths[route.path][route.method.toLowerCase()].requestBody?.content['application/json'].examples ?? {};
      expect(Object.values(shown).map((example: any) => [example.summary, example.value]), keyOf(route)).toEqual(Object.entries(contractOf(route).examples ?? {}));
    }
  });

  it('holds together as OpenAPI 3.1: references resolve, path parameters are declared, ids are unique', () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(document.info.title).toBeTruthy();
    expect(document.info.version).toBeTruthy();
    const resolve = (ref: string) => ref.replace(/^#\//, '').split('/').reduce((node: any, part) => node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], document);
    const refs: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node !== null && typeof node === 'object') for (const [key, value] of Object.entries(node)) key === '$ref' ? refs.push(value as string) : walk(value);
    };
    walk(document);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((ref) => !ref.startsWith('#/') || resolve(ref) === undefined), 'unresolved references').toEqual([]);

    const ids: string[] = [];
    const tags = new Set(document.tags.map((tag: { name: string }) => tag.name));
    for (const [path, operations] of Object.entries<Record<string, any>>(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const where = `${method.toUpperCase()} ${path}`;
        ids.push(operation.operationId);
        const declared = operation.parameters.map((parameter: any) => (parameter.$ref ? resolve(parameter.$ref) : parameter));
        const inPath = declared.filter((parameter: any) => parameter.in === 'path');
        expect(inPath.map((parameter: any) => parameter.name).sort(), where).toEqual(placeholders(path).sort());
        expect(inPath.every((parameter: any) => parameter.required === true && parameter.schema), where).toBe(true);
        expect(Object.keys(operation.responses).some((status) => /^2\d\d$/.test(status)), `${where} answers a success`).toBe(true);
        expect(operation.tags.every((tag: string) => tags.has(tag)), where).toBe(true);
        const route = ROUTES.find((each) => keyOf(each) === where)!;
        expect(operation.summary).toBe(route.summary);
        if (route.public) expect(operation.security, where).toEqual([]);
        else expect(operation.security, where).toBeUndefined(); // the document's default: the bearer token
        for (const status of Object.keys(operation.responses).filter((code) => code >= '400')) {
          expect(resolve(operation.responses[status].$ref).content['application/problem+json'], `${where} ${status}`).toBeDefined();
        }
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(document.components.securitySchemes)).toEqual(document.security.flatMap((requirement: object) => Object.keys(requirement)));
  });

  it('sends every example to the server: never refused as an invalid request, never a 5xx, answered as documented', async () => {
    const failures: string[] = [];
    for (const route of DESCRIBED) {
      const contract = contractOf(route);
      const path = route.path.replace(/\{(\w+)\}/g, (_match, name: string) => encodeURIComponent(String(PARAMETER_EXAMPLES[name])));
      const query = new URLSearchParams(Object.entries(queryParams(contract)).map(([name, value]): [string, string] => [name, String(value)])).toString();
      for (const [title, body] of bodiesOf(contract)) {
        const response = await fetch(`${runtime.url}${path}${query ? `?${query}` : ''}`, {
          method: route.method,
          headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const type = (response.headers.get('content-type') ?? '').split(';')[0];
        const text = await response.text();
        const where = `${keyOf(route)} (${title}): ${response.status} ${text.slice(0, 300)}`;
        if (response.status >= 500) failures.push(where);
        else if (response.status >= 400) {
          const problem = ProblemSchema.safeParse(JSON.parse(text));
          if (!problem.success || type !== 'application/problem+json') failures.push(`${where}: not the documented Problem`);
          else if (problem.data.code === 'invalid-request') failures.push(where);
        } else if (response.status !== 204) {
          const documented = contract.files?.map((file) => file.split(';')[0]) ?? ['application/json'];
          if (!documented.includes(type)) failures.push(`${where}: answered ${type}, documented ${documented.join(' or ')}`);
        }
        if (!(String(response.status) in contract.answers) && response.status < 300) failures.push(`${where}: an undocumented success status`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('serves /docs: an HTML page that loads Swagger UI from this server, which loads /openapi.json', async () => {
    const page = await fetch(`${runtime.url}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(assets).toEqual(expect.arrayContaining(['/docs/swagger-ui.css', '/docs/swagger-ui-bundle.js', '/docs/init.js']));
    expect(assets.filter((asset) => !asset.startsWith('/docs/')), 'nothing from another host').toEqual([]);
    for (const asset of assets) {
      const response = await fetch(`${runtime.url}${asset}`);
      expect(response.status, asset).toBe(200);
      expect((await response.arrayBuffer()).byteLength, asset).toBeGreaterThan(0);
    }
    expect(await (await fetch(`${runtime.url}/docs/init.js`)).text()).toContain("'/openapi.json'");
    expect((await fetch(`${runtime.url}/docs/package.json`)).status, 'only the assets the page uses').toBe(404);
  });
});
