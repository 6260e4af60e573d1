import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CCHC_CRITERIA } from '../../domain/campaign/templates';
import { vnInstant } from '../../domain/time';
import { formatVnNumber } from '../../functions/exports/format';
import type { TokenRequest } from '../../infra/local/auth';
import type { Runtime } from '../../infra/local/runtime';
import { docxXml } from '../exports/support';
import { CAMPAIGN, ORG, type Client, as, departmentPledge, memberPledge, paths, setUpOrganization, startTestRuntime } from '../support/runtime';
import { wholeAppraisal } from '../support/evaluation-fixtures';

const REPORTS = `/orgs/${ORG}/campaigns/${CAMPAIGN}/reports`;
const evidence = [{ title: 'Báo cáo', ref: 'Số 1/BC' }];
/** A sheet scoring every criterion at `share` of its maximum (quarter points). */
const sheet = (share: number) => CCHC_CRITERIA.map((criterion) => ({ criterion: criterion.code, score: Math.floor(criterion.maxScore * share * 4) / 4, evidence }));

/** A download as bytes, for whoever the token says (an upward reader's organization is its own). */
const download = async (runtime: Runtime, who: TokenRequest, path: string) => {
  const response = await fetch(`${runtime.url}${path}`, { headers: { authorization: `Bearer ${await runtime.token(who)}` } });
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
};

/** Each table row's cell texts, in document order (runs joined). */
const tableRows = (xml: string): string[][] =>
  [...xml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map(([, row]) =>
    [...row.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, cell]) => [...cell.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(([, text]) => text).join('')),
  );
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(([, text]) => text).join('\n');

const OFFICE: TokenRequest = { org: ORG, role: 'office' };
const PROFILE = { name: 'Ban Quản lý Khu kinh tế Phú Quốc', parentBody: 'UBND tỉnh Kiên Giang', place: 'Phú Quốc', abbreviation: 'BQLKKTPQ' };
const UPWARD: TokenRequest = { org: 'so-noi-vu', role: 'upward', orgs: [ORG] };

/**
 * Three years of the test organization (Phòng A: truong-a, vien-a; Phòng B: vien-b), written through the API at
 * the time each thing happens: registrations growing then falling, evaluations finalized in 2021 and 2022 (Phòng B
 * overtakes Phòng A), decisions, an initiative recognized in 2022, two self-inspection findings (one closed).
 */
