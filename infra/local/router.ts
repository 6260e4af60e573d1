import { type RouteSpec, routeMethods } from '../routes';

export interface CompiledRoute {
  readonly spec: RouteSpec;
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

/** "/orgs/{org}/members" → a regex with one capture per path parameter, as API Gateway matches them. */
export const compileRoute = (spec: RouteSpec): CompiledRoute => {
  const names: string[] = [];
  const source = spec.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_match, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { spec, pattern: new RegExp(`^${source}$`), names };
};

export type RouteMatch = { route: CompiledRoute; params: Record<string, string> } | { methodNotAllowed: true } | null;

/** Finds the route for a method and path; a path known under other methods is a 405, an unknown one null (404). */
export const matchRoute = (routes: readonly CompiledRoute[], method: string, path: string): RouteMatch => {
  let pathKnown = false;
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    pathKnown = true;
    if (!routeMethods(route.spec).includes(method)) continue;
    return { route, params: Object.fromEntries(route.names.map((name, index) => [name, decodeURIComponent(match[index + 1])])) };
  }
  return pathKnown ? { methodNotAllowed: true } : null;
};
