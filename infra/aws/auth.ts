import { Duration, Lazy, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  Mfa,
  OAuthScope,
  StringAttribute,
  UserPool,
  UserPoolClient,
  UserPoolClientIdentityProvider,
  UserPoolEmail,
  UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import type { Role } from '../../domain/actor';

/** The roles a person can hold, as Cognito groups (the token's `cognito:groups`). `system` is for schedules only. */
const GROUPS = {
  office: 'The Office: runs the movement, manages the roster and campaigns',
  leader: 'Leadership of the organization',
  council: 'The emulation and commendation council',
  head: 'Head of a department',
  member: 'A member who registers pledges',
  upward: 'An upward reader (Sở Nội vụ): reads the scoreboards, registration rates and reports of the organizations in custom:orgs',
} as const satisfies Partial<Record<Role, string>>;

export interface AuthProps {
  /** A verified SES address for invitations; without it Cognito's own sender is used (a small daily quota). */
  readonly emailFrom?: string;
}

/**
 * Who may call the API. Accounts are created by the Office (no self sign-up); the token carries the roles and the
 * organization, department and member the person is, which the handlers trust because only admins can set them.
 */
export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  /** The hosted UI's host name (`<prefix>.auth.<region>.amazoncognito.com`), where the web console signs users in. */
  readonly hostedUiDomain: string;
  /** Where the hosted UI may send users back to (the web console's URL), set by allowHostedUiReturnTo. */
  private readonly returnUrls: string[] = [];

  constructor(scope: Construct, id: string, props: AuthProps = {}) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      // The invitation an account created by the accounts function (AdminCreateUser) is sent, in Vietnamese.
      userInvitation: {
        emailSubject: 'Tài khoản phần mềm Thi đua cải cách hành chính',
        emailBody:
          'Xin chào,<br>Văn phòng đã tạo tài khoản cho bạn trên phần mềm Thi đua cải cách hành chính.<br>Tên đăng nhập: {username}<br>Mật khẩu tạm thời: {####}<br>Vui lòng đăng nhập và đổi mật khẩu trong vòng 3 ngày.',
      },
      signInAliases: { email: true },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      // Mutable so the Office can move a person to another department; never writable by the person (see client).
      customAttributes: {
        org: new StringAttribute({ mutable: true }),
        department: new StringAttribute({ mutable: true }),
        member: new StringAttribute({ mutable: true }),
        // An upward reader's organizations, space-separated ("org-a org-b"): the most one attribute holds.
        orgs: new StringAttribute({ mutable: true, maxLen: 2048 }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      email: props.emailFrom ? UserPoolEmail.withSES({ fromEmail: props.emailFrom }) : UserPoolEmail.withCognito(),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge(
      {
        id: 'AwsSolutions-COG2',
        reason: 'TOTP MFA is offered to every user but not forced: requiring it for all staff of an agency is a rollout decision for each deployment, not an infrastructure default.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason: 'Threat protection needs the Plus feature plan, billed per monthly active user; accounts are admin-created (no self sign-up) and the API is throttled. Revisit if credential stuffing is observed.',
      },
    );

    for (const [name, description] of Object.entries(GROUPS)) {
      new UserPoolGroup(this, `Group-${name}`, { userPool: this.userPool, groupName: name, description });
    }

    const custom = ['org', 'department', 'member', 'orgs'];
    this.client = this.userPool.addClient('WebClient', {
      // A browser cannot keep a secret; SRP means the password never leaves the browser.
      generateSecret: false,
      authFlows: { userSrp: true },
      // The web console: authorization code with PKCE through the hosted UI, back to the console's own URL only.
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: Lazy.list({ produce: () => this.returnUrls }),
        logoutUrls: Lazy.list({ produce: () => this.returnUrls }),
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      readAttributes: new ClientAttributes().withStandardAttributes({ email: true, emailVerified: true, fullname: true }).withCustomAttributes(...custom),
      // Without this list a user could rewrite their own custom:org with their access token and enter another organization.
      writeAttributes: new ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
    });
    // The prefix is global per region: the stack's name and account make it unique.
    const domain = this.userPool.addDomain('HostedUi', { cognitoDomain: { domainPrefix: `${Stack.of(this).stackName.toLowerCase()}-${Stack.of(this).account}` } });
    this.hostedUiDomain = `${domain.domainName}.auth.${Stack.of(this).region}.amazoncognito.com`;
  }

  /**
   * The accounts function (infra/routes.ts `managesAccounts`): the pool's id, and the admin calls of the accounts
   * port (functions/accounts/cognito.ts) on this pool only. Only the account-listing route gets (read) cognito-idp actions too.
   */
  grantAccountsAdmin(fn: NodejsFunction) {
    fn.addEnvironment('USER_POOL_ID', this.userPool.userPoolId);
    this.userPool.grant(
      fn,
      'cognito-idp:AdminCreateUser',
      'cognito-idp:AdminUpdateUserAttributes',
      'cognito-idp:AdminGetUser',
      'cognito-idp:AdminAddUserToGroup',
      'cognito-idp:AdminRemoveUserFromGroup',
      'cognito-idp:AdminListGroupsForUser',
      'cognito-idp:AdminDisableUser',
      'cognito-idp:AdminEnableUser',
      'cognito-idp:ListUsers',
    );
  }

  /** A route that lists accounts (infra/routes.ts `managesAccounts`): the pool's id, and the two read calls of `list`. */
  grantAccountsRead(fn: NodejsFunction) {
    fn.addEnvironment('USER_POOL_ID', this.userPool.userPoolId);
    this.userPool.grant(fn, 'cognito-idp:ListUsers', 'cognito-idp:AdminListGroupsForUser');
  }

  /** Lets the hosted UI return users to `url` after sign-in and sign-out (the web console's address). */
  allowHostedUiReturnTo(url: string) {
    this.returnUrls.push(url);
  }
}
