import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import type { Runtime } from '../../infra/local/runtime';
import { ORG, as, paths, setUpOrganization, startTestRuntime } from '../support/runtime';
import { DOCX, decisionOf, docxCells, docxXml, download, expectFile } from './support';

const TUYET = 'Nguyễn Thị Ánh Tuyết';
const DAU_TU = 'Phòng Quản lý Đầu tư';
const proposal = (action = '') => `${paths.cycle(2025)}/proposals/ds-2025${action ? `/${action}` : ''}`;
const OFFICE = { role: 'office' } as const;
const councillor = (member: string) => ({ role: 'council', member, sub: `user-${member}` }) as const;
/** Typed as some keyboards send it (NFD): the documents show it as NFC. */
const PROFILE = { name: 'Ban Quản lý Khu kinh tế Phú Quốc'.normalize('NFD'), parentBody: 'UBND tỉnh Kiên Giang', place: 'Phú Quốc'.normalize('NFD'), abbreviation: 'BQLKKTPQ' };

describe('document exports: the council minutes and a decision annex as .docx', () => {
  let runtime: Runtime;

  beforeAll(async () => {
    runtime = await startTestRuntime(vnInstant(2025, 12, 22, 9));
    const { office } = await setUpOrganization(runtime);
    expect((await office.put(`/orgs/${ORG}/profile`, PROFILE)).status).toBe(201);
    await office.put(paths.department('dau-tu'), { name: DAU_TU.normalize('NFD') });
    await office.put(paths.member('anh-tuyet'), { fullName: TUYET.normalize('NFD'), departmentId: 'dau-tu' });
    await runtime.settle();
    await office.put(paths.member('le-van-c'), { fullName: 'Lê Văn C', departmentId: 'phong-b' });
    const council = { members: [{ memberId: 'truong-a', chair: true }, { memberId: 'vien-b' }, { memberId: 'le-van-c' }] };
    expect((await office.put(`${paths.cycle(2025)}/council`, council)).status).toBe(201);
    const nominations = [
      { nomineeKind: 'member', nomineeId: 'anh-tuyet', title: 'chien-si-thi-dua-co-so', basis: 'Hoàn thành xuất sắc nhiệm vụ, 1 sáng kiến' },
      { nomineeKind: 'department', nomineeId: 'dau-tu', title: 'tap-the-lao-dong-xuat-sac', basis: 'Dẫn đầu bảng xếp hạng' },
    ];
    expect((await office.put(proposal(), { nominations })).status).toBe(201);
    expect((await office.post(proposal('open'), undefined)).status).toBe(200);
  });
  afterAll(() => runtime.stop());

  it('has no minutes before the close: 409 minutes-not-ready', async () => {
    const early = await download(runtime, OFFICE, proposal('minutes'));
    expect(early.status).toBe(409);
    expect(early.json().code).toBe('minutes-not-ready');
  });

  it('writes the minutes: header, who sat, counts and outcomes per nominee, every receipt, and nothing more', async () => {
    const office = await as(runtime, OFFICE);
    for (const [member, votes] of [
      ['truong-a', [true, true]],
      ['vien-b', [true, false]],
    ] as const) {
      const cast = await (await as(runtime, councillor(member))).post(proposal('ballot'), { votes: votes.map((approve, nomination) => ({ nomination, approve })) });
      expect(cast.status).toBe(201);
    }
    expect((await office.post(proposal('written-opinion'), { memberId: 'le-van-c', votes: [{ nomination: 0, approve: true }, { nomination: 1, approve: true }] })).status).toBe(200);
    const closed = await office.post(proposal('close'), { present: ['truong-a', 'vien-b'] });
    expect(closed.status).toBe(200);

    // The header is the profile's: the council's agency above it, the place on the date line.
    const file = await download(runtime, councillor('vien-b'), proposal('minutes'));
    expectFile(file, DOCX, 'Biên bản họp Hội đồng thi đua khen thưởng 2025 - ds-2025.docx');
    const xml = await docxXml(file.bytes);
    expect(xml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(xml).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(xml).toContain('Phú Quốc, ngày 22 tháng 12 năm 2025');
    expect(xml).toContain('BAN QUẢN LÝ KHU KINH TẾ PHÚ QUỐC');
    expect(xml).toContain('BIÊN BẢN');
    // Its number, the time and place of the meeting, the council's customary name; never the list's id.
    expect(xml).toContain('Số: …/BB-HĐTĐKT');
    expect(xml).toContain('Thời gian: kết thúc kiểm phiếu lúc 09 giờ 00 phút, ngày 22/12/2025.');
    expect(xml).toContain('Địa điểm: trụ sở Ban Quản lý Khu kinh tế Phú Quốc, Phú Quốc.');
    expect(xml).toContain('HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG');
    expect(xml).not.toContain('(Danh sách ds-2025)');
    const cells = docxCells(xml);
    // The chair first in the members table.
    expect(cells.slice(cells.indexOf('Chức danh trong Hội đồng') + 2, cells.indexOf('Chức danh trong Hội đồng') + 5)).toEqual(['1', 'Trưởng Phòng A', 'Chủ tịch Hội đồng']);
    const row = (first: string, width: number) => cells.slice(cells.indexOf(first), cells.indexOf(first) + width);
    // The members table: the chair, a member, the absent one with a written opinion.
    expect(row('Trưởng Phòng A', 3)).toEqual(['Trưởng Phòng A', 'Chủ tịch Hội đồng', 'Có mặt']);
    expect(row('Lê Văn C', 3)).toEqual(['Lê Văn C', 'Thành viên', 'Vắng mặt, có ý kiến bằng văn bản']);
    // The outcomes: CSTĐCS needs 80% of all 3 members (3 votes), the collective title a majority (2).
    expect(row(TUYET, 8)).toEqual([TUYET, DAU_TU, 'Chiến sĩ thi đua cơ sở', '3', '0', '3', '100%', 'Đạt']);
    const second = cells.findIndex((cell, index) => cell === '2' && cells[index + 1] === DAU_TU);
    expect(cells.slice(second + 1, second + 9)).toEqual([DAU_TU, DAU_TU, 'Tập thể lao động xuất sắc', '2', '1', '2', '66,67%', 'Đạt']);
    expect(xml).toContain(closed.body.minutes.receipts.join('; '));
    expect(xml.normalize('NFC')).toBe(xml);
    // The file shows what the JSON minutes show: two receipts, no ballot by voter.
    expect(closed.body.minutes.receipts).toHaveLength(2);
    expect(xml).not.toMatch(/seal|nonce/i);
  });

  it('refuses the minutes to whoever may not read the proposal', async () => {
    const head = await download(runtime, { role: 'head', department: 'phong-a', member: 'truong-a' }, proposal('minutes'));
    expect(head.status).toBe(403);
    expect((await download(runtime, OFFICE, `${paths.cycle(2025)}/proposals/none/minutes`)).status).toBe(404);
  });

  it('writes a decision annex: the list, units, titles and rewards with Vietnamese separators, the total', async () => {
    const office = await as(runtime, OFFICE);
    const awards = decisionOf('16/QĐ-BQL', '2025-12-22', [
      ['chien-si-thi-dua-co-so', 'member', 'anh-tuyet', 'ds-2025'],
      ['tap-the-lao-dong-xuat-sac', 'department', 'dau-tu', 'ds-2025'],
      ['giay-khen', 'member', 'vien-a'],
    ]);
    // The signer is a person with a position; the issuing authority is not typed (it is the profile's agency).
    const decision = { ...awards, signer: 'Nguyễn Văn X', signerPosition: 'Trưởng ban' };
    const recorded = await office.put(`/orgs/${ORG}/decisions/qd-16`, decision);
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    expect(recorded.body.awards.map((award: { amount: number | null }) => award.amount)).toEqual([2_340_000, 3_510_000, 710_000]);

    const file = await download(runtime, { role: 'member', department: 'phong-a', member: 'vien-a' }, `/orgs/${ORG}/decisions/qd-16/annex`);
    expectFile(file, DOCX, 'Phụ lục Quyết định khen thưởng số 16-QĐ-BQL.docx');
    const xml = await docxXml(file.bytes);
    expect(xml).toContain('DANH SÁCH KHEN THƯỞNG');
    // The annex, a file of its own, names who issued it (the profile) above its title: the header's two columns
    // (each cell's lines joined), with no number or date of its own (the decision's are named under the title).
    const [issuer, nation, ...cells] = docxCells(xml);
    expect([issuer, nation]).toEqual(['UBND TỈNH KIÊN GIANGBAN QUẢN LÝ KHU KINH TẾ PHÚ QUỐC', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc']);
    expect(xml.indexOf('PHỤ LỤC')).toBeGreaterThan(xml.indexOf('BAN QUẢN LÝ KHU KINH TẾ PHÚ QUỐC'));
    // The issuing authority is the agency, never the signer (review D13: it read "của Nguyễn Văn X").
    expect(xml).toContain('(Kèm theo Quyết định số 16/QĐ-BQL ngày 22/12/2025 của Ban Quản lý Khu kinh tế Phú Quốc)');
    expect(xml).not.toContain('của Nguyễn Văn X');
    expect(cells.slice(0, 5)).toEqual(['STT', 'Họ và tên / Tập thể', 'Đơn vị', 'Danh hiệu / Hình thức khen thưởng', 'Số tiền (đồng)']);
    expect(cells.slice(5, 20)).toEqual([
      '1', TUYET, DAU_TU, 'Chiến sĩ thi đua cơ sở', '2.340.000',
      '2', DAU_TU, DAU_TU, 'Tập thể lao động xuất sắc', '3.510.000',
      '3', 'Nguyễn Văn A', 'Phòng A', 'Giấy khen', '710.000',
    ]);
    expect(cells.slice(20, 25)).toEqual(['', 'Tổng cộng: 3', '', '', '6.560.000']);
    // The signer line names the position, then the person, on the right.
    expect(cells.slice(25)).toEqual(['', 'TRƯỞNG BAN(Ký, ghi rõ họ tên)Nguyễn Văn X']);
    expect(recorded.body).toMatchObject({ signer: 'Nguyễn Văn X', signerPosition: 'Trưởng ban' });

    // A decision recorded before the position had its own field keeps its annex: the signer as typed, no position.
    expect((await office.put(`/orgs/${ORG}/decisions/qd-17`, decisionOf('17/QĐ-BQL', '2025-12-23', [['giay-khen', 'member', 'vien-a']]))).status).toBe(201);
    const older = docxCells(await docxXml((await download(runtime, OFFICE, `/orgs/${ORG}/decisions/qd-17/annex`)).bytes));
    expect(older.at(-1)).toBe('(Ký, ghi rõ họ tên)Trưởng ban Ban Quản lý Khu kinh tế Phú Quốc');
    expect((await download(runtime, OFFICE, `/orgs/${ORG}/decisions/none/annex`)).status).toBe(404);
  });
});
