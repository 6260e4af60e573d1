import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import type { Runtime } from '../../infra/local/runtime';
import { type Client, CAMPAIGN, ORG, as, paths, setUpOrganization, startTestRuntime } from '../support/runtime';

const initiatives = (action = '', id = 'so-hoa-ho-so') => `${paths.cycle(2025)}/initiatives/${id}${action ? `/${action}` : ''}`;
const decisions = (id: string, action = '') => `/orgs/${ORG}/decisions/${id}${action ? `/${action}` : ''}`;
const initiative = {
  authorKind: 'member',
  authorId: 'vien-a',
  title: 'Số hóa hồ sơ thủ tục đầu tư',
  problem: 'Hồ sơ giấy lưu trữ phân tán',
  solution: 'Quét, gắn mã và lưu trên hệ thống một cửa điện tử',
  results: 'Rút ngắn 30% thời gian tra cứu',
  scope: 'Ban Quản lý Khu kinh tế Phú Quốc',
  evidence: [{ title: 'Báo cáo kết quả áp dụng', ref: 'Số 45/BC-VP' }],
};
const decision = {
  campaignId: CAMPAIGN,
  year: 2025,
  number: '125/QĐ-BQLKKTPQ',
  date: '2025-12-25',
  signer: 'Trưởng ban',
  // This file tests amounts, corrections and revocation, not eligibility (test/http/law.test.ts does): no sheet is
  // scored here, so the decision records the legal basis of its grants.
  legalBasis: 'Công văn số 8/SNV-TĐKT của Sở Nội vụ',
  awards: [
    { title: 'lao-dong-tien-tien', recipientKind: 'member', recipientId: 'vien-a' },
    { title: 'tap-the-lao-dong-tien-tien', recipientKind: 'department', recipientId: 'phong-a' },
  ],
};

