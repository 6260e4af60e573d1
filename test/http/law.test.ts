import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAMPAIGN_TEMPLATES } from '../../domain/campaign/templates';
import { vnInstant } from '../../domain/time';
import type { Runtime } from '../../infra/local/runtime';
import { type Client, CAMPAIGN, ORG, addMembers, as, paths, setUpOrganization, startTestRuntime } from '../support/runtime';

/** The rules of law as the API applies them, one test per rule, each naming the article it enforces. */
const COUNCIL = ['hd-1', 'hd-2', 'hd-3'];
const EXTRA = ['vien-c', 'vien-d', 'vien-e', 'vien-f'];
const decisions = (id: string) => `/orgs/${ORG}/decisions/${id}`;
const cycle2023 = paths.cycle(2023);
const cstdcs = (id: string) => ({ nomineeKind: 'member', nomineeId: id, title: 'chien-si-thi-dua-co-so', basis: 'Có sáng kiến được công nhận' });
const decision = (number: string, awards: unknown[], more: Record<string, unknown> = {}) => ({
  campaignId: CAMPAIGN,
  year: 2023,
  number,
  date: '2023-12-28',
  signer: 'Trưởng ban',
  awards,
  ...more,
});
const LDTT_BASIS = 'Công văn số 21/SNV-TĐKT của Sở Nội vụ (kết quả đánh giá năm 2023 lưu trên giấy)';
const cstdcsLine = (recipientId: string, proposalId?: string) => ({ title: 'chien-si-thi-dua-co-so', recipientKind: 'member', recipientId, ...(proposalId ? { proposalId } : {}) });

