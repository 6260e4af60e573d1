import { randomUUID } from 'node:crypto';
import { AdminAddUserToGroupCommand, AdminCreateUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Actor } from '../../domain/actor';
import { type Deps, documentClient } from '../../functions/deps';
import { jsonLogger } from '../../functions/log';
import type { RouteHandler } from '../../functions/http/types';
import { ROUTES } from '../routes';
import { compileRoute, matchRoute } from '../local/router';
import { type Call, type CreateOrg, type CreateUpward, recordOrganization } from './create-org';

/** The stack's outputs the CLI needs on AWS (`cdk deploy` prints them). */
export interface StackOutputs {
  readonly userPoolId: string;
  readonly eventsTable: string;
  readonly viewsTable: string;
}

/**
 * On AWS, with the administrator's credentials: each step runs the route's own handler in this process against the
 * stack's tables, as the Office of the new organization (no one can sign in there yet). The stream does the rest:
 * the projector, and the accounts function, which makes the Office account from the roster (invited by the pool's
 * Vietnamese e-mail with a temporary password) and puts it in group office.
 */
const routeCaller = (outputs: StackOutputs, org: string): Call => {
  const deps: Deps = { db: documentClient(new DynamoDBClient({})), tables: { events: outputs.eventsTable, views: outputs.viewsTable }, now: () => new Date(), log: jsonLogger() };
  const actor: Actor = { sub: 'admin:create-org', org, roles: ['office'] };
  const routes = ROUTES.map(compileRoute);
  return async (method, path, body) => {
    const match = matchRoute(routes, method, path);
    if (!match || !('route' in match)) throw new Error(`no route ${method} ${path}`);
    const { route } = (await import(`../../${match.route.spec.entry}`)) as { route: RouteHandler };
    const response = await route({ method, path, params: match.params, query: {}, headers: {}, body, actor, requestId: `admin-${randomUUID()}`, correlationId: 'admin' }, deps);
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  };
};

export const createOrgOnAws = (outputs: StackOutputs, order: CreateOrg) => recordOrganization(routeCaller(outputs, order.org), order);

/** The Sở Nội vụ reader: its organization's profile, and its account (`custom:orgs` the agencies it oversees, group upward). */
export const createUpwardOnAws = async (outputs: StackOutputs, order: CreateUpward) => {
  await routeCaller(outputs, order.org)('PUT', `/orgs/${order.org}/profile`, order.profile);
  const client = new CognitoIdentityProviderClient({});
  const UserAttributes = [
    { Name: 'email', Value: order.email },
    { Name: 'email_verified', Value: 'true' },
    { Name: 'name', Value: order.profile.name },
    { Name: 'custom:org', Value: order.org },
    { Name: 'custom:orgs', Value: order.oversees.join(' ') },
  ];
  try {
    await client.send(new AdminCreateUserCommand({ UserPoolId: outputs.userPoolId, Username: order.email, UserAttributes, DesiredDeliveryMediums: ['EMAIL'] }));
  } catch (error) {
    if ((error as Error).name !== 'UsernameExistsException') throw error; // run again: the account is there
  }
  await client.send(new AdminAddUserToGroupCommand({ UserPoolId: outputs.userPoolId, Username: order.email, GroupName: 'upward' }));
};
