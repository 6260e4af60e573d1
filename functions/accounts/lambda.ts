import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { type Deps, lambdaDeps } from '../deps';
import { cognitoAccounts } from './cognito';

let withAccounts: Deps | undefined;

/**
 * Lambda dependencies with the user pool: only the functions that manage accounts (infra/routes.ts `managesAccounts`,
 * the ones granted cognito-idp calls on the pool) import this. Without USER_POOL_ID, roster changes are logged only.
 */
export const accountsLambdaDeps = () => {
  const poolId = process.env.USER_POOL_ID;
  withAccounts ??= { ...lambdaDeps(), accounts: poolId ? cognitoAccounts(new CognitoIdentityProviderClient({}), poolId) : undefined };
  return withAccounts;
};
