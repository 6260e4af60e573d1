import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { CCHC_CRITERIA } from '../../domain/campaign/templates';
import { parseStreamKey } from '../../events/envelope';
import { EVENT_SCHEMAS } from '../../events/registry';
import { vnInstant } from '../../domain/time';
import type { Runtime } from '../../infra/local/runtime';
import { ORG, addMembers, as, memberPledge, paths, setUpOrganization, startTestRuntime } from '../support/runtime';
import { wholeAppraisal } from '../support/evaluation-fixtures';

const COUNCIL = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'];
const cycle = paths.cycle(2025);
const evidence = [{ title: 'Báo cáo', ref: 'Số 8/BC' }];

/** One cycle's review, end to end: the movement's last third as the Office lives it in December. */
describe('a cycle reviewed end to end over HTTP', () => {
  let runtime: Runtime;
  beforeAll(async () => {
    runtime = await startTestRuntime(vnInstant(2025, 11, 15, 9));
    const { office } = await setUpOrganization(runtime);
    await addMembers(office, 'hoi-dong', COUNCIL);
  });
  afterAll(() => runtime.stop());

  it('recognizes an initiative, computes eligibility, votes with a council of 7 (1 absent), records the decision and shows the award with its amount', async () => {
    const office = await as(runtime, { role: 'office' });
    const member = await as(runtime, { role: 'member', department: 'phong-a', member: 'vien-a' });
    expect((await office.put(paths.pledge(2025, 'vien-a'), { ...memberPledge(['lao-dong-tien-tien', 'chien-si-thi-dua-co-so']), late: { reason: 'Bản giấy nộp 28/3' } })).status).toBe(201);

    // The year's work: an initiative recognized, an excellent result.
    const initiative = `${cycle}/initiatives/mot-cua-lien-thong`;
    expect((await member.put(initiative, { authorKind: 'member', authorId: 'vien-a', title: 'Một cửa liên thông', problem: 'Chậm', solution: 'Liên thông điện tử', results: 'Giảm 40% thời gian', scope: 'Ban Quản lý' })).status).toBe(201);
    await office.post(`${initiative}/review`, undefined);
    expect((await office.post(`${initiative}/recognize`, { decisionNumber: '15/QĐ-BQLKKTPQ', decisionDate: '2025-11-28' })).body.status).toBe('recognized');
    const scores = CCHC_CRITERIA.map((criterion) => ({ criterion: criterion.code, score: criterion.maxScore, evidence }));
    expect((await member.put(`${cycle}/evaluations/vien-a/self-assessment`, { participantKind: 'member', submit: true, scores })).status).toBe(201);
    expect((await office.put(`${cycle}/evaluations/vien-a/appraisal`, wholeAppraisal(scores, { criterion: 'cai-cach-the-che', score: 9 }))).status).toBe(200);
    expect((await office.post(`${cycle}/evaluations/vien-a/finalize`, undefined)).body.final).toMatchObject({ percent: 99, grade: 'hoan-thanh-xuat-sac' });
    await runtime.settle();

    // Eligibility: the rules in force at the end of 2025 (Decree 152, thresholds as Decree 98's).
    const eligibility = await office.get(`${cycle}/eligibility/vien-a`);
    const cstdcs = eligibility.body.members[0].titles.find((title: { title: string }) => title.title === 'chien-si-thi-dua-co-so');
    expect(cstdcs).toMatchObject({ eligible: true });

    // The council of 7 votes on 22 December; c7 is absent and sends a written opinion.
    runtime.clock.set(vnInstant(2025, 12, 22, 14), true);
    const office2 = await as(runtime, { role: 'office' });
    expect((await office2.put(`${cycle}/council`, { members: COUNCIL.map((memberId) => ({ memberId, chair: memberId === 'c1' })) })).status).toBe(201);
    const proposal = `${cycle}/proposals/cstdcs-2025`;
    await office2.put(proposal, { nominations: [{ nomineeKind: 'member', nomineeId: 'vien-a', title: 'chien-si-thi-dua-co-so', basis: 'Hoàn thành xuất sắc; sáng kiến 15/QĐ-BQLKKTPQ' }] });
    expect((await office2.post(`${proposal}/open`, undefined)).body.required).toEqual([6]);
    for (const id of COUNCIL.slice(0, 6)) {
      const voter = await as(runtime, { role: 'council', member: id });
      expect((await voter.post(`${proposal}/ballot`, { votes: [{ nomination: 0, approve: id !== 'c6' }] })).status).toBe(201);
    }
    await office2.post(`${proposal}/written-opinion`, { memberId: 'c7', votes: [{ nomination: 0, approve: true }] });
    const closed = await office2.post(`${proposal}/close`, { present: COUNCIL.slice(0, 6) });
    expect(closed.body.minutes).toMatchObject({ absentWithWrittenOpinion: ['c7'], outcomes: [{ nomination: 0, yes: 6, no: 1, required: 6, passed: true }] });

    // The signed decision; the award and its amount (1.0 × 2,340,000 VND) are visible.
    const decision = await office2.put(`/orgs/${ORG}/decisions/qd-180-2025`, {
      campaignId: 'cchc-2021-2025',
      year: 2025,
      number: '180/QĐ-BQLKKTPQ',
      date: '2025-12-26',
      signer: 'Trưởng ban',
      // A title the council votes on names the session that passed it (Decree 98 art. 30(7)).
      awards: [{ title: 'chien-si-thi-dua-co-so', recipientKind: 'member', recipientId: 'vien-a', proposalId: 'cstdcs-2025' }],
    });
    expect(decision.body.awards[0]).toMatchObject({ amount: 2_340_000, ruleSet: 'nd152-2025', departmentId: 'phong-a', proposalId: 'cstdcs-2025' });
    await runtime.settle();
    const member2 = await as(runtime, { role: 'member', department: 'phong-a', member: 'vien-a' });
    expect((await member2.get(`/orgs/${ORG}/awards/member/vien-a`)).body.awards).toEqual([expect.objectContaining({ title: 'chien-si-thi-dua-co-so', granted: true, amount: 2_340_000 })]);
    expect((await member2.get(`${cycle}/awards`)).body.summary).toMatchObject({ awards: 1, totalAmount: 2_340_000 });
    expect((await office2.get(`${cycle}/scoreboard`)).body.departments.find((row: { departmentId: string }) => row.departmentId === 'phong-a').awards).toEqual({ 'chien-si-thi-dua-co-so': 1 });
  });

  it('stored only events that their schemas accept', async () => {
    const { Items = [] } = await runtime.deps.db.send(new ScanCommand({ TableName: runtime.deps.tables.events }));
    expect(new Set(Items.map((item) => parseStreamKey(item.pk).type)).size).toBeGreaterThanOrEqual(8);
    for (const item of Items) {
      const parsed = EVENT_SCHEMAS[parseStreamKey(item.pk).type].safeParse({ type: item.type, data: item.data });
      expect(parsed.success, `${item.pk} v${item.sk} ${item.type}: ${parsed.error?.message}`).toBe(true);
    }
  });
});
