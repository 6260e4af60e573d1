import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CognitoIdentityProviderClient, CreateGroupCommand, CreateUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Accounts } from '../../functions/accounts/accounts';
import { cognitoAccounts } from '../../functions/accounts/cognito';
import { handleRecords } from '../../functions/streams/follow-roster';
import { vnInstant } from '../../domain/time';
import { ORG, paths, setUpOrganization, startTestRuntime } from '../support/runtime';

/** cognito-local (a Cognito user pool API in Node) in its own folder and port, started and stopped around the tests. */
const startCognitoLocal = async (): Promise<{ endpoint: string; stop: () => void }> => {
  const folder = mkdtempSync(join(tmpdir(), 'cognito-local-'));
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const start = createRequire(import.meta.url).resolve('cognito-local/lib/bin/start.js');
  const server: ChildProcess = spawn(process.execPath, [start], { cwd: folder, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('cognito-local did not start in 20 s')), 20_000);
    server.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Cognito Local running')) (clearTimeout(timer), resolve());
    });
    server.on('exit', (code) => reject(new Error(`cognito-local exited with ${code}`)));
  });
  return { endpoint: `http://127.0.0.1:${port}`, stop: () => (server.kill(), rmSync(folder, { recursive: true, force: true })) };
};

describe('the accounts port on Cognito, through the real AWS SDK against cognito-local', () => {
  let server: Awaited<ReturnType<typeof startCognitoLocal>>;
  let accounts: Accounts;
  const an = { org: 'bqlkkt-phuquoc', memberId: 'tran-thi-bich', email: 'tran-thi-bich@phuquoc.example.vn', fullName: 'Trần Thị Bích', departmentId: 'van-phong' };

  beforeAll(async () => {
    server = await startCognitoLocal();
    const client = new CognitoIdentityProviderClient({ endpoint: server.endpoint, region: 'ap-southeast-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const pool = await client.send(new CreateUserPoolCommand({
        PoolName: 'thidua',
        // As the stack's pool (infra/aws/auth.ts): sign-in by e-mail, the organization's attributes.
        UsernameAttributes: ['email'],
        Schema: ['org', 'department', 'member', 'orgs'].map((Name) => ({ Name, AttributeDataType: 'String', Mutable: true })),
      }));
    const UserPoolId = pool.UserPool!.Id!;

    for (const GroupName of ['office', 'leader', 'council', 'head', 'member']) await client.send(new CreateGroupCommand({ UserPoolId, GroupName }));
    accounts = cognitoAccounts(client, UserPoolId);
  }, 60_000);
  afterAll(() => server?.stop());

  it('creates a member account, invited, in group member, with its organization, department and member id; twice is the same', async () => {
    await accounts.ensure(an);
    await accounts.ensure(an);
    expect(await accounts.list(an.org)).toEqual([{ memberId: 'tran-thi-bich', email: an.email, status: 'invited', roles: ['member'] }]);
    expect(await accounts.list('another-org')).toEqual([]);
  });

  it('grants and removes roles: member always stays', async () => {
    await accounts.setRoles(an.email, ['head', 'council']);
    expect(new Set((await accounts.list(an.org))[0].roles)).toEqual(new Set(['member', 'head', 'council']));
    await accounts.setRoles(an.email, ['head']);
    expect(new Set((await accounts.list(an.org))[0].roles)).toEqual(new Set(['member', 'head']));
    await accounts.setRoles(an.email, []);
    expect((await accounts.list(an.org))[0].roles).toEqual(['member']);
  });

  it('follows the roster from the event stream: an account for a member with an e-mail, disabled when it leaves, enabled on its return', async () => {
    const runtime = await startTestRuntime(vnInstant(2025, 3, 1, 9));
    try {
      const { office } = await setUpOrganization(runtime);
      expect((await office.put(paths.member('vien-a'), { fullName: 'Nguyễn Văn A', departmentId: 'phong-a', email: 'vien-a@bqlkkt.gov.vn' })).status).toBe(200);
      const record = (memberId: string, sequence: string) => ({ dynamodb: { SequenceNumber: sequence, NewImage: { pk: { S: `${ORG}#member#${memberId}` } } } });
      const deps = { ...runtime.deps, accounts };
      const statusOf = async () => (await accounts.list(ORG)).find((account) => account.memberId === 'vien-a');
      // vien-b has no e-mail: no account; a redelivered record changes nothing.
      expect(await handleRecords(deps, [record('vien-b', '1'), record('vien-a', '2'), record('vien-a', '3')])).toEqual({ batchItemFailures: [] });
      expect(await statusOf()).toEqual({ memberId: 'vien-a', email: 'vien-a@bqlkkt.gov.vn', status: 'invited', roles: ['member'] });
      expect((await accounts.list(ORG)).map((account) => account.memberId)).toEqual(['vien-a']);
      expect((await office.post(`${paths.member('vien-a')}/leave`, { on: '2025-03-01', reason: 'Nghỉ hưu' })).status).toBe(200);
      await handleRecords(deps, [record('vien-a', '4')]);
      expect((await statusOf())?.status).toBe('disabled');
      expect((await office.post(`${paths.member('vien-a')}/return`, { departmentId: 'phong-b', on: '2025-04-01' })).status).toBe(200);
      await handleRecords(deps, [record('vien-a', '5')]);
      expect((await statusOf())?.status).toBe('invited');
    } finally {
      await runtime.stop();
    }
  });

  it('disabling the account of someone who never had one does nothing, so the stream does not retry it', async () => {
    await expect(accounts.disable('never-invited@example.org')).resolves.toBeUndefined();
    expect((await accounts.list(an.org)).map((each) => each.email)).not.toContain('never-invited@example.org');
  });

  it('disables the account of a member who left, taking its roles (groups) away, and enables it on its return with none', async () => {
    await accounts.setRoles(an.email, ['head', 'council']);
    await accounts.disable(an.email);
    expect((await accounts.list(an.org))[0]).toMatchObject({ status: 'disabled', roles: ['member'] });
    await accounts.enable(an.email);
    expect((await accounts.list(an.org))[0]).toMatchObject({ status: 'invited', roles: ['member'] });
  });
});