describe('the rules of law over HTTP', () => {
  let runtime: Runtime;
  let office: Client;

  beforeAll(async () => {
    runtime = await startTestRuntime(vnInstant(2025, 12, 26, 9));
    ({ office } = await setUpOrganization(runtime));
    for (const id of EXTRA) expect((await office.put(paths.member(id), { fullName: `Cán bộ ${id}`, departmentId: 'phong-b' })).status).toBe(201);
    await addMembers(office, 'hoi-dong', COUNCIL);
    // vien-a and truong-a each have an initiative recognized in 2023: with their LĐTT, CSTĐCS's conditions (Law 2003 art. 23).
    for (const author of ['vien-a', 'truong-a']) {
      const initiative = `${cycle2023}/initiatives/sang-kien-${author}`;
      const body = { authorKind: 'member', authorId: author, title: `Sáng kiến của ${author}`, problem: 'Chậm', solution: 'Số hóa', results: 'Nhanh hơn', scope: 'Ban' };
      expect((await office.put(initiative, body)).status).toBe(201);
      await office.post(`${initiative}/review`, undefined);
      expect((await office.post(`${initiative}/recognize`, { decisionNumber: `3/QĐ-${author}`, decisionDate: '2023-11-20' })).status).toBe(200);
    }
    await runtime.settle();
  });
  afterAll(() => runtime.stop());

  it('Decree 91/2017 art. 9(3): a 2023 session takes its CSTĐCS quota from the cap (15% of the LĐTT holders), and the tally states a tie at it for the chair', async () => {
    const list = `${cycle2023}/proposals/cstdcs-2023`;
    const nominations = [cstdcs('vien-a'), cstdcs('truong-a')];
    // Without LĐTT holders granted yet the cap has no base.
    const early = await office.put(list, { nominations });
    expect(early).toMatchObject({ status: 409, body: { code: 'quota-base-missing' } });
    // The 2023 LĐTT decision: 7 holders, so at most ⌊15% × 7⌋ = 1 CSTĐCS. This test scores no 2023 sheet, so the
    // decision records the legal basis of the grant (an exception, domain/decisions/eligible-recipients.ts).
    const holders = ['vien-a', 'truong-a', 'vien-b', ...EXTRA].map((recipientId) => ({ title: 'lao-dong-tien-tien', recipientKind: 'member', recipientId }));
    expect((await office.put(decisions('ldtt-2023'), decision('90/QĐ-BQL', holders))).body.code).toBe('recipient-not-eligible');
    expect((await office.put(decisions('ldtt-2023'), decision('90/QĐ-BQL', holders, { legalBasis: LDTT_BASIS }))).status).toBe(201);
    await runtime.settle();
    // The cap's base is the LĐTT the decisions granted (7), not how many meet LĐTT's conditions (none is graded).
    const eligibility = await office.get(`${cycle2023}/eligibility`);
    expect(eligibility.body.cstdcsQuota).toMatchObject({ ldttHolders: 7, ldttEligible: 0, allowed: 1, source: expect.stringContaining('Điều 9 khoản 3') });
    expect((await office.put(list, { nominations, quota: 2 })).body).toMatchObject({ code: 'quota-exceeds-cap', cap: 1 });
    const drafted = await office.put(list, { nominations });
    expect(drafted.body).toMatchObject({ reviewDate: '2023-12-31', ruleSet: 'luat-2003-nd91-2017', quota: 1, quotaTitle: 'chien-si-thi-dua-co-so' });

    expect((await office.put(`${cycle2023}/council`, { members: COUNCIL.map((memberId, i) => ({ memberId, chair: i === 0 })) })).status).toBe(201);
    expect((await office.post(`${list}/open`, undefined)).body.required).toEqual([3, 3]);
    for (const id of COUNCIL) {
      const voter = await as(runtime, { role: 'council', member: id });
      expect((await voter.post(`${list}/ballot`, { votes: [{ nomination: 0, approve: true }, { nomination: 1, approve: true }] })).status).toBe(201);
    }
    const closed = await office.post(`${list}/close`, { present: COUNCIL });
    expect(closed.body.minutes.outcomes.map((o: { passed: boolean; withinQuota: boolean; tiedAtCut?: boolean }) => [o.passed, o.withinQuota, o.tiedAtCut])).toEqual([
      [true, false, true],
      [true, false, true],
    ]);
  });

  it('Decree 98/2023 art. 30(7) and Decree 91 art. 9(3): a decision names the session that passed a voted title, and may not grant beyond it or the cap without a recorded legal basis', async () => {
    const missing = await office.put(decisions('cstdcs-a'), decision('95/QĐ-BQL', [cstdcsLine('vien-a')]));
    expect(missing).toMatchObject({ status: 400, body: { code: 'vote-session-required' } });
    const notPassed = await office.put(decisions('cstdcs-a'), decision('95/QĐ-BQL', [cstdcsLine('vien-b', 'cstdcs-2023')]));
    expect(notPassed).toMatchObject({ status: 409, body: { code: 'not-passed-by-council' } });
    const both = await office.put(decisions('cstdcs-a'), decision('95/QĐ-BQL', [cstdcsLine('vien-a', 'cstdcs-2023'), cstdcsLine('truong-a', 'cstdcs-2023')]));
    expect(both).toMatchObject({ status: 409, body: { code: 'exceeds-quota' } });
    // The chair settles the tie: one of the two is granted.
    const settled = await office.put(decisions('cstdcs-a'), decision('95/QĐ-BQL', [cstdcsLine('vien-a', 'cstdcs-2023')]));
    expect(settled.status).toBe(201);
    expect(settled.body.awards[0]).toMatchObject({ proposalId: 'cstdcs-2023', amount: 1_800_000, ruleSet: 'luat-2003-nd91-2017' });
    // Beyond the cap only with the legal basis for the exception, which the decision keeps.
    const legalBasis = 'Văn bản số 15/SNV-TĐKT của Sở Nội vụ';
    const exception = await office.put(decisions('cstdcs-b'), decision('96/QĐ-BQL', [cstdcsLine('vien-a', 'cstdcs-2023'), cstdcsLine('truong-a', 'cstdcs-2023')], { legalBasis }));
    expect(exception.status).toBe(201);
    expect(exception.body.legalBasis).toBe(legalBasis);
    await runtime.settle();
    // The cap holds over the cycle: the other tied nominee, alone in a new decision, is now over it.
    const again = await office.put(decisions('cstdcs-c'), decision('98/QĐ-BQL', [cstdcsLine('truong-a', 'cstdcs-2023')]));
    expect(again).toMatchObject({ status: 409, body: { code: 'exceeds-quota', cap: 1 } });
  });

  it('Law 2022 art. 28 and Decree 152/2025 art. 4: a decision may not grant a title to someone who does not meet its conditions on the review date, unless it records the legal basis; nothing is written when refused', async () => {
    const in2025 = (number: string, awards: unknown[], more: Record<string, unknown> = {}) => ({ ...decision(number, awards), year: 2025, date: '2025-12-20', ...more });
    // vien-c has no final 2025 grade: LĐTT's grade condition is pending, so not met on the review date.
    const ldtt = await office.put(decisions('ldtt-2025'), in2025('130/QĐ-BQL', [{ title: 'lao-dong-tien-tien', recipientKind: 'member', recipientId: 'vien-c' }]));
    expect(ldtt).toMatchObject({ status: 409, body: { code: 'recipient-not-eligible', ruleSet: 'nd152-2025' } });
    expect(ldtt.body.ineligible).toEqual([
      expect.objectContaining({
        title: 'lao-dong-tien-tien',
        recipientId: 'vien-c',
        recipientName: 'Cán bộ vien-c',
        titleLabel: 'Lao động tiên tiến',
        failed: [expect.objectContaining({ code: 'xep-loai-hoan-thanh-tot', pending: true, source: expect.stringContaining('06/2022/QH15') })],
      }),
    ]);
    expect((await office.get(paths.history('decision', 'ldtt-2025'))).status).toBe(404);
    // Giấy khen is the council's judgment: no grade is asked, but a disciplined member is barred.
    expect((await office.put(`${paths.cycle(2025)}/discipline/vien-d`, { level: 'khien-trach', reason: 'Vi phạm quy chế' })).status).toBe(201);
    await runtime.settle();
    const giayKhen = (recipientId: string) => ({ title: 'giay-khen', recipientKind: 'member', recipientId });
    const barred = await office.put(decisions('gk-2025'), in2025('131/QĐ-BQL', [giayKhen('vien-c'), giayKhen('vien-d')]));
    expect(barred.body.ineligible.map((line: { recipientId: string; failed: { code: string }[] }) => [line.recipientId, line.failed.map((each) => each.code)])).toEqual([['vien-d', ['khong-bi-ky-luat']]]);
    expect((await office.put(decisions('gk-2025'), in2025('131/QĐ-BQL', [giayKhen('vien-c')]))).status).toBe(201);
    // The exception, on its recorded legal basis.
    const legalBasis = 'Quyết định số 45/QĐ-UBND của Chủ tịch UBND tỉnh';
    const exception = await office.put(decisions('ldtt-2025'), in2025('130/QĐ-BQL', [{ title: 'lao-dong-tien-tien', recipientKind: 'member', recipientId: 'vien-c' }], { legalBasis }));
    expect(exception).toMatchObject({ status: 201, body: { legalBasis } });
  });

  it('Decree 91 art. 68(2) and art. 73: Giấy khen is 0.3 × the base salary for an individual, twice that for a collective, rounded up to the next 10,000 VND', async () => {
    const response = await office.put(
      decisions('giay-khen-2023'),
      decision('97/QĐ-BQL', [
        { title: 'giay-khen', recipientKind: 'member', recipientId: 'vien-b' },
        { title: 'giay-khen', recipientKind: 'department', recipientId: 'phong-b' },
      ]),
    );
    // 1,800,000 VND from 1 July 2023: 540,000 and 1,080,000.
    expect(response.body.awards.map((award: { amount: number }) => award.amount)).toEqual([540_000, 1_080_000]);
  });

  it('the rule set a session follows is its review date’s: a list drafted on 30/06/2025 for the 2025 review follows Decree 152', async () => {
    runtime.clock.set(vnInstant(2025, 6, 30, 9), true);
    const early = await as(runtime, { role: 'office' });
    const drafted = await early.put(`${paths.cycle(2025)}/proposals/review-date`, { nominations: [cstdcs('vien-a')] });
    expect(drafted.body).toMatchObject({ reviewDate: '2025-12-31', ruleSet: 'nd152-2025' });
    const mid = await early.put(`${paths.cycle(2025)}/proposals/mid-year`, { nominations: [cstdcs('vien-a')], reviewDate: '2025-06-30' });
    expect(mid.body).toMatchObject({ reviewDate: '2025-06-30', ruleSet: 'luat-2022-nd98-2023' });
    runtime.clock.set(vnInstant(2025, 12, 26, 9), true);
  });

  it('Law 2022 art. 28(1): Tập thể lao động tiên tiến asks the unit’s own grade and more than 50% LĐTT; the Office’s stricter percentage is the rule applied, with its document', async () => {
    const definition = CAMPAIGN_TEMPLATES[CAMPAIGN];
    const source = 'Quyết định số 13/2024/QĐ-UBND của UBND tỉnh (Quy chế thi đua, khen thưởng)';
    const redefined = await office.put(paths.campaign(), { ...definition, collectiveLdttRule: { percent: 60, source } });
    expect(redefined.status, JSON.stringify(redefined.body)).toBeLessThan(300);
    expect((await office.put(paths.campaign(), { ...definition, collectiveLdttRule: { percent: 40, source } })).status).toBe(400);
    await runtime.settle();
    const response = await office.get(`${paths.cycle(2025)}/eligibility/phong-a`);
    const tt = response.body.departments[0].titles.find((title: { title: string }) => title.title === 'tap-the-lao-dong-tien-tien');
    const conditions = Object.fromEntries(tt.conditions.map((condition: { code: string }) => [condition.code, condition]));
    // Not yet graded: the unit's own grade is pending (art. 28(1)(a)).
    expect(conditions['tap-the-hoan-thanh-tot']).toMatchObject({ met: false, pending: true, source: 'Luật Thi đua, khen thưởng số 06/2022/QH15 Điều 28 khoản 1 điểm a' });
    expect(conditions['ty-le-lao-dong-tien-tien']).toMatchObject({ label: 'Tỷ lệ cá nhân đạt danh hiệu “Lao động tiên tiến” trên 60%', facts: { percent: 60, lawPercent: 50, overridden: true } });
    expect(conditions['ty-le-lao-dong-tien-tien'].source).toContain(source);
    expect(tt.judgments.map((judgment: { code: string }) => judgment.code)).toEqual(['phong-trao-thi-dua-thuong-xuyen', 'noi-bo-doan-ket']);
    // Every condition of every title names its source.
    for (const title of response.body.departments[0].titles) for (const condition of title.conditions) expect(condition.source).toMatch(/\S/);
  });

  it('Bằng khen and Giấy khen are the council’s judgment (councilJudgment), with their criteria listed; the 90% of CSTĐ cấp tỉnh is the provincial council’s (Decree 91 art. 45(8))', async () => {
    const response = await office.get(`${paths.cycle(2025)}/eligibility/vien-a?date=2023-12-20`);
    const titles = Object.fromEntries(response.body.members[0].titles.map((title: { title: string }) => [title.title, title]));
    expect(titles['giay-khen']).toMatchObject({ councilJudgment: true });
    expect(titles['bang-khen-cap-tinh']).toMatchObject({ councilJudgment: true, proposedUpward: true });
    expect(titles['bang-khen-cap-tinh'].judgments.length).toBeGreaterThan(0);
    expect(titles['chien-si-thi-dua-cap-tinh']).toMatchObject({ threshold: 0.9, vote: { by: 'provincial-council', source: 'Nghị định số 91/2017/NĐ-CP Điều 45 khoản 8' } });
  });

  it('the eligibility answer names the source of every condition, judgment, vote, quota and warning it applied, under each rule set', async () => {
    for (const date of ['2023-12-31', '2024-12-31', '2025-12-31']) {
      const response = await office.get(`${paths.cycle(2025)}/eligibility?date=${date}`);
      expect(response.status).toBe(200);
      const titles = [...response.body.members, ...response.body.departments].flatMap((row: { titles: unknown[] }) => row.titles) as {
        conditions: { source: string }[];
        judgments: { source: string }[];
        vote: { source: string } | null;
        quota: { source: string } | null;
        warnings: { code: string; source?: string }[];
      }[];
      expect(titles.length).toBeGreaterThan(0);
      for (const title of titles) {
        for (const each of [...title.conditions, ...title.judgments, ...(title.vote ? [title.vote] : []), ...(title.quota ? [title.quota] : [])]) expect(each.source, date).toMatch(/\S/);
        // A grade code outside the scale is the data's fault, not a rule's: every other warning names its text.
        for (const warning of title.warnings.filter((each) => each.code !== 'xep-loai-khong-hop-le')) expect(warning.source, `${date} ${warning.code}`).toMatch(/\S/);
      }
    }
  });

  it('Law 2003 art. 22 and 23(2): a research project accepted at base level is a route to CSTĐCS; a province-wide effect counts once the Office records the province’s decision', async () => {
    const project = `${paths.cycle(2025)}/initiatives/de-tai-mot-cua`;
    const body = { kind: 'de-tai', authorKind: 'member', authorId: 'vien-b', title: 'Đề tài: một cửa số', problem: 'Chậm', solution: 'Số hóa', results: 'Nhanh hơn', scope: 'Ban' };
    expect((await office.put(project, body)).status).toBe(201);
    await office.post(`${project}/review`, undefined);
    expect((await office.post(`${project}/recognize`, { decisionNumber: '20/QĐ-BQL', decisionDate: '2025-11-20' })).status).toBe(200);
    const province = await office.post(`${project}/recognize-province-wide`, { decisionNumber: '1020/QĐ-UBND', decisionDate: '2025-12-10' });
    expect(province.body).toMatchObject({ kind: 'de-tai', provinceWide: { decisionNumber: '1020/QĐ-UBND', decisionDate: '2025-12-10' } });
    await runtime.settle();
    const member = (await office.get(`${paths.cycle(2025)}/eligibility/vien-b`)).body.members[0];
    expect(member.facts).toMatchObject({ acceptedResearch: true, recognizedInitiatives: 0, provinceWideInitiatives: 1 });
  });
});
