import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import type { Runtime } from '../../infra/local/runtime';
import { type Client, ORG, as, paths, setUpOrganization, startTestRuntime } from '../support/runtime';
import { rosterCsv, rosterXlsx, zipOf } from '../support/roster-files';
import { countEvents } from '../support/store';

const HEADER = ['STT', 'Họ và tên', 'Chức vụ', 'Phòng/Đơn vị', 'Email'];
const GOOD = [
  [1, 'Nguyễn Văn Ân', 'Chuyên viên', 'Phòng Tư pháp', 'an@bqlkkt.gov.vn'],
  [2, 'Nguyễn Văn An', 'Chuyên viên', 'Phòng A', 'an2@bqlkkt.gov.vn'],
  [3, 'Nguyễn Văn A', 'Phó Trưởng phòng', 'Phòng A', ''],
  [4, 'Trần Thị B', '', 'Phòng A', ''],
];
const BAD = [
  [5, '', 'Chuyên viên', 'Phòng A', 'x@bqlkkt.gov.vn'],
  [6, 'Lê Thị Cúc', 'Chuyên viên', 'Phòng B', 'khong-phai-email'],
  [7, 'Nguyễn Văn Ân', 'Chuyên viên', 'Phòng Tư pháp', 'an@bqlkkt.gov.vn'],
  [8, { formula: 'HYPERLINK("http://x","Bấm")' }, 'Chuyên viên', 'Phòng B', ''],
];
const base64 = (bytes: Buffer) => ({ fileName: 'danh-sach.xlsx', content: bytes.toString('base64'), effectiveOn: '2025-04-01' });

