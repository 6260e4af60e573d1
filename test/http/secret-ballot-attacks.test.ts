import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouncilRuntime } from '../support/council';
import { as, paths } from '../support/runtime';
import { countEvents } from '../support/store';

const COUNCIL = ['c1', 'c2', 'c3'];
const proposal = (id: string, action = '') => `${paths.cycle(2025)}/proposals/${id}${action ? `/${action}` : ''}`;
const nominations = [{ nomineeKind: 'member', nomineeId: 'vien-a', title: 'giay-khen', basis: 'Thành tích đột xuất' }];
const yes = { votes: [{ nomination: 0, approve: true }] };
const no = { votes: [{ nomination: 0, approve: false }] };

/** The attacks of issue 15 on the secret ballot: each must learn the attacker nothing of anyone's vote. */
describe('the secret ballot under attack', () => {
  let session: Awaited<ReturnType<typeof startCouncilRuntime>>;
  const member = (id: string) => session.member(id);

  beforeAll(async () => {
    session = await startCouncilRuntime(COUNCIL);
    const { office } = session;
    expect((await office.put(proposal('ds'), { nominations })).status).toBe(201);
    expect((await office.post(proposal('ds', 'open'), undefined)).status).toBe(200);
  });
  afterAll(() => session.runtime.stop());

  it("answers a voter's Idempotency-Key only to that voter: anyone else sending it makes a fresh request", async () => {
    const { runtime, office } = session;
    const key = { 'idempotency-key': 'ballot-of-c1' };
    const cast = await (await member('c1')).post(proposal('ds', 'ballot'), yes, key);
    expect(cast.status).toBe(201);
    const retry = await (await member('c1')).post(proposal('ds', 'ballot'), yes, key);
    expect(retry.body.receipt).toBe(cast.body.receipt);

    // The Office, a leader, an outsider of the council: refused as themselves, whatever vote content they guess.
    for (const attacker of [office, await as(runtime, { role: 'leader' }), await member('c9')]) {
      for (const guess of [yes, no]) {
        const response = await attacker.post(proposal('ds', 'ballot'), guess, key);
        expect(response.status).not.toBe(201);
        expect(response.status).not.toBe(422);
        expect(JSON.stringify(response.body)).not.toContain(cast.body.receipt);
      }
    }
    // Another member of the session with the same key and body casts its own ballot, with its own receipt.
    const events = await countEvents(runtime);
    const other = await (await member('c2')).post(proposal('ds', 'ballot'), yes, key);
    expect(other.status).toBe(201);
    expect(other.body.receipt).not.toBe(cast.body.receipt);
    expect(await countEvents(runtime)).toBe(events + 1);
    expect((await office.get(proposal('ds'))).body.votesReceived).toBe(2);
  });

  it("tells the Office nothing of who voted through the written-opinion route, and lets it vote for no one present", async () => {
    const { office } = session;
    expect((await office.put(proposal('wo'), { nominations })).status).toBe(201);
    expect((await office.post(proposal('wo', 'open'), undefined)).status).toBe(200);
    expect((await (await member('c1')).post(proposal('wo', 'ballot'), yes)).status).toBe(201);
    // c1 has voted, c2 has not: the Office's two written opinions are answered alike.
    const [voted, notYet] = [await office.post(proposal('wo', 'written-opinion'), { memberId: 'c1', ...no }), await office.post(proposal('wo', 'written-opinion'), { memberId: 'c2', ...no })];
    expect([voted.status, notYet.status]).toEqual([200, 200]);
    expect(voted.body.votesReceived + 1).toBe(notYet.body.votesReceived);
    // The member the Office wrote for still casts its own ballot.
    expect((await (await member('c2')).post(proposal('wo', 'ballot'), yes)).status).toBe(201);

    const closed = await office.post(proposal('wo', 'close'), { present: [] });
    expect(closed.status).toBe(200);
    const { minutes } = closed.body;
    expect(minutes).toMatchObject({ present: ['c1', 'c2'], absentWithWrittenOpinion: [], absent: ['c3'], writtenOpinionsSetAside: ['c1', 'c2'] });
    expect(minutes.outcomes[0]).toMatchObject({ yes: 2, no: 0 });
    for (const id of minutes.present) expect([...minutes.absentWithWrittenOpinion, ...minutes.absent]).not.toContain(id);
  });

  it("logs a ballot's request with no sub, no request or correlation id, and the hour only", async () => {
    const { lines } = session;
    lines.length = 0;
    const correlation = { 'x-correlation-id': 'voter-c3-session-42' };
    await (await member('c3')).get(proposal('ds'), correlation);
    expect((await (await member('c3')).post(proposal('ds', 'ballot'), no, correlation)).status).toBe(201);
    const ballot = lines.filter((line) => line.message === 'request' && String(line.path).endsWith('/ballot'));
    expect(ballot).toHaveLength(1);
    const text = JSON.stringify(ballot[0]);
    expect(text).not.toMatch(/user-c3|voter-c3|requestId|correlationId|"sub"/);
    expect(ballot[0].time).toMatch(/^\d{4}-\d\d-\d\dT\d\d$/);
    expect((ballot[0]._aws as { Timestamp: number }).Timestamp % 3_600_000).toBe(0);
    // The control: the voter's other request is logged with who it was, as every request is.
    const read = lines.find((line) => line.message === 'request' && line.method === 'GET');
    expect(read).toMatchObject({ sub: 'user-c3', correlationId: 'voter-c3-session-42' });
  });
});
