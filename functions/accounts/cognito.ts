import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUpdateUserAttributesCommand,
  type CognitoIdentityProviderClient,
  ListUsersCommand,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Role } from '../../domain/actor';
import type { Account, AccountStatus, Accounts } from './accounts';

const GRANTABLE: readonly Role[] = ['office', 'leader', 'council', 'head'];

const attributes = (account: Account) => [
  { Name: 'email', Value: account.email },
  { Name: 'email_verified', Value: 'true' },
  { Name: 'name', Value: account.fullName },
  { Name: 'custom:org', Value: account.org },
  { Name: 'custom:department', Value: account.departmentId },
  { Name: 'custom:member', Value: account.memberId },
];

const unlessNotFound = (error: Error) => {
  if (error.name !== 'UserNotFoundException') throw error;
};

const attribute = (user: UserType, name: string) => user.Attributes?.find((each) => each.Name === name)?.Value;

/**
 * The accounts port on a Cognito user pool, through the admin API (only the accounts function's role may call it).
 * The invitation is the pool's own e-mail with a temporary password; its Vietnamese text is the pool's invitation
 * template (infra/aws/auth.ts).
 */
export const cognitoAccounts = (client: CognitoIdentityProviderClient, userPoolId: string): Accounts => {
  const groupsOf = async (userName: string) =>
    ((await client.send(new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username: userName }))).Groups ?? []).map((group) => group.GroupName as Role);
  const setRoles = async (email: string, roles: readonly Role[]) => {
    // Group calls with the pool's own user name (what the e-mail is an alias of): cognito-local lists a user's
    // groups only by it, and on AWS it is the same user either way.
    const Username = (await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }))).Username!;
    const current = new Set(await groupsOf(Username));
    for (const role of GRANTABLE) {
      if (roles.includes(role) && !current.has(role)) await client.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username, GroupName: role }));
      if (!roles.includes(role) && current.has(role)) await client.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: userPoolId, Username, GroupName: role }));
    }
  };
  return {
    async ensure(account) {
      // The pool signs in with the e-mail (infra/aws/auth.ts signInAliases): it is the name the admin API takes.
      const Username = account.email;
      try {
        await client.send(new AdminCreateUserCommand({ UserPoolId: userPoolId, Username, UserAttributes: attributes(account), DesiredDeliveryMediums: ['EMAIL'] }));
      } catch (error) {
        if ((error as Error).name !== 'UsernameExistsException') throw error;
        await client.send(new AdminUpdateUserAttributesCommand({ UserPoolId: userPoolId, Username, UserAttributes: attributes(account) }));
      }
      await client.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username, GroupName: 'member' }));
    },
    setRoles,
    async disable(email) {
      // A member who left before its account was ever made has nothing to disable: done, not a failure to retry.
      const found = await client.send(new AdminDisableUserCommand({ UserPoolId: userPoolId, Username: email })).then(
        () => true,
        (error: Error) => (unlessNotFound(error), false),
      );
      // Leaving revokes the roles: the account keeps no group but `member`, so a return brings none back.
      if (found) await setRoles(email, []);
    },
    async enable(Username) {
      await client.send(new AdminEnableUserCommand({ UserPoolId: userPoolId, Username }));
    },
    async list(org) {
      const users: UserType[] = [];
      let PaginationToken: string | undefined;
      do {
        const page = await client.send(new ListUsersCommand({ UserPoolId: userPoolId, PaginationToken }));
        users.push(...(page.Users ?? []));
        PaginationToken = page.PaginationToken;
      } while (PaginationToken);
      const mine = users.filter((user) => attribute(user, 'custom:org') === org);
      return Promise.all(
        mine.map(async (user): Promise<AccountStatus> => ({
          memberId: attribute(user, 'custom:member') ?? '',
          email: attribute(user, 'email') ?? '',
          status: user.Enabled === false ? 'disabled' : user.UserStatus === 'FORCE_CHANGE_PASSWORD' ? 'invited' : 'active',
          roles: await groupsOf(user.Username!),
        })),
      );
    },
  };
};
