import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import type { Runtime } from '../../infra/local/runtime';
import { type Client, ORG, client, paths, setUpOrganization, startTestRuntime } from '../support/runtime';

/** Through the real local server: the Office grants and removes roles, the local sign-in mints tokens from the accounts. */
describe('role grants and the accounts they make', () => {
  let runtime: Runtime;
  let office: Client;
  const signIn = (member: string, role: string) =>
    fetch(`${runtime.url}/_local/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ org: ORG, member, role }) }).then(async (response) => ({ status: response.status, body: (await response.json()) as { token: string; code?: string } }));
  const tokenOf = async (member: string, role: string) => client(runtime, (await signIn(member, role)).body.token);
  const accountOf = async (memberId: string) => (await office.get(`/orgs/${ORG}/accounts`)).body.accounts.find((each: { memberId: string }) => each.memberId === memberId);

  beforeAll(async () => {
    runtime = await startTestRuntime(vnInstant(2026, 3, 2, 9));
    ({ office } = await setUpOrganization(runtime));
    expect((await office.put(paths.member('vien-a'), { fullName: 'Nguyễn Văn A', departmentId: 'phong-a', email: 'vien-a@bqlkkt.gov.vn' })).status).toBe(200);
    await runtime.settle();
  });
  afterAll(() => runtime.stop());

  it('a member with an e-mail has an account, invited; one without has none and cannot sign in', async () => {
    expect(await accountOf('vien-a')).toEqual({ memberId: 'vien-a', email: 'vien-a@bqlkkt.gov.vn', status: 'invited', roles: ['member'] });
    expect(await accountOf('vien-b')).toBeUndefined();
    expect(await signIn('vien-b', 'member')).toMatchObject({ status: 403, body: { code: 'no-account' } });
  });

  it('a role not granted cannot be signed in with; granted head, the member reads its department, removed, it cannot', async () => {
    expect(await signIn('vien-a', 'head')).toMatchObject({ status: 403, body: { code: 'role-not-granted' } });
    const asMember = await tokenOf('vien-a', 'member');
    expect((await asMember.get(`/orgs/${ORG}/members`)).status).toBe(403);
    expect((await accountOf('vien-a')).status).toBe('active');

    expect((await asMember.put(`${paths.member('vien-a')}/roles`, { roles: ['head'] })).status).toBe(403);
    expect((await office.put(`${paths.member('vien-a')}/roles`, { roles: ['head'] })).status).toBe(200);
    await runtime.settle();
    expect((await accountOf('vien-a')).roles).toEqual(['member', 'head']);
    const asHead = await tokenOf('vien-a', 'head');
    const roster = await asHead.get(`/orgs/${ORG}/members`);
    expect(roster.status).toBe(200);
    expect(roster.body.members.map((member: { memberId: string }) => member.memberId).sort()).toEqual(['truong-a', 'vien-a']);
    const history = await office.get(paths.history('member', 'vien-a'));
    expect(JSON.stringify(history.body)).toContain('MemberRolesSet');

    expect((await office.put(`${paths.member('vien-a')}/roles`, { roles: [] })).status).toBe(200);
    await runtime.settle();
    expect(await signIn('vien-a', 'head')).toMatchObject({ status: 403, body: { code: 'role-not-granted' } });
    expect((await (await tokenOf('vien-a', 'member')).get(`/orgs/${ORG}/members`)).status).toBe(403);
  });

  it('refuses an unknown role with a 400 and writes nothing; only the Office lists accounts', async () => {
    const before = await office.get(paths.history('member', 'vien-a'));
    const refused = await office.put(`${paths.member('vien-a')}/roles`, { roles: ['king'] });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('invalid-request');
    expect((await office.get(paths.history('member', 'vien-a'))).body).toEqual(before.body);
    expect((await (await tokenOf('vien-a', 'member')).get(`/orgs/${ORG}/accounts`)).status).toBe(403);
  });

  it('a member who left is disabled and cannot sign in', async () => {
    expect((await office.post(`${paths.member('vien-a')}/leave`, { on: '2026-03-02', reason: 'Nghỉ hưu' })).status).toBe(200);
    await runtime.settle();
    expect((await accountOf('vien-a')).status).toBe('disabled');
    expect(await signIn('vien-a', 'member')).toMatchObject({ status: 403, body: { code: 'account-disabled' } });
  });
});
