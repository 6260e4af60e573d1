import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CCHC_CRITERIA } from '../../domain/campaign/templates';
import { vnInstant } from '../../domain/time';
import type { Runtime } from '../../infra/local/runtime';
import { CAMPAIGN, ORG, as, paths, setUpOrganization, startTestRuntime } from '../support/runtime';
import { SELF_SCORES, evidence, wholeAppraisal } from '../support/evaluation-fixtures';
import { XLSX, decisionOf, download, expectFile, readXlsx, rowsOf } from './support';

const TUYET = 'Nguyễn Thị Ánh Tuyết';
const DAU_TU = 'Phòng Quản lý Đầu tư';
const evaluation = (participantId: string, action = '') => `/orgs/${ORG}/campaigns/${CAMPAIGN}/cycles/2025/evaluations/${participantId}${action ? `/${action}` : ''}`;
const TITLE = 'Phong trào thi đua cải cách hành chính hằng năm giai đoạn 2021-2025';
const OFFICE = { role: 'office' } as const;
const COUNCIL = { role: 'council', member: 'vien-b', department: 'phong-b' } as const;
const TUYET_SELF = { role: 'member', department: 'dau-tu', member: 'anh-tuyet' } as const;
const HEAD = { role: 'head', department: 'dau-tu', member: 'van-c' } as const;

const dataRows = (rows: unknown[][], first: string) => {
  const header = rows.findIndex((row) => row[0] === first);
  return { header: rows[header], body: rows.slice(header + 1).filter((row) => row.length > 0) };
};

