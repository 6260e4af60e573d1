import { ROUTES } from '../routes';

/**
 * The nested stacks the HTTP functions live in, each with its functions' routes, integrations and invoke
 * permissions: one stack held them all and reached 494 of CloudFormation's 500 resources per template. A group is an
 * area of the API, named by the path alone, so adding a route never moves an existing one to another group: API
 * Gateway refuses to create a route key the API still has (409), and CloudFormation creates before it deletes, so a
 * route moving between templates fails the deploy. Split a group that grows too big by a new area of paths, on a
 * deploy that first removes the moved routes or on a new stack.
 */
export const ROUTE_GROUPS = ['Organization', 'Campaigns', 'Evaluations', 'Awards'] as const;
export type RouteGroup = (typeof ROUTE_GROUPS)[number];

const CYCLE = /^\/orgs\/\{org\}\/campaigns\/\{campaignId\}\/cycles\/\{year\}\//;

/** The area of one path: a cycle's evaluations and departments, its awards, the rest of campaigns, the rest. */
export const routeGroupOf = (path: string): RouteGroup => {
  const inCycle = CYCLE.test(path) ? path.replace(CYCLE, '') : undefined;
  if (inCycle !== undefined && /^(evaluations|departments)\//.test(inCycle)) return 'Evaluations';
  if ((inCycle !== undefined && /^(proposals|eligibility|awards|council)(\/|$)/.test(inCycle)) || /^\/orgs\/\{org\}\/(decisions|awards)\//.test(path)) return 'Awards';
  if (path.startsWith('/orgs/{org}/campaigns')) return 'Campaigns';
  return 'Organization';
};

/** The group of each HTTP entry: a function lives beside its routes, so all the routes of an entry share a group. */
export const entryGroups = (routes = ROUTES): Map<string, RouteGroup> => {
  const groups = new Map<string, RouteGroup>();
  for (const route of routes) {
    const group = routeGroupOf(route.path);
    const other = groups.get(route.entry);
    if (other && other !== group) throw new Error(`${route.entry} serves routes of groups ${other} and ${group} (${route.method} ${route.path}): give each group its own entry, or change routeGroupOf`);
    groups.set(route.entry, group);
  }
  return groups;
};
