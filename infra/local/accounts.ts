import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '../../domain/actor';
import type { DomainErrorCode } from '../../domain/errors';
import type { Account, AccountStatus, Accounts } from '../../functions/accounts/accounts';

interface LocalAccount extends Account {
  roles: Role[];
  status: AccountStatus['status'];
}

/**
 * The accounts port served locally, as the user pool would: the accounts function (follow-roster) keeps it up to
 * date from the roster's events, and the local sign-in (POST /_local/token) mints a member's token from it. On
 * disk it is kept beside the data (as the pool outlives a restart); in memory it is new each run.
 */
export class LocalAccounts implements Accounts {
  private readonly byEmail = new Map<string, LocalAccount>();

  private constructor(private readonly file: string | null) {
    if (file && existsSync(file)) for (const account of JSON.parse(readFileSync(file, 'utf8')) as LocalAccount[]) this.byEmail.set(account.email, account);
  }

  static forData(dataPath: string | 'memory'): LocalAccounts {
    return new LocalAccounts(dataPath === 'memory' ? null : join(dataPath, 'local-accounts.json'));
  }

  private save() {
    if (this.file) writeFileSync(this.file, JSON.stringify([...this.byEmail.values()]));
  }

  private change(email: string, update: (account: LocalAccount) => void) {
    const account = this.byEmail.get(email);
    if (!account) throw new Error(`no local account ${email}`); // as Cognito's UserNotFoundException: the batch is retried
    update(account);
    this.save();
  }

  async ensure(account: Account) {
    const known = this.byEmail.get(account.email);
    this.byEmail.set(account.email, { ...account, roles: known?.roles ?? ['member'], status: known?.status ?? 'invited' });
    this.save();
  }

  async setRoles(email: string, roles: readonly Role[]) {
    this.change(email, (account) => (account.roles = ['member', ...roles.filter((role) => role !== 'member')]));
  }

  async disable(email: string) {
    // A member who left before any account was made has none to disable, as in the pool's AdminDisableUser.
    if (this.byEmail.has(email)) this.change(email, (account) => ((account.status = 'disabled'), (account.roles = ['member'])));
  }

  async enable(email: string) {
    this.change(email, (account) => account.status === 'disabled' && (account.status = 'invited'));
  }

  async list(org: string): Promise<AccountStatus[]> {
    return [...this.byEmail.values()].filter((account) => account.org === org).map(({ memberId, email, status, roles }) => ({ memberId, email, status, roles: [...roles] }));
  }

  /** Everyone who may sign in to an organization, with names and departments, for the local sign-in's list. */
  people(org: string) {
    return [...this.byEmail.values()].filter((account) => account.org === org).map((account) => ({ ...account, roles: [...account.roles] }));
  }

  /** Signs a member in as `role`: its account must exist, be enabled and hold the role; it is then active. */
  signIn(org: string, memberId: string, role: Role): LocalAccount | DomainErrorCode {
    const account = [...this.byEmail.values()].find((each) => each.org === org && each.memberId === memberId);
    if (!account) return 'no-account';
    if (account.status === 'disabled') return 'account-disabled';
    if (!account.roles.includes(role)) return 'role-not-granted';
    if (account.status === 'invited') this.change(account.email, (each) => (each.status = 'active'));
    return account;
  }
}
