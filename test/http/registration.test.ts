import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import type { Runtime } from '../../infra/local/runtime';
import { type Client, as, memberPledge, departmentPledge, paths, setUpOrganization, startTestRuntime } from '../support/runtime';
import { countEvents } from '../support/store';

describe('pledge registration over HTTP', () => {
  let runtime: Runtime;
  let office: Client;
  let head: Client;
  let member: Client;

  beforeAll(async () => {
    runtime = await startTestRuntime(vnInstant(2025, 3, 15, 10));
    ({ office } = await setUpOrganization(runtime));
    head = await as(runtime, { role: 'head', department: 'phong-a', member: 'truong-a' });
    member = await as(runtime, { role: 'member', department: 'phong-a', member: 'vien-a' });
  });
  afterAll(() => runtime.stop());

  it('creates a campaign from the template mid-period: the current cycle open, earlier years past', async () => {
    const campaign = await office.get(paths.campaign());
    expect(campaign.status).toBe(200);
    expect(campaign.body.criteria).toHaveLength(10);
    expect(campaign.body.criteria.reduce((sum: number, criterion: { maxScore: number }) => sum + criterion.maxScore, 0)).toBe(100);
    expect(campaign.body.period).toEqual({ start: '2021-01-01', end: '2025-12-30' });
    const cycles = Object.fromEntries(campaign.body.cycles.map((cycle: { year: number; status: string; registrationStatus: string }) => [cycle.year, [cycle.status, cycle.registrationStatus]]));
    expect(cycles).toEqual({ 2021: ['past', 'closed'], 2022: ['past', 'closed'], 2023: ['past', 'closed'], 2024: ['past', 'closed'], 2025: ['current', 'open'] });

    const cycle = await member.get(paths.cycle(2025));
    expect(cycle.body).toMatchObject({ year: 2025, status: 'current', registrationStatus: 'open', registrationDeadline: '2025-03-30T16:59:59.999Z', opened: true });
    expect(cycle.headers.get('etag')).toBe('"1"');
    expect((await member.get(paths.cycle(2026))).status).toBe(404);
  });

  it('a member registers, amends and reads its own pledge; every change is an event', async () => {
    const created = await member.put(paths.pledge(2025, 'vien-a'), memberPledge());
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({ participantId: 'vien-a', participantKind: 'member', status: 'active', late: false, departmentId: 'phong-a', targetTitles: ['lao-dong-tien-tien'] });

    const amended = await member.put(paths.pledge(2025, 'vien-a'), memberPledge(['lao-dong-tien-tien', 'chien-si-thi-dua-co-so']), { 'if-match': '"1"' });
    expect(amended.status).toBe(200);
    expect(amended.headers.get('etag')).toBe('"2"');
    expect(amended.body.submittedAt).toBe(created.body.submittedAt);

    const unchanged = await member.put(paths.pledge(2025, 'vien-a'), memberPledge(['lao-dong-tien-tien', 'chien-si-thi-dua-co-so']));
    expect(unchanged.status).toBe(200);
    expect(unchanged.headers.get('etag')).toBe('"2"');

    const read = await member.get(paths.pledge(2025, 'vien-a'));
    expect(read.body.targetTitles).toEqual(['lao-dong-tien-tien', 'chien-si-thi-dua-co-so']);

    const history = await member.get(paths.history('pledge', 'cchc-2021-2025:2025:member:vien-a'));
    expect(history.body.events.map((event: { type: string }) => event.type)).toEqual(['PledgeSubmitted', 'PledgeAmended']);
    expect(history.body.events[0].actor.sub).toBe('member:vien-a');
    expect(history.body.events[0].requestId).toEqual(expect.any(String));
  });

  it('a head registers its department and its members, not another department', async () => {
    expect((await head.put(paths.pledge(2025, 'phong-a'), departmentPledge())).status).toBe(201);
    expect((await head.put(paths.pledge(2025, 'truong-a'), memberPledge())).status).toBe(201);
    const refused = await head.put(paths.pledge(2025, 'vien-b'), memberPledge());
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('forbidden');
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
  });

  it('refuses a title that does not fit the participant', async () => {
    const collectiveForMember = await member.put(paths.pledge(2025, 'vien-a'), memberPledge(['tap-the-lao-dong-xuat-sac']));
    expect(collectiveForMember.status).toBe(400);
    expect(collectiveForMember.body.code).toBe('title-not-allowed');
    const individualForDepartment = await office.put(paths.pledge(2025, 'phong-b'), departmentPledge(['lao-dong-tien-tien']));
    expect(individualForDepartment.body.code).toBe('title-not-allowed');
  });

  it('withdraws a pledge before the deadline with 204, and keeps its events', async () => {
    expect((await office.put(paths.pledge(2025, 'vien-b'), memberPledge())).status).toBe(201);
    const withdrawn = await office.delete(paths.pledge(2025, 'vien-b'));
    expect(withdrawn.status).toBe(204);
    expect(withdrawn.headers.get('etag')).toBe('"2"');
    expect((await office.get(paths.pledge(2025, 'vien-b'))).body.status).toBe('withdrawn');
    expect((await office.delete(paths.pledge(2025, 'vien-b'))).body.code).toBe('not-found');
  });

  it('registers the campaign-wide pledge only until the first year deadline', async () => {
    const refused = await member.put(paths.campaignPledge('vien-a'), memberPledge());
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('registration-closed');
  });

  it('reads a pledge not registered yet as 200 { absent: true } with ?ifAbsent=empty, for the console (review D32), and 404 without', async () => {
    const absent = await member.get(`${paths.campaignPledge('vien-a')}?participantKind=member&ifAbsent=empty`);
    expect(absent.status).toBe(200);
    expect(absent.body).toStrictEqual({ absent: true });
    expect(absent.headers.get('etag')).toBeNull();
    expect((await member.get(paths.campaignPledge('vien-a'))).status).toBe(404);
    // An existing pledge reads as ever, with its version; someone who may not read it is still refused.
    const present = await member.get(`${paths.pledge(2025, 'vien-a')}?ifAbsent=empty`);
    expect(present.status).toBe(200);
    expect(present.body).toMatchObject({ participantId: 'vien-a', status: 'active' });
    expect(present.headers.get('etag')).toMatch(/^"\d+"$/);
    const other = await as(runtime, { role: 'member', department: 'phong-b', member: 'vien-b' });
    expect((await other.get(`${paths.campaignPledge('vien-a')}?ifAbsent=empty`)).status).toBe(403);
    const bad = await member.get(`${paths.campaignPledge('vien-a')}?ifAbsent=yes`);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('invalid-request');
  });

  it('shows the Office the whole board, a head its department, a member its own row', async () => {
    await runtime.settle();
    const board = await office.get(paths.board(2025));
    expect(board.status).toBe(200);
    expect(board.body.totals).toEqual({ departments: 2, departmentsRegistered: 1, members: 3, membersRegistered: 2, late: 0 });
    // The titles aimed at, by name, for the board's column.
    expect(board.body.titleLabels).toMatchObject({ 'lao-dong-tien-tien': 'Lao động tiên tiến' });
    const phongA = board.body.departments.find((row: { departmentId: string }) => row.departmentId === 'phong-a');
    expect(phongA.registered).toBe(true);
    expect(phongA.members.map((row: { memberId: string; registered: boolean }) => [row.memberId, row.registered])).toEqual([
      ['truong-a', true],
      ['vien-a', true],
    ]);
    const phongB = board.body.departments.find((row: { departmentId: string }) => row.departmentId === 'phong-b');
    expect(phongB.members[0]).toMatchObject({ memberId: 'vien-b', registered: false, status: 'withdrawn', submittedAt: null });

    const headBoard = await head.get(paths.board(2025));
    expect(headBoard.body.departments.map((row: { departmentId: string }) => row.departmentId)).toEqual(['phong-a']);
    const memberBoard = await member.get(paths.board(2025));
    expect(memberBoard.body.departments[0].members.map((row: { memberId: string }) => row.memberId)).toEqual(['vien-a']);
  });

  describe('at the deadline (30 March 23:59:59 Asia/Ho_Chi_Minh)', () => {
    /** Tokens last 12 hours: moving the clock by two weeks needs fresh ones. */
    const moveClock = async (to: Date) => {
      runtime.clock.set(to, true);
      office = await as(runtime, { role: 'office' });
      member = await as(runtime, { role: 'member', department: 'phong-a', member: 'vien-a' });
    };

    it('accepts a pledge at 23:59:59 and refuses one at 00:00:00, writing nothing', async () => {
      await moveClock(vnInstant(2025, 3, 30, 23, 59, 59));
      expect((await office.put(paths.pledge(2025, 'vien-b'), memberPledge())).status).toBe(201);

      await moveClock(vnInstant(2025, 3, 31, 0, 0, 0));
      const before = await countEvents(runtime);
      const late = await member.put(paths.pledge(2025, 'vien-a'), memberPledge(['lao-dong-tien-tien']));
      expect(late.status).toBe(409);
      expect(late.body).toMatchObject({ code: 'registration-closed', status: 409, deadline: '2025-03-30T16:59:59.999Z' });
      expect((await member.delete(paths.pledge(2025, 'vien-a'))).body.code).toBe('registration-closed');
      expect(await countEvents(runtime)).toBe(before);
      expect((await member.get(paths.cycle(2025))).body.registrationStatus).toBe('closed');
    });

    it('lets only the Office record a late pledge, with its reason kept in the event', async () => {
      const reason = 'Nộp bản giấy ngày 31/3, Văn phòng nhập hộ';
      const byMember = await member.put(paths.pledge(2025, 'truong-a'), { ...memberPledge(), late: { reason } });
      expect(byMember.status).toBe(403);
      const byOffice = await office.put(paths.pledge(2025, 'vien-a'), { ...memberPledge(['lao-dong-tien-tien']), late: { reason } });
      expect(byOffice.status).toBe(200);
      expect(byOffice.body).toMatchObject({ late: true, lateReason: reason });
      const history = await office.get(paths.history('pledge', 'cchc-2021-2025:2025:member:vien-a'));
      expect(history.body.events.at(-1)).toMatchObject({ type: 'PledgeAmended', data: { late: { reason } } });
    });
  });
});
