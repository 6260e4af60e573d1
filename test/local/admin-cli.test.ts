import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import type { Runtime } from '../../infra/local/runtime';
import { client, startTestRuntime } from '../support/runtime';

const run = promisify(execFile);

/** `npm run admin` against a real local runtime, as an administrator would run it (the tsx CLI in its own process). */
describe('npm run admin -- create-org | create-upward, against the local runtime', () => {
  let runtime: Runtime;
  const admin = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'infra/admin/main.ts', ...args, '--url', runtime.url]);
  const agency = ['--org', 'so-tu-phap-ag', '--name', 'Sở Tư pháp tỉnh An Giang', '--parent-body', 'UBND tỉnh An Giang', '--place', 'An Giang', '--abbreviation', 'STP'];
  const office = ['--office-name', 'Lê Thị Thu', '--office-email', 'thu.lt@stp.angiang.gov.vn', '--office-member', 'le-thi-thu'];
  const signIn = (org: string, member: string, role: string) =>
    fetch(`${runtime.url}/_local/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ org, member, role }) });

  beforeAll(async () => {
    runtime = await startTestRuntime(vnInstant(2026, 3, 2, 9));
  });
  afterAll(() => runtime.stop());

  it('records the organization and its profile, and its first Office account signs in as the Office; twice changes nothing', async () => {
    expect((await admin('create-org', ...agency, ...office)).stdout).toContain('so-tu-phap-ag: recorded, Office account thu.lt@stp.angiang.gov.vn');
    await runtime.settle();
    const response = await signIn('so-tu-phap-ag', 'le-thi-thu', 'office');
    expect(response.status).toBe(200);
    const asOffice = client(runtime, ((await response.json()) as { token: string }).token);
    expect((await asOffice.get('/orgs/so-tu-phap-ag/profile')).body).toMatchObject({ name: 'Sở Tư pháp tỉnh An Giang', abbreviation: 'STP' });
    const accounts = (await asOffice.get('/orgs/so-tu-phap-ag/accounts')).body.accounts;
    expect(accounts).toEqual([{ memberId: 'le-thi-thu', email: 'thu.lt@stp.angiang.gov.vn', status: 'active', roles: ['member', 'office'] }]);

    const history = async () => (await asOffice.get('/orgs/so-tu-phap-ag/history/member/le-thi-thu')).body;
    const before = await history();
    await admin('create-org', ...agency, ...office);
    await runtime.settle();
    expect(await history()).toEqual(before);
  });

  it('records a Sở Nội vụ over a list of agencies', async () => {
    const args = ['--org', 'so-noi-vu-ag', '--name', 'Sở Nội vụ tỉnh An Giang', '--place', 'An Giang', '--abbreviation', 'SNV', '--email', 'snv@angiang.gov.vn', '--oversees', 'so-tu-phap-ag,bqlkkt-phuquoc'];
    expect((await admin('create-upward', ...args)).stdout).toContain('upward reader snv@angiang.gov.vn, overseeing so-tu-phap-ag, bqlkkt-phuquoc');
    const upward = client(runtime, await runtime.token({ org: 'so-noi-vu-ag', role: 'office' }));
    expect((await upward.get('/orgs/so-noi-vu-ag/profile')).body).toMatchObject({ name: 'Sở Nội vụ tỉnh An Giang' });
  });

  it('refuses an order without its Office e-mail, writing nothing', async () => {
    await expect(admin('create-org', '--org', 'khong-co', '--name', 'X', '--place', 'Y', '--abbreviation', 'Z', '--office-name', 'A')).rejects.toThrow(/email/);
    const asOffice = client(runtime, await runtime.token({ org: 'khong-co', role: 'office' }));
    expect((await asOffice.get('/orgs/khong-co/profile')).status).toBe(404);
  });
});
