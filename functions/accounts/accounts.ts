import type { Role } from '../../domain/actor';

/** A sign-in account as the roster gives it: who the member is, where, and the roles the Office granted. */
export interface Account {
  readonly org: string;
  readonly memberId: string;
  readonly email: string;
  readonly fullName: string;
  readonly departmentId: string;
}

/** Where an account stands, for the Office's list: invited (never signed in), active, or disabled. */
export interface AccountStatus {
  readonly memberId: string;
  readonly email: string;
  readonly status: 'invited' | 'active' | 'disabled';
  readonly roles: readonly Role[];
}

/**
 * The accounts port: what the roster asks of the sign-in. On AWS the Cognito user pool (cognito.ts); the calls are
 * idempotent, so a redelivered roster event changes nothing.
 */
export interface Accounts {
  /** Creates the account (invited by e-mail, group `member`) or brings its attributes up to date. */
  ensure(account: Account): Promise<void>;
  /** The account's roles become exactly these (`member` always stays). Accounts are named by their e-mail (the pool signs in with it). */
  setRoles(email: string, roles: readonly Role[]): Promise<void>;
  /** The account can no longer sign in, and keeps no role but `member` (leaving revokes them). */
  disable(email: string): Promise<void>;
  enable(email: string): Promise<void>;
  list(org: string): Promise<AccountStatus[]>;
}
