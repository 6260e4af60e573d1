import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import type { Runtime } from '../../infra/local/runtime';
import { type Client, ORG, client, paths, setUpOrganization, startTestRuntime } from '../support/runtime';
import { countEvents } from '../support/store';

/**
 * Through the real local server: a head granted by the Office leaves the agency. Its roles go with it (in its
 * state, and from its account), and the token it signed in with before is refused, though still unexpired.
 */
describe('a member who leaves keeps no role, and its token no longer acts', () => {
  let runtime: Runtime;
  let office: Client;
  const signIn = (member: string, role: string) =>
    fetch(`${runtime.url}/_local/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ org: ORG, member, role }) }).then(async (response) => ({ status: response.status, body: (await response.json()) as { token: string; code?: string } }));
  const roster = `/orgs/${ORG}/members`;

  beforeAll(async () => {
    runtime = await startTestRuntime(vnInstant(2026, 3, 2, 9));
    ({ office } = await setUpOrganization(runtime));
    expect((await office.put(paths.member('truong-a'), { fullName: 'Trưởng Phòng A', departmentId: 'phong-a', position: 'Trưởng phòng', email: 'truong-a@bqlkkt.gov.vn' })).status).toBe(200);
    expect((await office.put(`${paths.member('truong-a')}/roles`, { roles: ['head', 'council'] })).status).toBe(200);
    await runtime.settle();
  });
  afterAll(() => runtime.stop());

  it("refuses the head's earlier token with 403 account-disabled once it has left, writing nothing; its roles are revoked", async () => {
    const signedIn = await signIn('truong-a', 'head');
    expect(signedIn.status).toBe(200);
    const head = client(runtime, signedIn.body.token);
    expect((await head.get(roster)).status, 'a head reads its department').toBe(200);

    runtime.clock.set(vnInstant(2026, 3, 2, 10), true);
    office = client(runtime, await runtime.token({ org: ORG, role: 'office' }));
    expect((await office.post(`${paths.member('truong-a')}/leave`, { on: '2026-03-02', reason: 'Nghỉ hưu' })).status).toBe(200);
    await runtime.settle();

    const read = await head.get(roster);
    expect([read.status, read.body.code]).toEqual([403, 'account-disabled']);
    const before = await countEvents(runtime);
    const write = await head.put(paths.department('phong-a'), { name: 'Phòng A mới' });
    expect([write.status, write.body.code]).toEqual([403, 'account-disabled']);
    expect(await countEvents(runtime)).toBe(before);

    const member = (await office.get(roster)).body.members.find((each: { memberId: string }) => each.memberId === 'truong-a');
    expect([member.roles, member.left]).toEqual([[], { on: '2026-03-02', reason: 'Nghỉ hưu' }]);
    const accounts = (await office.get(`/orgs/${ORG}/accounts`)).body.accounts;
    expect(accounts.find((account: { memberId: string }) => account.memberId === 'truong-a')).toMatchObject({ status: 'disabled', roles: ['member'] });
  });

  it('brings a returning member back as a plain member: no head until granted again; the token of before stays refused (401)', async () => {
    const stale = client(runtime, await runtime.token({ org: ORG, role: 'head', department: 'phong-a', member: 'truong-a' }));
    runtime.clock.set(vnInstant(2026, 6, 1, 9), true);
    office = client(runtime, await runtime.token({ org: ORG, role: 'office' }));
    expect((await office.post(`${paths.member('truong-a')}/return`, { departmentId: 'phong-a', on: '2026-06-01' })).status).toBe(200);
    await runtime.settle();

    const refused = await stale.get(roster);
    expect([refused.status, refused.body.code]).toEqual([401, 'unauthorized']);
    expect(await signIn('truong-a', 'head')).toMatchObject({ status: 403, body: { code: 'role-not-granted' } });
    const asMember = client(runtime, (await signIn('truong-a', 'member')).body.token);
    expect((await asMember.get(paths.member('truong-a'))).status, 'a member acts again, as a member').not.toBe(401);
    expect((await asMember.get(roster)).status, 'but reads no roster: it is not a head').toBe(403);

    expect((await office.put(`${paths.member('truong-a')}/roles`, { roles: ['head'] })).status).toBe(200);
    await runtime.settle();
    const head = client(runtime, (await signIn('truong-a', 'head')).body.token);
    expect((await head.get(roster)).status).toBe(200);
  });
});