const seedThreeYears = async (runtime: Runtime) => {
  let office: Client = await as(runtime, { role: 'office' });
  const at = async (when: Date) => {
    runtime.clock.set(when, true);
    office = await as(runtime, { role: 'office' });
  };
  const ok = (response: { status: number; body: unknown }) => {
    if (response.status >= 300) throw new Error(`seed: ${response.status} ${JSON.stringify(response.body)}`);
    return response;
  };
  const evaluate = async (year: number, participantKind: 'department' | 'member', id: string, share: number) => {
    const evaluation = `${paths.cycle(year)}/evaluations/${id}`;
    ok(await office.put(`${evaluation}/self-assessment`, { participantKind, submit: true, scores: sheet(share) }));
    ok(await office.put(`${evaluation}/appraisal`, wholeAppraisal(sheet(share))));
    ok(await office.post(`${evaluation}/finalize`, undefined));
  };
  const decide = async (year: number, number: string, awards: unknown[]) =>
    // The report's fixture scores some sheets only: its decisions record the legal basis of their grants.
    ok(await office.put(`/orgs/${ORG}/decisions/qd-${year}`, { campaignId: CAMPAIGN, year, number, date: `${year}-12-26`, signer: 'Trưởng ban', legalBasis: 'Công văn số 8/SNV-TĐKT', awards }));

  // 2021: Phòng A and its two people register; everyone is evaluated.
  await at(vnInstant(2021, 2, 1, 9));
  ok(await office.put(paths.pledge(2021, 'phong-a'), departmentPledge()));
  for (const id of ['truong-a', 'vien-a']) ok(await office.put(paths.pledge(2021, id), memberPledge()));
  await at(vnInstant(2021, 11, 15, 9));
  await evaluate(2021, 'department', 'phong-a', 0.95);
  await evaluate(2021, 'department', 'phong-b', 0.8);
  await evaluate(2021, 'member', 'vien-a', 0.9);
  await at(vnInstant(2021, 12, 26, 9));
  await decide(2021, '101/QĐ-BQL', [{ title: 'lao-dong-tien-tien', recipientKind: 'member', recipientId: 'vien-a' }]);

  // 2022: everyone registers; Phòng B leads; vien-b's initiative is recognized.
  await at(vnInstant(2022, 2, 1, 9));
  for (const id of ['phong-a', 'phong-b']) ok(await office.put(paths.pledge(2022, id), departmentPledge()));
  for (const id of ['truong-a', 'vien-a', 'vien-b']) ok(await office.put(paths.pledge(2022, id), memberPledge()));
  const initiative = `${paths.cycle(2022)}/initiatives/so-hoa-ho-so`;
  ok(await office.put(initiative, { authorKind: 'member', authorId: 'vien-b', title: 'Số hóa hồ sơ một cửa', problem: 'Hồ sơ giấy', solution: 'Quét và lưu trữ', results: 'Giảm 30% thời gian', scope: 'Ban Quản lý' }));
  ok(await office.post(`${initiative}/review`, undefined));
  ok(await office.post(`${initiative}/recognize`, { decisionNumber: '7/QĐ-BQL', decisionDate: '2022-06-15' }));
  await at(vnInstant(2022, 11, 15, 9));
  await evaluate(2022, 'department', 'phong-a', 0.75);
  await evaluate(2022, 'department', 'phong-b', 1);
  await at(vnInstant(2022, 12, 26, 9));
  await decide(2022, '202/QĐ-BQL', [
    { title: 'tap-the-lao-dong-tien-tien', recipientKind: 'department', recipientId: 'phong-b' },
    { title: 'lao-dong-tien-tien', recipientKind: 'member', recipientId: 'vien-b' },
    { title: 'lao-dong-tien-tien', recipientKind: 'member', recipientId: 'vien-a' },
  ]);

  // Self-inspection in December 2022: two findings, one closed; the other still open, and overdue by the report.
  const finding = (departmentId: string, findingId: string) => `/orgs/${ORG}/departments/${departmentId}/findings/${findingId}`;
  ok(await office.put(finding('phong-a', 'tk-2022-1'), { date: '2022-12-20', area: 'Thủ tục hành chính', shortcoming: 'Trả kết quả trễ hạn', correctiveAction: 'Theo dõi hạn xử lý', dueDate: '2023-01-31' }));
  ok(await office.put(finding('phong-b', 'tk-2022-2'), { date: '2022-12-22', area: 'Chế độ công vụ', shortcoming: 'Thiếu sổ theo dõi văn bản', correctiveAction: 'Lập sổ theo dõi', dueDate: '2023-03-31' }));
  ok(await office.post(`${finding('phong-a', 'tk-2022-1')}/close`, { closedOn: '2022-12-26', note: 'Đã khắc phục' }));

  // 2023: only vien-b on time, vien-a recorded late by the Office; nothing evaluated yet.
  await at(vnInstant(2023, 2, 1, 9));
  ok(await office.put(paths.pledge(2023, 'vien-b'), memberPledge()));
  await at(vnInstant(2023, 4, 3, 9));
  ok(await office.put(paths.pledge(2023, 'vien-a'), { ...memberPledge(), late: { reason: 'Bản giấy nộp 29/3' } }));
  await runtime.settle();
};