describe('roster import over HTTP: preview, apply, re-apply, refusals, bad files', () => {
  let runtime: Runtime;
  let office: Client;
  const preview = (body: unknown) => office.post(`/orgs/${ORG}/roster-imports/preview`, body);
  const apply = (body: unknown) => office.post(`/orgs/${ORG}/roster-imports/apply`, body);

  beforeAll(async () => {
    runtime = await startTestRuntime(vnInstant(2025, 4, 1, 9));
    ({ office } = await setUpOrganization(runtime));
  });
  afterAll(() => runtime.stop());

  it('previews a file with bad rows: each row planned or refused with its line and a Vietnamese reason; applying it writes nothing', async () => {
    const file = base64(await rosterXlsx(HEADER, [...GOOD, ...BAD]));
    const before = await countEvents(runtime);
    const planned = await preview(file);
    expect(planned.status).toBe(200);
    // Line 1 is the title, line 2 the header: the first row is line 3.
    expect(planned.body.rows.map((row: { row: number; action: string; memberId: string }) => [row.row, row.action, row.memberId])).toEqual([
      [3, 'new-member', 'nguyen-van-an'],
      [4, 'new-member', 'nguyen-van-an-2'],
      [5, 'changed', 'vien-a'],
      [6, 'moved', 'vien-b'],
    ]);
    expect(planned.body.rows[1].idCollision).toBe('nguyen-van-an');
    expect(planned.body.departments).toContainEqual({ departmentId: 'phong-tu-phap', name: 'Phòng Tư pháp', action: 'new-department' });
    expect(planned.body.refusals).toEqual([
      { row: 7, reason: 'Thiếu họ và tên' },
      { row: 8, reason: 'Email không hợp lệ: "khong-phai-email"' },
      { row: 9, reason: 'Trùng người với dòng 3' },
      { row: 10, reason: 'Ô chứa công thức, không được nhập: Họ và tên' },
    ]);
    expect(planned.body.totals).toMatchObject({ 'new-department': 1, 'new-member': 2, changed: 1, moved: 1, unchanged: 0, refused: 4 });

    const refused = await apply(file);
    expect([refused.status, refused.body.code, refused.body.refusals.length]).toEqual([422, 'import-has-refusals', 4]);
    expect(await countEvents(runtime)).toBe(before);
  });

  it('applies the fixed file, then the same file again writes nothing', async () => {
    const file = base64(await rosterXlsx(HEADER, GOOD));
    const applied = await apply(file);
    expect(applied.status).toBe(200);
    expect(applied.body.written).toBe(5); // a department, two members, a profile change, a move
    await runtime.settle();
    const members = (await office.get(`/orgs/${ORG}/members`)).body.members;
    expect(members.find((member: { memberId: string }) => member.memberId === 'nguyen-van-an')).toMatchObject({ fullName: 'Nguyễn Văn Ân', departmentId: 'phong-tu-phap', email: 'an@bqlkkt.gov.vn' });
    expect(members.find((member: { memberId: string }) => member.memberId === 'vien-b').postings).toEqual([
      { departmentId: 'phong-b', from: null, until: '2025-04-01' },
      { departmentId: 'phong-a', from: '2025-04-01', until: null },
    ]);

    const before = await countEvents(runtime);
    const again = await apply(file);
    expect([again.status, again.body.written, again.body.totals.unchanged]).toEqual([200, 0, 4]);
    expect(await countEvents(runtime)).toBe(before);
  });

  it('re-runs a file that failed half-way: only what is missing is written', async () => {
    const file = base64(rosterCsv([HEADER, ['1', 'Phạm Thị Dung', 'Chuyên viên', 'Phòng Kế hoạch', ''], ['2', 'Võ Văn Em', '', 'Phòng Kế hoạch', '']]));
    // As if the first run stopped after the department and the first member.
    expect((await office.put(paths.department('phong-ke-hoach'), { name: 'Phòng Kế hoạch' })).status).toBe(201);
    expect((await office.put(paths.member('pham-thi-dung'), { fullName: 'Phạm Thị Dung', departmentId: 'phong-ke-hoach', position: 'Chuyên viên' })).status).toBe(201);
    const rerun = await apply(file);
    expect([rerun.status, rerun.body.written]).toEqual([200, 1]);
  });

  it('reads back the registration list this system exports, as unchanged', async () => {
    await runtime.settle();
    const exported = await fetch(`${runtime.url}${paths.cycle(2025)}/exports/registrations`, { headers: { authorization: `Bearer ${await runtime.token({ org: ORG, role: 'office' })}` } });
    const planned = await preview(base64(Buffer.from(await exported.arrayBuffer())));
    expect(planned.status).toBe(200);
    expect(planned.body.refusals).toEqual([]);
    expect(planned.body.sheets).toBeGreaterThan(1);
    expect(new Set(planned.body.rows.map((row: { action: string }) => row.action))).toEqual(new Set(['unchanged']));
    expect(planned.body.rows.length).toBe((await office.get(`/orgs/${ORG}/members`)).body.members.length);
  });

  it('reads the blank template, and names an unknown column with its line', async () => {
    const template = await fetch(`${runtime.url}/orgs/${ORG}/roster-imports/template`, { headers: { authorization: `Bearer ${await runtime.token({ org: ORG, role: 'office' })}` } });
    expect(template.status).toBe(200);
    const blank = await preview(base64(Buffer.from(await template.arrayBuffer())));
    expect([blank.status, blank.body.rows.length, blank.body.refusals.length]).toEqual([200, 0, 0]);
    const unknown = await preview(base64(rosterCsv([[...HEADER, 'Số điện thoại'], ['1', 'Nguyễn Văn A', '', 'Phòng A', '', '0912']])));
    expect(unknown.body.refusals).toEqual([{ row: 1, reason: 'Cột không xác định: "Số điện thoại" (cột 6)' }]);
  });

  it.each([
    ['not a spreadsheet', () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0xfe]), 400, 'not-a-spreadsheet'],
    ['a zip bomb disguised as .xlsx', () => zipOf('xl/worksheets/sheet1.xml', Buffer.alloc(100 * 1024 * 1024)), 413, 'spreadsheet-too-large'],
    ['a zip that is no workbook', () => zipOf('hello.txt', Buffer.from('xin chào')), 400, 'not-a-spreadsheet'],
    ['6,000 rows', () => rosterCsv([HEADER, ...Array.from({ length: 6000 }, (_, index) => [String(index + 1), `Người ${index}`, '', 'Phòng A', ''])]), 413, 'spreadsheet-too-large'],
    ['100,000 rows (over the body limit)', () => rosterCsv([HEADER, ...Array.from({ length: 100_000 }, (_, index) => [String(index + 1), `N ${index}`, '', 'P', ''])]), 413, 'payload-too-large'],
    ['no header row', () => rosterCsv([['a', 'b'], ['1', '2']]), 400, 'roster-header-missing'],
  ])('refuses %s with a clear 4xx, writing nothing', async (_what, bytes, status, code) => {
    const before = await countEvents(runtime);
    const answer = await apply(base64(bytes()));
    expect([answer.status, answer.body.code, answer.headers.get('content-type')]).toEqual([status, code, 'application/problem+json']);
    expect(typeof answer.body.title).toBe('string');
    expect(await countEvents(runtime)).toBe(before);
  });

  it('refuses a 50 MB upload before any handler runs', async () => {
    const token = await runtime.token({ org: ORG, role: 'office' });
    const answer = await fetch(`${runtime.url}/orgs/${ORG}/roster-imports/preview`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: Buffer.alloc(50 * 1024 * 1024, 0x41) });
    expect(answer.status).toBe(413);
  });

  it('is the Office’s alone', async () => {
    const head = await as(runtime, { role: 'head', department: 'phong-a' });
    expect((await head.post(`/orgs/${ORG}/roster-imports/preview`, base64(await rosterXlsx(HEADER, GOOD)))).status).toBe(403);
  });
});
