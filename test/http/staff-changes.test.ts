import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import type { Runtime } from '../../infra/local/runtime';
import { type Client, ORG, as, memberPledge, paths, setUpOrganization, startTestRuntime } from '../support/runtime';
import { countEvents } from '../support/store';
import { SELF_SCORES } from '../support/evaluation-fixtures';

const evaluation = (year: number, participantId: string) => `${paths.cycle(year)}/evaluations/${participantId}`;
const scores = (year: number, departmentId: string) => `${paths.cycle(year)}/departments/${departmentId}/scores`;
const move = (memberId: string, action: 'transfer' | 'leave' | 'return') => `${paths.member(memberId)}/${action}`;

/** Who a board row lists under each department: `{ 'phong-a': [...], 'phong-b': [...] }`. */
const boardMembers = (body: { departments: { departmentId: string; members: { memberId: string }[] }[] }) =>
  Object.fromEntries(body.departments.map((row) => [row.departmentId, row.members.map((member) => member.memberId)]));

/**
 * Staff changes across a year boundary (2024 → 2025): vien-b moves from Phòng B to Phòng A on 1 March 2025;
 * vien-a moves from A to B on 20 November 2025, after submitting its 2025 self-assessment; vien-b leaves on
 * 1 December 2025 and comes back on 15 December. Each year counts each member where it was on 31 December.
 */