describe('initiatives, discipline and award decisions over HTTP', () => {
  let runtime: Runtime;
  let office: Client;
  let member: Client;
  let other: Client;

  beforeAll(async () => {
    runtime = await startTestRuntime(vnInstant(2025, 12, 26, 9));
    ({ office } = await setUpOrganization(runtime));
    member = await as(runtime, { role: 'member', department: 'phong-a', member: 'vien-a' });
    other = await as(runtime, { role: 'member', department: 'phong-b', member: 'vien-b' });
  });
  afterAll(() => runtime.stop());

  it('takes an initiative from submission through review to recognition and upward proposal', async () => {
    const submitted = await member.put(initiatives(), initiative);
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({ status: 'submitted', author: { kind: 'member', id: 'vien-a', departmentId: 'phong-a' } });
    expect((await member.post(initiatives('review'), undefined)).status).toBe(403);
    expect((await office.post(initiatives('recognize'), { decisionNumber: '7/QĐ', decisionDate: '2025-11-30' })).body.code).toBe('invalid-transition');
    expect((await office.post(initiatives('review'), undefined)).body.status).toBe('in-review');
    expect((await member.put(initiatives(), { ...initiative, title: 'Khác' })).body.code).toBe('invalid-transition');
    const recognized = await office.post(initiatives('recognize'), { decisionNumber: '7/QĐ-BQLKKTPQ', decisionDate: '2025-11-30' });
    expect(recognized.body).toMatchObject({ status: 'recognized', recognition: { decisionNumber: '7/QĐ-BQLKKTPQ', decisionDate: '2025-11-30' } });
    expect((await office.post(initiatives('propose-upward'), { note: 'Có khả năng áp dụng toàn tỉnh' })).body.proposedUpward).toBe(true);
    expect((await office.post(initiatives('reject'), { reason: 'x' })).body.code).toBe('invalid-transition');

    await runtime.settle();
    expect((await office.get(`${paths.cycle(2025)}/initiatives`)).body.initiatives).toHaveLength(1);
    expect((await member.get(`${paths.cycle(2025)}/initiatives`)).body.initiatives.map((each: { initiativeId: string }) => each.initiativeId)).toEqual(['so-hoa-ho-so']);
    expect((await other.get(`${paths.cycle(2025)}/initiatives`)).body.initiatives).toEqual([]);
  });

  it('records and clears a disciplinary measure, keeping the reasons', async () => {
    const recorded = await office.put(`${paths.cycle(2025)}/discipline/vien-b`, { level: 'khien-trach', reason: 'Vi phạm quy chế làm việc' });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ level: 'khien-trach', memberId: 'vien-b', departmentId: 'phong-b', year: 2025 });
    expect((await member.put(`${paths.cycle(2025)}/discipline/vien-b`, { level: 'canh-cao', reason: 'x' })).status).toBe(403);
    const cleared = await office.put(`${paths.cycle(2025)}/discipline/vien-b`, { level: null, reason: 'Ghi nhầm người' });
    expect(cleared.body).toMatchObject({ level: null, reason: 'Ghi nhầm người' });
  });

  it('records a decision with rewards from the base salary in force on its date', async () => {
    expect((await office.put(decisions('qd-sai'), { ...decision, awards: [{ title: 'lao-dong-tien-tien', recipientKind: 'department', recipientId: 'phong-a' }] })).body.code).toBe('title-not-for-recipient');
    expect((await office.put(decisions('qd-sai'), { ...decision, awards: [{ title: 'lao-dong-tien-tien', recipientKind: 'member', recipientId: 'khong-co' }] })).status).toBe(404);
    expect((await office.put(decisions('qd-cu'), { ...decision, date: '2010-01-01' })).body.code).toBe('invalid-request');
    const recorded = await office.put(decisions('qd-125'), decision);
    expect(recorded.status).toBe(201);
    // 0.3 and 0.8 × 2,340,000 VND (the base salary from 1 July 2024).
    expect(recorded.body.awards.map((award: { recipientId: string; amount: number }) => [award.recipientId, award.amount])).toEqual([
      ['vien-a', 710_000], // 702,000 rounded up to the next 10,000 (Decree 98)
      ['phong-a', 1_880_000],
    ]);
    await runtime.settle();
    const cycle = await member.get(`${paths.cycle(2025)}/awards`);
    expect(cycle.body.summary).toMatchObject({ awards: 2, totalAmount: 2_590_000 });
    const mine = await member.get(`/orgs/${ORG}/awards/member/vien-a`);
    expect(mine.body.awards).toEqual([expect.objectContaining({ decisionId: 'qd-125', title: 'lao-dong-tien-tien', granted: true, amount: 710_000, year: 2025 })]);
    expect((await other.get(`/orgs/${ORG}/awards/member/vien-a`)).status).toBe(403);
    const board = await office.get(`${paths.cycle(2025)}/scoreboard`);
    expect(board.body.departments.find((row: { departmentId: string }) => row.departmentId === 'phong-a').awards).toEqual({ 'lao-dong-tien-tien': 1, 'tap-the-lao-dong-tien-tien': 1 });
    // Its titles by name, for the screen's columns (an upward reader has not the campaign's list).
    expect(board.body.titleLabels).toEqual({ 'lao-dong-tien-tien': 'Lao động tiên tiến', 'tap-the-lao-dong-tien-tien': 'Tập thể lao động tiên tiến' });
  });

  it('corrects a decision only with a reason; a dropped recipient shows as no longer granted', async () => {
    const corrected = { ...decision, awards: decision.awards.slice(0, 1) };
    expect((await office.put(decisions('qd-125'), corrected)).body.code).toBe('invalid-request');
    expect((await office.put(decisions('qd-125'), { ...corrected, reason: 'Phòng A chưa đủ điều kiện' })).status).toBe(200);
    await runtime.settle();
    expect((await office.get(`/orgs/${ORG}/awards/department/phong-a`)).body.awards).toEqual([expect.objectContaining({ decisionId: 'qd-125', granted: false })]);
    expect((await office.get(`${paths.cycle(2025)}/awards`)).body.summary).toMatchObject({ awards: 1, totalAmount: 710_000 });
  });

  it('revokes a decision: it grants nothing any more, and its history stays', async () => {
    expect((await office.post(decisions('qd-125', 'revoke'), { reason: 'Thu hồi theo kết luận thanh tra' })).status).toBe(200);
    expect((await office.put(decisions('qd-125'), { ...decision, reason: 'x' })).body.code).toBe('decision-revoked');
    await runtime.settle();
    expect((await member.get(`/orgs/${ORG}/awards/member/vien-a`)).body.awards[0].granted).toBe(false);
    expect((await office.get(`${paths.cycle(2025)}/awards`)).body.summary).toMatchObject({ awards: 0, totalAmount: 0 });
    const history = await office.get(paths.history('decision', 'qd-125'));
    expect(history.body.events.map((event: { type: string }) => event.type)).toEqual(['DecisionRecorded', 'DecisionCorrected', 'DecisionRevoked']);
  });
});
