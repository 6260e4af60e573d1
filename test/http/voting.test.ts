import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import type { Runtime } from '../../infra/local/runtime';
import { type Client, addMembers, as, paths, setUpOrganization, startTestRuntime } from '../support/runtime';

const COUNCIL = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'];
const proposal = (id: string, action = '') => `${paths.cycle(2025)}/proposals/${id}${action ? `/${action}` : ''}`;
const nominations = [
  { nomineeKind: 'member', nomineeId: 'vien-a', title: 'chien-si-thi-dua-co-so', basis: 'Hoàn thành xuất sắc nhiệm vụ, 1 sáng kiến' },
  { nomineeKind: 'member', nomineeId: 'truong-a', title: 'chien-si-thi-dua-co-so', basis: 'Hoàn thành xuất sắc nhiệm vụ' },
  { nomineeKind: 'member', nomineeId: 'vien-b', title: 'giay-khen', basis: 'Thành tích đột xuất' },
];

describe('council votes by secret ballot', () => {
  let runtime: Runtime;
  let office: Client;
  const lines: Record<string, unknown>[] = [];
  const member = (id: string) => as(runtime, { role: 'council', member: id, sub: `user-${id}` });

  beforeAll(async () => {
    runtime = await startTestRuntime(vnInstant(2025, 12, 22, 9), { log: (level, message, fields) => lines.push({ level, message, ...fields }) });
    ({ office } = await setUpOrganization(runtime));
    await addMembers(office, 'hoi-dong', COUNCIL);
    expect((await office.put(`${paths.cycle(2025)}/council`, { members: COUNCIL.map((memberId) => ({ memberId, chair: memberId === 'c1' })) })).status).toBe(201);
  });
  afterAll(() => runtime.stop());

  it('opens a session with thresholds counted against all 7 members: 6 for CSTĐCS (80%), 4 for a majority', async () => {
    expect((await office.put(proposal('ds-2025'), { nominations })).status).toBe(201);
    const opened = await office.post(proposal('ds-2025', 'open'), undefined);
    expect(opened.body).toMatchObject({ status: 'open', councilSize: 7, required: [6, 6, 4], minutes: null });
    expect((await office.put(proposal('ds-2025'), { nominations })).body.code).toBe('invalid-transition');
  });

  const receipts: Record<string, string> = {};

  it('takes one secret ballot per member and refuses a second one and non-members', async () => {
    for (const [index, id] of COUNCIL.slice(0, 6).entries()) {
      const votes = [
        { nomination: 0, approve: true },
        { nomination: 1, approve: index < 5 },
        { nomination: 2, approve: index < 3 },
      ];
      const cast = await (await member(id)).post(proposal('ds-2025', 'ballot'), { votes });
      expect(cast.status).toBe(201);
      expect(cast.body).toEqual({ receipt: expect.any(String), counted: true });
      receipts[id] = cast.body.receipt;
    }
    expect((await (await member('c1')).post(proposal('ds-2025', 'ballot'), { votes: [] })).body.code).toBe('already-voted');
    expect((await (await member('c9')).post(proposal('ds-2025', 'ballot'), { votes: [] })).body.code).toBe('not-a-council-member');
    expect((await office.post(proposal('ds-2025', 'ballot'), { votes: [] })).status).toBe(403);
    // The absent member's written opinion, recorded by the Office.
    const written = await office.post(proposal('ds-2025', 'written-opinion'), { memberId: 'c7', votes: [{ nomination: 0, approve: true }, { nomination: 1, approve: false }, { nomination: 2, approve: true }] });
    expect(written.body).toMatchObject({ votesReceived: 7, minutes: null });
    expect((await (await member('c7')).post(proposal('ds-2025', 'ballot'), { votes: [] })).body.code).toBe('already-voted');
  });

  it('closes with the minutes: present, absent with a written opinion, counts and outcomes, every receipt', async () => {
    const closed = await office.post(proposal('ds-2025', 'close'), { present: COUNCIL.slice(0, 6) });
    expect(closed.status).toBe(200);
    expect(closed.body.minutes).toMatchObject({ present: COUNCIL.slice(0, 6), absentWithWrittenOpinion: ['c7'], absent: [], chair: 'c1' });
    expect(closed.body.minutes.outcomes).toEqual([
      { nomination: 0, yes: 7, no: 0, required: 6, passed: true, withinQuota: true },
      { nomination: 1, yes: 5, no: 2, required: 6, passed: false, withinQuota: false }, // 5 of 7 is 71%: short of 80% of ALL members
      { nomination: 2, yes: 4, no: 3, required: 4, passed: true, withinQuota: true },
    ]);
    expect(closed.body.minutes.receipts).toEqual(Object.values(receipts).sort());
    const asVoter = await (await member('c3')).get(proposal('ds-2025'));
    expect(asVoter.body.minutes.receipts).toContain(receipts.c3);
  });

  it('keeps every ballot unlinkable to its voter in the API, the views, the events and the logs', async () => {
    const history = await office.get(paths.history('proposal', 'cchc-2021-2025:2025:ds-2025'));
    const ballots = history.body.events.filter((event: { type: string }) => event.type === 'BallotCast');
    expect(ballots).toHaveLength(6);
    for (const ballot of ballots) expect(ballot).toMatchObject({ data: {}, actor: { sub: 'secret-ballot' }, at: '1970-01-01T00:00:00.000Z' });
    expect(JSON.stringify(history.body)).not.toMatch(/sessionNonce|seal/);

    const stored = await runtime.deps.db.send(new ScanCommand({ TableName: runtime.deps.tables.events }));
    const storedBallots = (stored.Items ?? []).filter((item) => item.type === 'BallotCast');
    expect(storedBallots).toHaveLength(6);
    for (const item of storedBallots) {
      const text = JSON.stringify(item);
      for (const id of COUNCIL) expect(text).not.toContain(`"${id}"`);
      expect(text).not.toContain('user-c');
      expect(item.meta.requestId).toBeUndefined();
    }
    const views = JSON.stringify((await runtime.deps.db.send(new ScanCommand({ TableName: runtime.deps.tables.views }))).Items);
    expect(views).not.toMatch(/sessionNonce|"seal"/);
    const ballotLogs = lines.filter((line) => String(line.path ?? '').endsWith('/ballot'));
    expect(ballotLogs.length).toBeGreaterThan(0);
    for (const line of ballotLogs) expect(line.sub).toBeUndefined();
  });

  it('applies a quota: the highest counts win, and a tie at the cut goes to the chair', async () => {
    const two = nominations.slice(0, 2);
    expect((await office.put(proposal('quota'), { nominations: two, quota: 1 })).status).toBe(201);
    await office.post(proposal('quota', 'open'), undefined);
    for (const id of COUNCIL) await (await member(id)).post(proposal('quota', 'ballot'), { votes: [{ nomination: 0, approve: true }, { nomination: 1, approve: true }] });
    expect((await office.post(proposal('quota', 'close'), { present: COUNCIL })).body.code).toBe('tie-needs-chair');
    const closed = await office.post(proposal('quota', 'close'), { present: COUNCIL, chairPreference: [1, 0] });
    expect(closed.body.minutes.outcomes.map((outcome: { passed: boolean; withinQuota: boolean }) => [outcome.passed, outcome.withinQuota])).toEqual([
      [true, false],
      [true, true],
    ]);
  });

  it('lets only the Office, the leadership and the council read a proposal', async () => {
    const viewer = await as(runtime, { role: 'member', department: 'phong-a', member: 'vien-a' });
    expect((await viewer.get(proposal('ds-2025'))).status).toBe(403);
    expect((await (await as(runtime, { role: 'leader' })).get(proposal('ds-2025'))).status).toBe(200);
    await runtime.settle();
    const lists = await office.get(`${paths.cycle(2025)}/proposals`);
    expect(lists.body.proposals.map((each: { proposalId: string; status: string }) => [each.proposalId, each.status])).toEqual([
      ['ds-2025', 'closed'],
      ['quota', 'closed'],
    ]);
  });
});
