import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import type { Runtime } from '../../infra/local/runtime';
import { type ApiResponse, type Client, as, client, memberPledge, paths, setUpOrganization, startTestRuntime } from '../support/runtime';
import { countEvents } from '../support/store';

const expectProblem = (response: ApiResponse, status: number, code: string) => {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(response.body).toMatchObject({ status, code, type: `urn:thidua:problem:${code}`, title: expect.any(String), detail: expect.any(String) });
};

describe('bad input gets a 4xx problem and writes nothing', () => {
  let runtime: Runtime;
  let office: Client;
  let eventsBefore: number;

  beforeAll(async () => {
    runtime = await startTestRuntime(vnInstant(2025, 2, 1, 9));
    ({ office } = await setUpOrganization(runtime));
    eventsBefore = await countEvents(runtime);
  });
  afterAll(async () => {
    expect(await countEvents(runtime)).toBe(eventsBefore);
    await runtime.stop();
  });

  const url = () => paths.pledge(2025, 'vien-a');

  it('malformed JSON', async () => expectProblem(await office.put(url(), '{"participantKind": "member",'), 400, 'invalid-request'));

  it('unknown fields, with the zod issues', async () => {
    const response = await office.put(url(), { ...memberPledge(), isAdmin: true });
    expectProblem(response, 400, 'invalid-request');
    expect(response.body.errors).toEqual([expect.objectContaining({ code: 'unrecognized_keys' })]);
  });

  it('wrong types', async () => {
    const response = await office.put(url(), { participantKind: 'member', targetTitles: 'lao-dong-tien-tien', commitments: [{ text: 5 }] });
    expectProblem(response, 400, 'invalid-request');
    expect([...new Set(response.body.errors.map((issue: { path: string }) => issue.path))].sort()).toEqual(['commitments.0.text', 'targetTitles']);
  });

  it('an unknown title code', async () => expectProblem(await office.put(url(), memberPledge(['anh-hung-lao-dong'])), 400, 'invalid-request'));

  it('an unknown criterion in a commitment', async () => {
    expectProblem(await office.put(url(), { participantKind: 'member', targetTitles: ['lao-dong-tien-tien'], commitments: [{ text: 'x', criterion: 'khong-co' }] }), 400, 'unknown-criterion');
  });

  it('a body over 64 KB', async () => {
    expectProblem(await office.put(url(), { ...memberPledge(), commitments: [{ text: 'x'.repeat(70_000) }] }), 413, 'payload-too-large');
  });

  it('a body that is not JSON', async () => {
    expectProblem(await office.call('PUT', url(), 'participantKind=member', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'unsupported-media-type');
  });

  it('an empty body', async () => expectProblem(await office.call('PUT', url(), '', { 'content-type': 'application/json' }), 400, 'invalid-request'));

  it('a path value that is not a slug, or a year that is not a year', async () => {
    expectProblem(await office.put(paths.member('Nguyễn Văn A'), { fullName: 'A', departmentId: 'phong-a' }), 400, 'invalid-request');
    expectProblem(await office.get(`/orgs/test-org/campaigns/cchc-2021-2025/cycles/two-thousand`), 400, 'invalid-request');
  });

  it('a member in a department that does not exist', async () => {
    expectProblem(await office.put(paths.member('moi'), { fullName: 'Người Mới', departmentId: 'phong-z' }), 400, 'unknown-department');
  });

  it('an unknown template', async () => expectProblem(await office.put(paths.campaign('moi'), { template: 'khong-co' }), 400, 'invalid-campaign'));

  it('a campaign whose period ends before it starts', async () => {
    const response = await office.put(paths.campaign('moi'), {
      title: 'X',
      period: { start: '2025-01-01', end: '2024-01-01' },
      registrationDeadline: { month: 2, day: 30 },
      criteria: [{ code: 'a', label: 'A', maxScore: 10 }],
      allowedTitles: ['giay-khen'],
    });
    expectProblem(response, 400, 'invalid-request');
    expect(response.body.errors.map((issue: { path: string }) => issue.path).sort()).toEqual(['period.end', 'registrationDeadline.day']);
  });

  it('no token, a forged token, or a token of another organization', async () => {
    expectProblem(await client(runtime, null).put(url(), memberPledge()), 401, 'unauthorized');
    // Change the signature's first character: the last one can sit in base64url padding bits and change nothing.
    const [header, payload, signature] = (await runtime.token({ org: 'test-org', role: 'office' })).split('.');
    const forged = `${header}.${payload}.${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    expectProblem(await client(runtime, forged).put(url(), memberPledge()), 401, 'unauthorized');
    const other = await as(runtime, { org: 'other-org', role: 'office' });
    expectProblem(await other.put(url(), memberPledge()), 403, 'forbidden');
  });

  it('who asks comes before what is sent: another organization with malformed JSON is 403, not 400', async () => {
    const other = await as(runtime, { org: 'other-org', role: 'office' });
    expectProblem(await other.put(url(), '{"participantKind":'), 403, 'forbidden');
  });

  it('a campaign over more than ten years, or outside 2000-2100', async () => {
    const long = { title: 'Dài', period: { start: '2001-01-01', end: '2030-12-31' }, registrationDeadline: { month: 3, day: 30 }, criteria: [{ code: 'a', label: 'A', maxScore: 10 }], allowedTitles: ['giay-khen'] };
    expectProblem(await office.put(paths.campaign('dai'), long), 400, 'invalid-request');
    expectProblem(await office.put(paths.campaign('co'), { ...long, period: { start: '0001-01-01', end: '0005-12-31' } }), 400, 'invalid-request');
  });

  it('an unknown route or method', async () => {
    expectProblem(await office.get('/orgs/test-org/nothing-here'), 404, 'not-found');
    expectProblem(await office.call('PATCH', paths.member('vien-a'), {}), 405, 'method-not-allowed');
  });

  it('normalizes Vietnamese text to NFC: an NFD name is stored as NFC', async () => {
    const nfd = 'Nguyễn Văn A'.normalize('NFD');
    const response = await office.put(paths.member('vien-a'), { fullName: nfd, departmentId: 'phong-a' });
    // The same name in NFC is what is already stored: nothing changes, no event is written.
    expect(response.status).toBe(200);
    expect(response.body.fullName).toBe('Nguyễn Văn A'.normalize('NFC'));
    expect(response.headers.get('etag')).toBe('"1"');
  });
});