describe('score exports: the scoreboard and a score sheet as .xlsx', () => {
  let runtime: Runtime;
  const sheetPath = (participantId: string) => `${evaluation(participantId)}/export`;
  const boardPath = `${paths.cycle(2025)}/exports/scoreboard`;

  beforeAll(async () => {
    runtime = await startTestRuntime(vnInstant(2025, 11, 15, 9));
    const { office } = await setUpOrganization(runtime);
    await office.put(paths.department('dau-tu'), { name: DAU_TU });
    await office.put(paths.member('anh-tuyet'), { fullName: TUYET.normalize('NFD'), departmentId: 'dau-tu', position: 'Chuyên viên' });
    await office.put(paths.member('van-c'), { fullName: 'Lê Văn C', departmentId: 'dau-tu', position: 'Trưởng phòng' });
    await runtime.settle();
    const tuyet = await as(runtime, TUYET_SELF);
    expect((await tuyet.put(evaluation('anh-tuyet', 'self-assessment'), { participantKind: 'member', submit: true, scores: SELF_SCORES })).status).toBe(201);
    expect((await office.put(evaluation('anh-tuyet', 'appraisers'), { appraisers: ['vien-b'] })).status).toBe(200);
    expect((await office.put(evaluation('anh-tuyet', 'appraisal'), wholeAppraisal(SELF_SCORES, { criterion: 'cai-cach-the-che', score: 7, comment: 'Thiếu một văn bản' }))).status).toBe(200);
    const council = await as(runtime, COUNCIL);
    expect((await council.put(evaluation('anh-tuyet', 'appraisal'), wholeAppraisal(SELF_SCORES, { criterion: 'cai-cach-thu-tuc-hanh-chinh', score: 11 }))).status).toBe(200);
  });
  afterAll(() => runtime.stop());

  it('shows a participant exactly what its JSON sheet shows: before the result, no appraisal', async () => {
    const own = await download(runtime, TUYET_SELF, sheetPath('anh-tuyet'));
    expectFile(own, XLSX, `Phiếu chấm điểm 2025 - ${TUYET}.xlsx`);
    const [sheet] = (await readXlsx(own.bytes)).worksheets;
    const rows = rowsOf(sheet);
    expect(rows[1][0]).toBe(`Cá nhân: ${TUYET} - ${DAU_TU}`);
    const { header, body } = dataRows(rows, 'STT');
    expect(header).toEqual(['STT', 'Tiêu chí', 'Điểm tối đa', 'Tự chấm', 'Điểm chốt', 'Tài liệu kiểm chứng', 'Giải trình', 'Ý kiến thẩm định']);
    expect(body).toHaveLength(CCHC_CRITERIA.length + 1);
    expect(body[0].slice(0, 4)).toEqual([1, CCHC_CRITERIA[0].label, CCHC_CRITERIA[0].maxScore, 8]);
    expect(body[0][5]).toBe('Báo cáo CCHC năm 2025 (Số 12/BC-VP)');
    expect(body[4][6]).toBe('Không áp dụng: Phòng không quản lý tài chính');
    expect(body[CCHC_CRITERIA.length].slice(1, 4)).toEqual(['Tổng cộng', 90, 76]);
    expect(rows.flat().join(' ')).not.toContain('Thiếu một văn bản');
  });

  it('shows the Office every appraisal, then the final result and grade', async () => {
    const office = await as(runtime, OFFICE);
    const json = await office.get(evaluation('anh-tuyet'));
    const before = dataRows(rowsOf((await readXlsx((await download(runtime, OFFICE, sheetPath('anh-tuyet'))).bytes)).worksheets[0]), 'STT');
    expect(before.header.filter((cell) => String(cell).startsWith('Thẩm định'))).toHaveLength(json.body.appraisals.length);
    expect(before.header).toEqual(expect.arrayContaining(['Thẩm định: Văn phòng', 'Thẩm định: Trần Thị B']));

    expect((await office.post(evaluation('anh-tuyet', 'finalize'), undefined)).status).toBe(200);
    const rows = rowsOf((await readXlsx((await download(runtime, OFFICE, sheetPath('anh-tuyet'))).bytes)).worksheets[0]);
    const { body } = dataRows(rows, 'STT');
    const total = body.find((row) => row[1] === 'Tổng cộng')!;
    expect(total.slice(2)).toEqual([90, 76, 75, 75, 75]); // max, self, two appraisals, final
    expect(body[0][9]).toBe('Văn phòng: Thiếu một văn bản');
    expect(rows.flat()).toContain('Kết quả chính thức: 75/90 điểm, 83,33%');
    expect(rows.flat()).toContain('Xếp loại: Hoàn thành tốt nhiệm vụ');
  });

  it("gives a department with no self-assessment yet the empty form on the campaign's criteria", async () => {
    const file = await download(runtime, OFFICE, sheetPath('phong-b'));
    expect(file.status).toBe(200);
    const rows = rowsOf((await readXlsx(file.bytes)).worksheets[0]);
    expect(rows[1][0]).toBe('Tập thể: Phòng B');
    expect(rows[3][0]).toBe('Trạng thái: Chưa tự chấm điểm');
    const { body } = dataRows(rows, 'STT');
    expect(body).toHaveLength(CCHC_CRITERIA.length + 1);
    expect(body[CCHC_CRITERIA.length].slice(1, 3)).toEqual(['Tổng cộng', 100]);
  });

  it('refuses whoever may not read the sheet, as the JSON route does', async () => {
    const other = await download(runtime, { role: 'member', department: 'phong-a', member: 'vien-a' }, sheetPath('anh-tuyet'));
    expect(other.status).toBe(403);
    expect(other.json().code).toBe('forbidden');
    expect((await download(runtime, OFFICE, sheetPath('nobody'))).status).toBe(404);
  });

  it('exports the scoreboard ranked, with grades, progress, titles and the members the caller may read', async () => {
    const office = await as(runtime, OFFICE);
    const head = await as(runtime, HEAD);
    const full = CCHC_CRITERIA.map((criterion) => ({ criterion: criterion.code, score: criterion.maxScore, evidence }));
    expect((await head.put(evaluation('dau-tu', 'self-assessment'), { participantKind: 'department', submit: true, scores: full })).status).toBe(201);
    expect((await office.put(evaluation('dau-tu', 'appraisal'), wholeAppraisal(full))).status).toBe(200);
    expect((await office.post(evaluation('dau-tu', 'finalize'), undefined)).status).toBe(200);
    const decision = decisionOf('15/QĐ-BQL', '2025-12-28', [
      ['lao-dong-tien-tien', 'member', 'anh-tuyet'],
      ['tap-the-lao-dong-xuat-sac', 'department', 'dau-tu'],
    ]);
    expect((await office.put(`/orgs/${ORG}/decisions/qd-15`, decision)).status).toBe(201);
    await runtime.settle();

    const file = await download(runtime, OFFICE, boardPath);
    expectFile(file, XLSX, `Bảng xếp hạng thi đua 2025 - ${TITLE}.xlsx`);
    const workbook = await readXlsx(file.bytes);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Bảng xếp hạng', 'Điểm cá nhân']);
    const board = dataRows(rowsOf(workbook.worksheets[0]), 'Xếp hạng');
    expect(board.header).toEqual(['Xếp hạng', 'Phòng', 'Điểm tập thể (%)', 'Xếp loại', 'Điểm bình quân cá nhân (%)', 'Cá nhân đã chốt', 'Cá nhân chưa chốt', 'Kết quả', 'Lao động tiên tiến', 'Tập thể lao động xuất sắc']);
    expect(board.body).toHaveLength(3);
    expect(board.body[0]).toEqual([1, DAU_TU, 100, 'Hoàn thành xuất sắc nhiệm vụ', 83.33, 1, 1, 'Tạm tính', 1, 1]);
    const json = await office.get(`${paths.cycle(2025)}/scoreboard`);
    expect(board.body.map((row) => row[1])).toEqual(json.body.departments.map((row: { name: string }) => row.name));

    const members = dataRows(rowsOf(workbook.worksheets[1]), 'Phòng');
    expect(members.body).toHaveLength(5);
    expect(members.body.find((row) => row[2] === TUYET)).toEqual([DAU_TU, 1, TUYET, 83.33, 'Hoàn thành tốt nhiệm vụ', 'Chính thức', 'Đã chốt']);
  });

  it("shows a department's self-inspection findings as that criterion's evidence, as its JSON sheet does", async () => {
    const office = await as(runtime, OFFICE);
    const finding = { date: '2025-06-05', area: 'Cải cách thủ tục hành chính', shortcoming: 'Trễ hạn 3 hồ sơ', correctiveAction: 'Xin lỗi công dân', dueDate: '2025-07-31' };
    expect((await office.put(`${paths.department('dau-tu')}/findings/kt-01`, finding)).status).toBe(201);
    await runtime.settle();
    expect((await office.get(evaluation('dau-tu'))).body.evidence['tu-kiem-tra-cchc'].findings).toHaveLength(1);
    const { header, body } = dataRows(rowsOf((await readXlsx((await download(runtime, HEAD, sheetPath('dau-tu'))).bytes)).worksheets[0]), 'STT');
    const label = CCHC_CRITERIA.find((criterion) => criterion.code === 'tu-kiem-tra-cchc')!.label;
    const row = body.find((each) => each[1] === label)!;
    expect(String(row[header.indexOf('Tài liệu kiểm chứng')]).split('\n')).toEqual([
      'Báo cáo CCHC năm 2025 (Số 12/BC-VP)',
      'Tự kiểm tra ngày 05/06/2025 - Cải cách thủ tục hành chính: Trễ hạn 3 hồ sơ. Khắc phục: Xin lỗi công dân, hạn 31/07/2025; đang khắc phục',
    ]);
  });

  it('scopes the scoreboard export: a head its department and members; a member its row and itself', async () => {
    const head = await readXlsx((await download(runtime, HEAD, boardPath)).bytes);
    expect(dataRows(rowsOf(head.worksheets[0]), 'Xếp hạng').body.map((row) => row[1])).toEqual([DAU_TU]);
    expect(dataRows(rowsOf(head.worksheets[1]), 'Phòng').body.map((row) => row[2]).sort()).toEqual(['Lê Văn C', TUYET]);

    const member = await readXlsx((await download(runtime, TUYET_SELF, boardPath)).bytes);
    expect(dataRows(rowsOf(member.worksheets[0]), 'Xếp hạng').body.map((row) => row[1])).toEqual([DAU_TU]);
    expect(dataRows(rowsOf(member.worksheets[1]), 'Phòng').body.map((row) => row[2])).toEqual([TUYET]);
  });
});
