import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import type { Runtime } from '../../infra/local/runtime';
import { as, departmentPledge, memberPledge, paths, setUpOrganization, startTestRuntime } from '../support/runtime';
import { XLSX, download, expectFile, readCsv, readXlsx, rowsOf } from './support';

const HEADER = ['STT', 'Họ và tên', 'Chức vụ', 'Danh hiệu thi đua, hình thức khen thưởng đăng ký', 'Ngày đăng ký', 'Ghi chú'];
/** Typed decomposed (as a Mac keyboard may send it): every file must hold it composed. */
const TUYET = 'Nguyễn Thị Ánh Tuyết';
const DAU_TU = 'Phòng Quản lý Đầu tư';
const LONG_NAME = 'Phòng Tài nguyên: Môi trường / Quy hoạch [Đất đai] và Xây dựng';

describe('the registration list export', () => {
  let runtime: Runtime;
  const exportPath = (format?: string) => `${paths.board(2021)}`.replace('/registrations', `/exports/registrations${format ? `?format=${format}` : ''}`);

  beforeAll(async () => {
    runtime = await startTestRuntime(vnInstant(2021, 3, 10, 9));
    const { office } = await setUpOrganization(runtime);
    await office.put(paths.department('dau-tu'), { name: DAU_TU.normalize('NFD') });
    await office.put(paths.department('tai-nguyen'), { name: LONG_NAME });
    await office.put(paths.member('anh-tuyet'), { fullName: TUYET.normalize('NFD'), departmentId: 'dau-tu', position: 'Chuyên viên' });
    await office.put(paths.member('van-c'), { fullName: 'Lê Văn C', departmentId: 'dau-tu' });
    await runtime.settle();
    await office.put(paths.pledge(2021, 'anh-tuyet'), memberPledge(['lao-dong-tien-tien', 'chien-si-thi-dua-co-so']));
    await office.put(paths.pledge(2021, 'dau-tu'), departmentPledge());
    await office.put(paths.pledge(2021, 'vien-a'), memberPledge());
    await runtime.settle();
  });
  afterAll(() => runtime.stop());

  it('gives the Office one sheet per department on the template, with every member, registered or not', async () => {
    const file = await download(runtime, { role: 'office' }, exportPath());
    expectFile(file, XLSX, 'Danh sách đăng ký thi đua 2021 - Phong trào thi đua cải cách hành chính hằng năm giai đoạn 2021-2025.xlsx');
    expect(file.headers.get('content-disposition')).toContain('filename="Danh sach dang ky thi dua 2021');

    const workbook = await readXlsx(file.bytes);
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names).toHaveLength(4);
    expect(names).toEqual(expect.arrayContaining(['Phòng A', 'Phòng B', DAU_TU]));
    // Excel's limits: 31 characters, none of : / [ ].
    const long = names.find((name) => name.startsWith('P. Tài nguyên'))!; // "Phòng" in its short form, cut between words
    expect(long.length).toBeLessThanOrEqual(31);
    expect(long).not.toMatch(/[:\\/?*[\]]/);

    const rows = rowsOf(workbook.getWorksheet(DAU_TU)!);
    // The agency's header and the quốc hiệu above the title, as a list filed on paper has.
    const titleAt = rows.findIndex((row) => row[0] === 'DANH SÁCH ĐĂNG KÝ THI ĐUA NĂM 2021');
    expect(rows.slice(0, titleAt).map((row) => row[0])).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc');
    expect(rows[titleAt + 1][0]).toBe(DAU_TU);
    const headerAt = rows.findIndex((row) => row[0] === 'STT');
    expect(rows[headerAt]).toEqual(HEADER);
    const body = rows.slice(headerAt + 1).filter((row) => row.length > 0);
    expect(body[0][0]).toBe('I. Tập thể');
    expect(body[1]).toEqual([1, DAU_TU, '', 'Tập thể lao động tiên tiến', '10/03/2021', '']);
    expect(body[2][0]).toBe('II. Cá nhân');
    const members = body.slice(3, 5);
    expect(members).toEqual([
      [1, TUYET, 'Chuyên viên', 'Lao động tiên tiến; Chiến sĩ thi đua cơ sở', '10/03/2021', ''],
      [2, 'Lê Văn C', '', '', '', 'Chưa đăng ký'],
    ]);
    expect((members[0][1] as string).normalize('NFC')).toBe(members[0][1]);
    expect(body[5]).toEqual(['Cá nhân đã đăng ký: 1/2']);
    // And the signature lines below it.
    expect(body.slice(6).map((row) => String(row[0] ?? ''))).toContainEqual(expect.stringMatching(/^NGƯỜI LẬP\s+THỦ TRƯỞNG ĐƠN VỊ$/));
  });

  it('writes the CSV as UTF-8 with a BOM, one table with the department, and it reads back', async () => {
    const file = await download(runtime, { role: 'leader' }, exportPath('csv'));
    expectFile(file, 'text/csv; charset=utf-8', 'Danh sách đăng ký thi đua 2021 - Phong trào thi đua cải cách hành chính hằng năm giai đoạn 2021-2025.csv');
    expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(file.bytes);
    expect(text).toContain(`"${LONG_NAME}"`.replace(/^"|"$/g, '')); // no comma in it: written as is
    const rows = await readCsv(file.bytes);
    expect(String(rows[0][0]).replace(/^\uFEFF/, '')).toBe('Phòng');
    expect(rows[0].slice(1)).toEqual(['Đối tượng', ...HEADER]);
    expect(rows).toHaveLength(1 + 4 + 5); // header, four collectives, five members
    const tuyet = rows.find((row) => row[3] === TUYET)!;
    expect(tuyet.slice(0, 3)).toEqual([DAU_TU, 'Cá nhân', 1]);
  });

  it('scopes by role: a head gets its department only; a member its department row and itself; the council nothing', async () => {
    const head = await download(runtime, { role: 'head', department: 'dau-tu', member: 'van-c' }, exportPath());
    const sheets = (await readXlsx(head.bytes)).worksheets;
    expect(sheets.map((sheet) => sheet.name)).toEqual([DAU_TU]);

    const member = await download(runtime, { role: 'member', department: 'phong-a', member: 'vien-a' }, exportPath('csv'));
    const rows = await readCsv(member.bytes);
    expect(rows.slice(1).map((row) => [row[1], row[3]])).toEqual([
      ['Tập thể', 'Phòng A'],
      ['Cá nhân', 'Nguyễn Văn A'],
    ]);

    const council = await download(runtime, { role: 'council', member: 'vien-b', department: 'phong-b' }, exportPath());
    expect(council.status).toBe(403);
    expect(council.json().code).toBe('forbidden');
  });

  it('refuses an unknown format with a problem', async () => {
    const file = await download(runtime, { role: 'office' }, exportPath('pdf'));
    expect(file.status).toBe(400);
    expect(file.headers.get('content-type')).toContain('application/problem+json');
    expect(file.json().code).toBe('invalid-request');
  });

  it('the same board gives the same JSON rows', async () => {
    const office = await as(runtime, { role: 'office' });
    const board = await office.get(paths.board(2021));
    expect(board.body.totals).toMatchObject({ departments: 4, members: 5, membersRegistered: 2 });
  });
});
