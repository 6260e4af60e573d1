import { useEffect, useState } from 'preact/hooks';
import { ApiClient } from '../api/client';
import { ApiError, type Problem } from '../api/problem';
import type { ConsoleConfig } from '../config';
import type { Roster } from '../types';
import { ProblemAlert, Progress } from '../ui/status';
import { ROLE_LABELS, type Role } from './session';

/** A sign-in account of the local user pool (GET /_local/accounts/{org}): made from the roster, with its roles. */
interface Person {
  readonly memberId: string;
  readonly fullName: string;
  readonly departmentId: string;
  readonly roles: readonly Role[];
  readonly status: 'invited' | 'active' | 'disabled';
}

/** Roles a person of the roster can sign in as; the Office and the leadership are not a person of it here. */
const PERSON_ROLES: readonly Role[] = ['member', 'head', 'council'];

/** The demo upward reader: a province's Sở Nội vụ, of an organization of its own, overseeing the demo one. */
const UPWARD_DEMO_ORG = 'so-noi-vu-an-giang';
const UPWARD_DEMO_NAME = 'Sở Nội vụ tỉnh An Giang';

/**
 * Local only: sign in as any demo user, with a token from the runtime's POST /_local/token (never deployed). The
 * people are the local user pool's accounts, made from the roster: each with the roles the Office granted it, so a
 * member is offered only the roles it holds, and one who left (disabled) is not offered.
 */
export const LocalSignIn = ({ config, onToken }: { config: ConsoleConfig; onToken: (token: string) => void }) => {
  const org = config.org ?? '';
  const anonymous = new ApiClient(config.apiUrl, () => null, () => undefined);
  const tokenFor = async (body: Record<string, string | string[]>) => (await anonymous.call<{ token: string }>('POST', '/_local/token', { org, ...body })).body.token;

  const [people, setPeople] = useState<readonly Person[] | null>(null);
  const [names, setNames] = useState<{ agency: string; departments: ReadonlyMap<string, string> }>({ agency: org, departments: new Map() });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [role, setRole] = useState<Role>('member');
  const [memberId, setMemberId] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    tokenFor({ role: 'office' })
      .then((token) => {
        const office = new ApiClient(config.apiUrl, () => token, () => undefined);
        const orgPath = `/orgs/${encodeURIComponent(org)}`;
        return Promise.all([anonymous.get<{ accounts: Person[] }>(`/_local/accounts/${encodeURIComponent(org)}`), office.get<Roster>(`${orgPath}/departments`), office.get<{ name: string }>(`${orgPath}/profile`).catch(() => null)]);
      })
      .then(([accounts, departments, profile]) => {
        setPeople(accounts.body.accounts.filter((person) => person.status !== 'disabled'));
        setNames({ agency: profile?.body.name ?? org, departments: new Map((departments.body.departments ?? []).map((each) => [each.departmentId, each.name])) });
      })
      .catch((error) => setProblem(error instanceof ApiError ? error.problem : null));
  }, []);

  const person = PERSON_ROLES.includes(role);
  const members = people?.filter((each) => each.roles.includes(role)) ?? null;
  // The chosen person, or the first who holds the role chosen.
  const chosenId = members?.some((each) => each.memberId === memberId) ? memberId : (members?.[0]?.memberId ?? '');
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const chosen = members?.find((member) => member.memberId === chosenId);
    try {
      const who: Record<string, string | string[]> =
        role === 'upward'
          ? { role, org: UPWARD_DEMO_ORG, orgs: [org], name: UPWARD_DEMO_NAME }
          : person && chosen
            ? { role, member: chosen.memberId, department: chosen.departmentId, sub: `${role}:${chosen.memberId}`, name: chosen.fullName }
            : { role };
      onToken(await tokenFor(who));
    } catch (error) {
      setProblem(error instanceof ApiError ? error.problem : null);
      setBusy(false);
    }
  };

  return (
    <main class="container sign-in">
      <p class="local-banner" role="note">
        Môi trường thử nghiệm (local): chọn một người dùng mẫu, không cần mật khẩu.
      </p>
      <h1>Đăng nhập</h1>
      <p>Cơ quan: {names.agency}</p>
      <form onSubmit={submit}>
        <label>
          Vai trò
          <select name="role" value={role} onChange={(event) => setRole((event.target as HTMLSelectElement).value as Role)}>
            {(Object.keys(ROLE_LABELS) as Role[]).map((each) => (
              <option key={each} value={each}>
                {ROLE_LABELS[each]}
              </option>
            ))}
          </select>
        </label>
        {role === 'upward' && (
          <p>
            Người dùng mẫu: {UPWARD_DEMO_NAME}, theo dõi {names.agency}.
          </p>
        )}
        {person && (
          <label>
            Người dùng
            <select name="member" value={chosenId} disabled={!members} onChange={(event) => setMemberId((event.target as HTMLSelectElement).value)}>
              {(members ?? []).map((member) => (
                <option key={member.memberId} value={member.memberId}>
                  {member.fullName} ({names.departments.get(member.departmentId) ?? member.departmentId})
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="submit" disabled={busy || (person && !chosenId)} aria-busy={busy ? 'true' : 'false'}>
          Đăng nhập
        </button>
      </form>
      {members === null && !problem && <Progress busy label="Đang tải danh sách người dùng mẫu…" />}
      <ProblemAlert problem={problem} />
    </main>
  );
};
