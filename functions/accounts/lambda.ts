import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { type Deps, lambdaDeps } from '../deps';
import type { Accounts } from './accounts';
import { cognitoAccounts } from './cognito';

let withAccounts: (Deps & { accounts?: Accounts }) | undefined;

/**
 * Lambda dependencies with the user pool: only the accounts function (functions/streams/follow-roster.ts, the one
 * granted cognito-idp:Admin* on the pool) imports this. Without USER_POOL_ID, roster changes are logged only.
 */
export const accountsLambdaDeps = () => {
  const poolId = process.env.USER_POOL_ID;
  withAccounts ??= { ...lambdaDeps(), accounts: poolId ? cognitoAccounts(new CognitoIdentityProviderClient({}), poolId) : undefined };
  return withAccounts;
};