describe('staff changes over HTTP: moves, leaving, returning, across years', () => {
  let runtime: Runtime;
  let office: Client;
  let headA: Client;
  let headB: Client;

  const at = async (instant: Date) => {
    runtime.clock.set(instant, true);
    office = await as(runtime, { role: 'office' });
    headA = await as(runtime, { role: 'head', department: 'phong-a', member: 'truong-a' });
    headB = await as(runtime, { role: 'head', department: 'phong-b' });
  };

  beforeAll(async () => {
    runtime = await startTestRuntime(vnInstant(2024, 3, 1, 9));
    await setUpOrganization(runtime);
    await at(vnInstant(2024, 3, 1, 9));
    expect((await headB.put(paths.pledge(2024, 'vien-b'), memberPledge())).status).toBe(201);
    await at(vnInstant(2024, 11, 15, 9));
    const vienA = await as(runtime, { role: 'member', department: 'phong-a', member: 'vien-a' });
    expect((await vienA.put(`${evaluation(2024, 'vien-a')}/self-assessment`, { participantKind: 'member', submit: true, scores: SELF_SCORES })).status).toBe(201);
    await runtime.settle();
  });
  afterAll(() => runtime.stop());

  it('moves vien-b to Phòng A from 1 March 2025: the 2025 board lists it there, the 2024 board where it was', async () => {
    await at(vnInstant(2025, 3, 1, 9));
    const moved = await office.post(move('vien-b', 'transfer'), { departmentId: 'phong-a', on: '2025-03-01' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ departmentId: 'phong-a', postings: [{ departmentId: 'phong-b', from: null, until: '2025-03-01' }, { departmentId: 'phong-a', from: '2025-03-01', until: null }] });
    await runtime.settle();
    expect(boardMembers((await office.get(paths.board(2024))).body)).toEqual({ 'phong-a': ['truong-a', 'vien-a'], 'phong-b': ['vien-b'] });
    expect(boardMembers((await office.get(paths.board(2025))).body)).toEqual({ 'phong-a': ['truong-a', 'vien-a', 'vien-b'], 'phong-b': [] });
  });

  it('gives the new head the 2025 records and leaves the former head those of 2024', async () => {
    expect((await headB.put(paths.pledge(2025, 'vien-b'), memberPledge())).status).toBe(403);
    expect((await headA.put(paths.pledge(2025, 'vien-b'), memberPledge())).status).toBe(201);
    expect((await headB.get(paths.pledge(2024, 'vien-b'))).status).toBe(200);
    expect((await headA.get(paths.pledge(2024, 'vien-b'))).status).toBe(403);
    // The member's own token still names its former department: its own records stay its own.
    const vienB = await as(runtime, { role: 'member', department: 'phong-b', member: 'vien-b' });
    expect((await vienB.get(paths.pledge(2025, 'vien-b'))).status).toBe(200);
  });

  it('refuses a PUT that moves a member without a date, a move before the current posting, and an unknown department, writing nothing', async () => {
    const before = await countEvents(runtime);
    const undated = await office.put(paths.member('vien-b'), { fullName: 'Trần Thị B', departmentId: 'phong-b' });
    expect([undated.status, undated.body.code, undated.headers.get('content-type')]).toEqual([409, 'transfer-needs-date', 'application/problem+json']);
    expect((await office.post(move('vien-b', 'transfer'), { departmentId: 'phong-b', on: '2025-02-01' })).body.code).toBe('invalid-transition');
    expect((await office.post(move('vien-b', 'transfer'), { departmentId: 'phong-khong-co', on: '2025-06-01' })).body.code).toBe('unknown-department');
    expect((await office.post(move('vien-b', 'transfer'), { departmentId: 'phong-b', on: '1/6/2025' })).status).toBe(400);
    expect((await headA.post(move('vien-b', 'transfer'), { departmentId: 'phong-b', on: '2025-06-01' })).status).toBe(403);
    expect(await countEvents(runtime)).toBe(before);
  });

  it('keeps a submitted score on the page of the department the member ends the year in, and moves the rights with it', async () => {
    await at(vnInstant(2025, 11, 15, 9));
    const vienA = await as(runtime, { role: 'member', department: 'phong-a', member: 'vien-a' });
    expect((await vienA.put(`${evaluation(2025, 'vien-a')}/self-assessment`, { participantKind: 'member', submit: true, scores: SELF_SCORES })).status).toBe(201);
    await at(vnInstant(2025, 11, 20, 9));
    expect((await office.post(move('vien-a', 'transfer'), { departmentId: 'phong-b', on: '2025-11-20' })).status).toBe(200);
    await runtime.settle();

    const lineOf = async (year: number, departmentId: string) => (await office.get(scores(year, departmentId))).body.members.find((member: { memberId: string }) => member.memberId === 'vien-a');
    expect(await lineOf(2025, 'phong-a')).toBeUndefined();
    expect(await lineOf(2025, 'phong-b')).toMatchObject({ status: 'submitted', percent: expect.any(Number) });
    expect(await lineOf(2024, 'phong-a')).toMatchObject({ status: 'submitted', percent: expect.any(Number) });
    expect((await office.get(scores(2025, 'phong-b'))).body.membersMean).toBe((await lineOf(2025, 'phong-b')).percent);

    expect((await headA.get(evaluation(2025, 'vien-a'))).status).toBe(403);
    expect((await headB.get(evaluation(2025, 'vien-a'))).status).toBe(200);
    expect((await headA.get(evaluation(2024, 'vien-a'))).status).toBe(200);
    expect((await headB.get(evaluation(2024, 'vien-a'))).status).toBe(403);
    const eligibility = (await office.get(`${paths.cycle(2025)}/eligibility`)).body;
    expect(eligibility.members.find((member: { memberId: string }) => member.memberId === 'vien-a').departmentId).toBe('phong-b');
  });

  it('drops a member who left before the review date from that year, and from its reminders; keeps it in the years before', async () => {
    await at(vnInstant(2025, 12, 1, 9));
    const left = await office.post(move('vien-b', 'leave'), { on: '2025-12-01', reason: 'Chuyển công tác sang Sở Tài chính' });
    expect(left.status).toBe(200);
    expect(left.body.left).toEqual({ on: '2025-12-01', reason: 'Chuyển công tác sang Sở Tài chính' });
    expect((await office.post(move('vien-b', 'leave'), { on: '2025-12-01', reason: 'Chuyển công tác sang Sở Tài chính' })).status).toBe(200);
    await runtime.settle();

    expect(boardMembers((await office.get(paths.board(2025))).body)['phong-a']).toEqual(['truong-a']);
    expect(boardMembers((await office.get(paths.board(2024))).body)['phong-b']).toEqual(['vien-b']);
    expect((await headA.get(paths.pledge(2025, 'vien-b'))).status).toBe(404);

    const reminded = await office.post(`${paths.cycle(2025)}/reminders`, { deadline: 'self-assessment' });
    expect(reminded.status).toBe(200);
    const ids = reminded.body.reminded.map((target: { participantId: string }) => target.participantId);
    expect(ids).toContain('truong-a');
    expect(ids).not.toContain('vien-b');
    // Named by hand, it is not on that year's roster.
    expect((await office.post(`${paths.cycle(2025)}/reminders`, { deadline: 'self-assessment', participantIds: ['vien-b'] })).status).toBe(404);
    // The Office still lists it, with its history; a head no longer does.
    expect((await office.get(`/orgs/${ORG}/members`)).body.members.find((member: { memberId: string }) => member.memberId === 'vien-b').left.on).toBe('2025-12-01');
    expect((await headA.get(`/orgs/${ORG}/members`)).body.members.map((member: { memberId: string }) => member.memberId)).toEqual(['truong-a']);
  });

  it('counts a member who came back before the review date in its new department, and keeps every step in the history', async () => {
    await at(vnInstant(2025, 12, 15, 9));
    expect((await office.post(move('vien-b', 'return'), { departmentId: 'phong-b', on: '2025-12-15' })).status).toBe(200);
    await runtime.settle();
    expect(boardMembers((await office.get(paths.board(2025))).body)).toEqual({ 'phong-a': ['truong-a'], 'phong-b': ['vien-a', 'vien-b'] });
    const history = await office.get(paths.history('member', 'vien-b'));
    expect(history.body.events.map((event: { type: string }) => event.type)).toEqual(['MemberRegistered', 'MemberTransferred', 'MemberLeft', 'MemberReturned']);
  });
});
