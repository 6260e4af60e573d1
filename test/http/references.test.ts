import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import { exportFileName } from '../../functions/exports/format';
import type { Runtime } from '../../infra/local/runtime';
import { type ApiResponse, type Client, ORG, paths, setUpOrganization, startTestRuntime } from '../support/runtime';
import { countEvents } from '../support/store';

const UNKNOWN = `/orgs/${ORG}/campaigns/khong-co/cycles/2021`;
const CYCLE = paths.cycle(2021);
const nomination = (nomineeKind: string, nomineeId: string) => ({ nomineeKind, nomineeId, title: nomineeKind === 'member' ? 'lao-dong-tien-tien' : 'tap-the-lao-dong-tien-tien', basis: 'Hoàn thành tốt nhiệm vụ' });
const initiative = { authorKind: 'member', authorId: 'vien-a', title: 'Số hóa hồ sơ', problem: 'Hồ sơ giấy', solution: 'Quét và lưu trữ', results: 'Giảm 30% thời gian', scope: 'Ban Quản lý' };
const decision = (campaignId: string) => ({ campaignId, year: 2021, number: '12/QĐ-BQL', date: '2021-12-28', signer: 'Trưởng ban', awards: [{ title: 'lao-dong-tien-tien', recipientKind: 'member', recipientId: 'vien-a' }] });
const campaignWith = (evaluationCalendar: unknown) => ({
  title: 'Phong trào thử',
  period: { start: '2021-01-01', end: '2025-12-31' },
  registrationDeadline: { month: 3, day: 30 },
  criteria: [{ code: 'cai-cach', label: 'Cải cách', maxScore: 10 }],
  allowedTitles: ['lao-dong-tien-tien'],
  evaluationCalendar,
});

/** Issue 16: what does not exist is refused with a 4xx and a stable code, and nothing is written. */
describe('references that do not exist, and names that show something else', () => {
  let runtime: Runtime;
  let office: Client;
  const refused = async (response: Promise<ApiResponse>, status: number, code: string) => {
    const events = await countEvents(runtime);
    const answer = await response;
    expect(answer.status, JSON.stringify(answer.body)).toBe(status);
    expect(answer.body.code).toBe(code);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(await countEvents(runtime)).toBe(events);
  };

  beforeAll(async () => {
    runtime = await startTestRuntime(vnInstant(2021, 12, 1, 9));
    ({ office } = await setUpOrganization(runtime));
  });
  afterAll(() => runtime.stop());

  it('refuses an unknown campaign on the council, proposals, initiatives, discipline and decisions (404)', async () => {
    await refused(office.put(`${UNKNOWN}/council`, { members: [{ memberId: 'vien-a' }] }), 404, 'not-found');
    await refused(office.put(`${UNKNOWN}/proposals/p-1`, { nominations: [nomination('member', 'vien-a')] }), 404, 'not-found');
    await refused(office.put(`${UNKNOWN}/initiatives/sk-1`, initiative), 404, 'not-found');
    await refused(office.put(`${UNKNOWN}/discipline/vien-a`, { level: 'khien-trach', reason: 'Vi phạm giờ giấc' }), 404, 'not-found');
    await refused(office.put(`/orgs/${ORG}/decisions/qd-1`, decision('khong-co')), 404, 'not-found');
  });

  it('refuses ghost council members, appraisers who are not members, and nominees not on the roster under their kind (400)', async () => {
    await refused(office.put(`${CYCLE}/council`, { members: [{ memberId: 'vien-a' }, { memberId: 'ma-quy' }] }), 400, 'unknown-member');
    await refused(office.put(`${CYCLE}/evaluations/vien-a/appraisers`, { appraisers: ['vien-b', 'ma-quy'] }), 400, 'unknown-member');
    // A department's id nominated as a member, a member's as a department, and a nobody.
    await refused(office.put(`${CYCLE}/proposals/p-2`, { nominations: [nomination('member', 'phong-a')] }), 400, 'unknown-member');
    await refused(office.put(`${CYCLE}/proposals/p-3`, { nominations: [nomination('department', 'vien-a')] }), 400, 'unknown-department');
    await refused(office.put(`${CYCLE}/proposals/p-4`, { nominations: [nomination('member', 'vien-a'), nomination('member', 'ma-quy')] }), 400, 'unknown-member');
    // What exists still goes through.
    expect((await office.put(`${CYCLE}/council`, { members: [{ memberId: 'vien-a', chair: true }, { memberId: 'vien-b' }] })).status).toBe(201);
    expect((await office.put(`${CYCLE}/proposals/p-5`, { nominations: [nomination('member', 'vien-a'), nomination('department', 'phong-a')] })).status).toBe(201);
    expect((await office.put(`${CYCLE}/evaluations/vien-a/appraisers`, { appraisers: ['vien-b'] })).status).toBe(201);
  });

  it('refuses names that are only invisible characters or carry bidirectional controls', async () => {
    for (const fullName of ['\u200b\u200b', '\u2060\ufeff', ' \u00ad ', 'Nguyễn \u202eA', 'Trần\u2066 B\u2069', 'Lê\u200fC']) {
      await refused(office.put(paths.member('ke-la'), { fullName, departmentId: 'phong-a' }), 400, 'invalid-request');
    }
    await refused(office.put(paths.department('phong-an'), { name: '\u200d' }), 400, 'invalid-request');
    await refused(office.put(`/orgs/${ORG}/profile`, { name: 'Ban \u202eQuản lý', place: 'Phú Quốc', abbreviation: 'BQL' }), 400, 'invalid-request');
    // A name with a zero-width joiner inside visible text stays a name (some scripts need it).
    expect((await office.put(paths.member('ten-that'), { fullName: 'Nguyễn Văn\u200d Tâm', departmentId: 'phong-a' })).status).toBe(201);
  });

  it('strips bidirectional controls and invisible characters from file names', () => {
    expect(exportFileName('Danh sách\u202excod.exe', 'xlsx')).toBe('Danh sáchxcod.exe.xlsx');
    expect(exportFileName('Báo\u200b cáo\u2066\ufeff', 'docx')).toBe('Báo cáo.docx');
  });

  it('refuses an evaluation calendar with impossible days or inverted windows', async () => {
    const good = { selfAssessmentOpens: { month: 11, day: 1 }, selfAssessmentCloses: { month: 12, day: 10 }, appraisalCloses: { month: 12, day: 20 } };
    for (const calendar of [
      { ...good, selfAssessmentOpens: { month: 2, day: 30 } },
      { ...good, selfAssessmentCloses: { month: 11, day: 31 } },
      { ...good, appraisalCloses: { month: 2, day: 29 } },
      { ...good, selfAssessmentCloses: { month: 10, day: 31 } },
      { ...good, appraisalCloses: { month: 12, day: 9 } },
    ]) {
      await refused(office.put(paths.campaign('thu-lich'), campaignWith(calendar)), 400, 'invalid-request');
    }
    expect((await office.put(paths.campaign('thu-lich'), campaignWith(good))).status).toBe(201);
  });
});