describe('reports (sơ kết / tổng kết) as .docx, and the upward readers, over HTTP', () => {
  let runtime: Runtime;
  let scoreboards: Record<number, { departmentId: string; collectiveScore: number; rank: number }[]>;

  beforeAll(async () => {
    runtime = await startTestRuntime(vnInstant(2021, 1, 10, 9));
    await setUpOrganization(runtime);
    await seedThreeYears(runtime);
    runtime.clock.set(vnInstant(2024, 1, 15, 9), true);
    const office = await as(runtime, { role: 'office' });
    // The header of every document: the organization's profile.
    expect((await office.put(`/orgs/${ORG}/profile`, PROFILE)).status).toBe(201);
    await runtime.settle();
    scoreboards = {};
    for (const year of [2021, 2022]) scoreboards[year] = (await office.get(`${paths.cycle(year)}/scoreboard`)).body.departments;
  }, 60_000);
  afterAll(() => runtime.stop());

  it('writes the preliminary report (sơ kết) of 2021-2023 as an administrative report with its tables and figures', async () => {
    const response = await download(runtime, OFFICE, `${REPORTS}?from=2021&to=2023`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('Báo cáo sơ kết phong trào thi đua CCHC 2021-2023.docx')}`);
    const xml = await docxXml(response.bytes);
    const text = textOf(xml);
    for (const line of ['UBND TỈNH KIÊN GIANG', 'BAN QUẢN LÝ KHU KINH TẾ PHÚ QUỐC', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: …/BC-BQLKKTPQ', 'Phú Quốc, ngày 15 tháng 01 năm 2024', 'BÁO CÁO']) {
      expect(text).toContain(line);
    }
    expect(text).toContain('Sơ kết phong trào thi đua cải cách hành chính hằng năm giai đoạn 2021-2025 (các năm 2021-2023)');
    expect(text).toContain('Ban Quản lý Khu kinh tế Phú Quốc báo cáo kết quả sơ kết từ năm 2021 đến năm 2023 như sau:');
    for (const heading of ['I. KẾT QUẢ TRIỂN KHAI', 'II. KẾT QUẢ CHẤM ĐIỂM', 'III. DANH HIỆU VÀ KHEN THƯỞNG', 'IV. SÁNG KIẾN ĐƯỢC CÔNG NHẬN', 'Nơi nhận:', '- UBND tỉnh;', '- Sở Nội vụ;', '- Lưu: VT.']) {
      expect(text).toContain(heading);
    }
    const rows = tableRows(xml);
    // I. Registration and participation per year: 2 departments and 3 members, so 5 participants.
    expect(rows).toContainEqual(['2021', '1/2', '50%', '2/3', '66,7%', '0', '3/5', '60%']);
    expect(rows).toContainEqual(['2022', '2/2', '100%', '3/3', '100%', '0', '2/5', '40%']);
    expect(rows).toContainEqual(['2023', '0/2', '0%', '2/3', '66,7%', '1', '0/5', '0%']);
    // II. The leader each year and each department's score (rank) over the years, as the scoreboard reads them.
    const score = (year: number, departmentId: string) => scoreboards[year].find((row) => row.departmentId === departmentId)!;
    const [a2021, b2021, a2022, b2022] = [score(2021, 'phong-a'), score(2021, 'phong-b'), score(2022, 'phong-a'), score(2022, 'phong-b')];
    expect([a2021.rank, b2022.rank]).toEqual([1, 1]);
    const figure = (value: number) => formatVnNumber(value, 2);
    expect(rows).toContainEqual(['2021', figure((a2021.collectiveScore + b2021.collectiveScore) / 2), 'Phòng A', figure(a2021.collectiveScore), '3/5']);
    expect(rows).toContainEqual(['2022', figure((a2022.collectiveScore + b2022.collectiveScore) / 2), 'Phòng B', figure(b2022.collectiveScore), '2/5']);
    expect(rows).toContainEqual(['2023', '-', '-', '-', '0/5']);
    expect(rows).toContainEqual(['Phòng A', `${figure(a2021.collectiveScore)} (1)`, `${figure(a2022.collectiveScore)} (2)`, '-']);
    expect(rows).toContainEqual(['Phòng B', `${figure(b2021.collectiveScore)} (2)`, `${figure(b2022.collectiveScore)} (1)`, '-']);
    // III. Titles per year, and the decisions.
    expect(rows).toContainEqual(['Lao động tiên tiến', '1', '2', '0', '3']);
    expect(rows).toContainEqual(['Tập thể lao động tiên tiến', '0', '1', '0', '1']);
    expect(rows).toContainEqual(['Tổng số lượt', '1', '3', '0', '4']);
    expect(rows).toContainEqual(['2022', '202/QĐ-BQL', '26/12/2022', 'Trưởng ban', '3']);
    // IV. The recognized initiative.
    expect(rows).toContainEqual(['1', '2022', 'Số hóa hồ sơ một cửa', 'Trần Thị B', 'Phòng B', '7/QĐ-BQL ngày 15/06/2022', '']);
    // V. Self-inspection: found and closed per year, and the finding still open (overdue on the report's date).
    expect(text).toContain('V. TỰ KIỂM TRA CẢI CÁCH HÀNH CHÍNH');
    expect(rows).toContainEqual(['2022', '2', '1']);
    expect(rows).toContainEqual(['1', 'Phòng B', '22/12/2022', 'Chế độ công vụ', 'Thiếu sổ theo dõi văn bản', 'Lập sổ theo dõi', '31/03/2023 (quá hạn)']);
    expect(text).not.toContain('Trả kết quả trễ hạn');
    // The sections the Office writes itself, headed and left to fill in.
    for (const heading of ['VI. ĐÁNH GIÁ CHUNG', '1. Ưu điểm:', '2. Hạn chế:', '3. Nguyên nhân:', 'VII. PHƯƠNG HƯỚNG, NHIỆM VỤ', 'VIII. KIẾN NGHỊ, ĐỀ XUẤT']) expect(text).toContain(heading);
  });

  it('covers by default only the years that have happened: a sơ kết until the period is over, then the tổng kết', async () => {
    const office = await as(runtime, { role: 'office' });
    // 15 January 2024: 2025 has not happened, so the default is 2021-2024, and asking for 2025 is refused.
    const soFar = await download(runtime, OFFICE, REPORTS);
    expect(soFar.headers.get('content-disposition')).toContain(encodeURIComponent('Báo cáo sơ kết phong trào thi đua CCHC 2021-2024.docx'));
    expect(tableRows(await docxXml(soFar.bytes))).toContainEqual(['Phòng chuyên môn', 'Năm 2021', 'Năm 2022', 'Năm 2023', 'Năm 2024']);
    const future = await office.get(`${REPORTS}?from=2021&to=2025`);
    expect(future.status).toBe(400);
    expect(future.body.errors).toEqual([expect.objectContaining({ path: 'to', code: 'future-year' })]);

    runtime.clock.set(vnInstant(2026, 1, 10, 9), true);
    try {
      const response = await download(runtime, OFFICE, REPORTS);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('Báo cáo tổng kết phong trào thi đua CCHC 2021-2025.docx'));
      const xml = await docxXml(response.bytes);
      expect(textOf(xml)).toContain('Tổng kết phong trào thi đua cải cách hành chính hằng năm giai đoạn 2021-2025');
      expect(textOf(xml)).not.toContain('Sơ kết');
      // A column per year of the period.
      expect(tableRows(xml)).toContainEqual(['Phòng chuyên môn', 'Năm 2021', 'Năm 2022', 'Năm 2023', 'Năm 2024', 'Năm 2025']);
    } finally {
      runtime.clock.set(vnInstant(2024, 1, 15, 9), true);
    }
  });

  it('says one year as "năm 2022", never "2022-2022"', async () => {
    const response = await download(runtime, OFFICE, `${REPORTS}?from=2022&to=2022`);
    expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('Báo cáo sơ kết phong trào thi đua CCHC 2022.docx'));
    const text = textOf(await docxXml(response.bytes));
    expect(text).toContain('giai đoạn 2021-2025 (năm 2022)');
    expect(text).toContain('báo cáo kết quả sơ kết năm 2022 như sau:');
    expect(text).toContain('phong trào thi đua cải cách hành chính năm 2022 của');
    expect(text).not.toContain('2022-2022');
  });

  it('refuses a range outside the campaign, or backwards, with 400; an unknown campaign with 404', async () => {
    const office = await as(runtime, { role: 'office' });
    for (const query of ['from=2020&to=2023', 'from=2021&to=2026', 'from=2023&to=2022', 'from=abc', 'to=1999']) {
      const response = await office.get(`${REPORTS}?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.code).toBe('invalid-request');
    }
    expect((await office.get(`/orgs/${ORG}/campaigns/no-such/reports`)).status).toBe(404);
  });

  describe('an upward reader (Sở Nội vụ) overseeing the organization', () => {
    const OTHER = '/orgs/other-org/campaigns/cchc-2021-2025';

    it("reads its scoreboards, registration boards and reports, but another organization's nothing", async () => {
      const upward = await as(runtime, UPWARD);
      const board = await upward.get(`${paths.cycle(2022)}/scoreboard`);
      expect(board.status).toBe(200);
      expect(board.body.departments.map((row: { departmentId: string }) => row.departmentId)).toEqual(['phong-b', 'phong-a']);
      const registrations = await upward.get(paths.board(2022));
      expect(registrations.body.totals).toMatchObject({ departments: 2, departmentsRegistered: 2, members: 3, membersRegistered: 3 });
      const report = await download(runtime, UPWARD, `${REPORTS}?from=2021&to=2022`);
      expect(report.status).toBe(200);
      expect(textOf(await docxXml(report.bytes))).toContain('Sơ kết');

      for (const path of [`${OTHER}/cycles/2022/scoreboard`, `${OTHER}/cycles/2022/registrations`, `${OTHER}/reports`]) {
        const response = await upward.get(path);
        expect(response.status, path).toBe(403);
        expect(response.body.code).toBe('forbidden');
      }
      // A reader overseeing another organization only gets nothing of this one.
      const stranger = await as(runtime, { ...UPWARD, orgs: ['other-org'] });
      expect((await stranger.get(`${paths.cycle(2022)}/scoreboard`)).status).toBe(403);
      expect((await download(runtime, { ...UPWARD, orgs: ['other-org'] }, REPORTS)).status).toBe(403);
    });

    it('reads nothing else and writes nothing, even with other roles in its own organization', async () => {
      const upward = await as(runtime, UPWARD);
      for (const path of [paths.campaign(), paths.cycle(2022), `/orgs/${ORG}/departments`, `/orgs/${ORG}/members`, `${paths.cycle(2022)}/awards`, `${paths.cycle(2022)}/initiatives`, paths.pledge(2022, 'vien-a'), paths.history('campaign', CAMPAIGN), `${paths.cycle(2022)}/departments/phong-a/scores`]) {
        expect((await upward.get(path)).status, path).toBe(403);
      }
      expect((await upward.put(paths.department('phong-c'), { name: 'Phòng C' })).status).toBe(403);
      expect((await upward.put(paths.pledge(2023, 'vien-b'), memberPledge())).status).toBe(403);
      // The province's own Office, even with a list of organizations, is nobody here: only the upward role oversees.
      const official = await as(runtime, { org: 'so-noi-vu', role: 'office', orgs: [ORG] });
      expect((await official.get(`${paths.cycle(2022)}/scoreboard`)).status).toBe(403);
    });

    it('reads the agencies it oversees side by side for a year', async () => {
      const upward = await as(runtime, { ...UPWARD, orgs: [ORG, 'other-org'] });
      const response = await upward.get('/upward/cycles/2022');
      expect(response.status).toBe(200);
      const b2022 = scoreboards[2022].find((row) => row.departmentId === 'phong-b')!;
      expect(response.body).toEqual({
        year: 2022,
        agencies: [
          {
            org: ORG,
            agencyName: 'Ban Quản lý Khu kinh tế Phú Quốc',
            campaignId: CAMPAIGN,
            campaignTitle: 'Phong trào thi đua cải cách hành chính hằng năm giai đoạn 2021-2025',
            registration: { departments: 2, departmentsRegistered: 2, members: 3, membersRegistered: 3, late: 0, departmentRate: 100, memberRate: 100 },
            evaluation: { participants: 5, submitted: 2, finalized: 2, participationRate: 40 },
            meanDepartmentScore: expect.any(Number),
            topDepartment: { departmentId: 'phong-b', name: 'Phòng B', score: b2022.collectiveScore },
            titles: { 'tap-the-lao-dong-tien-tien': 1, 'lao-dong-tien-tien': 2 },
            titleLabels: { 'tap-the-lao-dong-tien-tien': 'Tập thể lao động tiên tiến', 'lao-dong-tien-tien': 'Lao động tiên tiến' },
            awards: 3,
          },
          // An agency that has not set its profile is named by its id.
          { org: 'other-org', agencyName: 'other-org', campaignId: null, campaignTitle: null, registration: null, evaluation: null, meanDepartmentScore: null, topDepartment: null, titles: {}, titleLabels: {}, awards: 0 },
        ],
      });
      // Only upward readers have agencies side by side.
      expect((await (await as(runtime, { role: 'leader' })).get('/upward/cycles/2022')).status).toBe(403);
      expect((await upward.get('/upward/cycles/abc')).status).toBe(400);
    });
  });
});
