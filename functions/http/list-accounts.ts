import { requireOffice } from '../../domain/policies';
import { refuse } from '../../domain/errors';
import { accountsLambdaDeps } from '../accounts/lambda';
import { httpHandler } from './handler';
import { orgParams } from './respond';
import type { RouteHandler } from './types';

/**
 * GET /orgs/{org}/accounts: the Office sees per member whether it has a sign-in account and where it stands
 * (invited and never signed in, active, disabled), with its roles. Members without an account are not listed.
 */
export const route: RouteHandler = async (request, deps) => {
  const { org } = orgParams.parse(request.params);
  requireOffice(request.actor);
  const accounts = deps.accounts ?? refuse('accounts-not-configured', 'no sign-in accounts are configured for this deployment');
  const list = await accounts.list(org);
  return { status: 200, body: { accounts: [...list].sort((a, b) => a.memberId.localeCompare(b.memberId)) } };
};

export const handler = httpHandler(route, {}, accountsLambdaDeps);
