import ExcelJS from 'exceljs';
import type { ImportRow, Refusal } from '../../domain/organization/roster-import';
import { REGISTRATION_HEADER } from '../exports/registrations-file';
import { HttpProblem } from '../http/problem';
import { guardZip } from './zip-guard';

/** More rows than any agency has staff: 100,000 rows are refused before they are looked at. */
export const MAX_ROWS = 5_000;


/** The template's header, in order (the blank template and the README show it). */
export const TEMPLATE_HEADER = ['STT', 'Họ và tên', 'Chức vụ', 'Phòng/Đơn vị', 'Email', 'Mã'] as const;

/** A cell as read: its text, and whether Excel would run it (a formula, or text opening with = + - @). */
interface ReadCell {
  readonly text: string;
  readonly formula: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const norm = (text: string) => text.normalize('NFC').trim();
const headerKey = (text: string) => norm(text).toLocaleLowerCase('vi').replace(/\s+/g, ' ');

/** The headers a roster file may have (lowercase NFC), and what each column holds. */
const KNOWN_COLUMNS: Readonly<Record<string, keyof Omit<ImportRow, 'row' | 'formulaCells'> | 'number' | 'kind' | 'ignored'>> = {
  stt: 'number',
  'họ và tên': 'fullName',
  'họ tên': 'fullName',
  'chức vụ': 'position',
  'phòng/đơn vị': 'department',
  'phòng': 'department',
  'đơn vị': 'department',
  email: 'email',
  'e-mail': 'email',
  'mã': 'code',
  'đối tượng': 'kind',
};
/**
 * The registration list this system exports reads back: its other columns (titles, dates, notes) are read past.
 * No prototype, so a header such as "constructor" is an unknown column, not Object's.
 */
const COLUMNS: typeof KNOWN_COLUMNS = Object.assign(Object.create(null), Object.fromEntries(REGISTRATION_HEADER.map((header) => [headerKey(header), 'ignored'])), KNOWN_COLUMNS);

/** One sheet's rows (1-based line numbers as Excel shows them) into import rows and the refusals of its header. */
const rowsOfSheet = (lines: readonly (readonly ReadCell[])[], sheetName: string | null): { rows: ImportRow[]; refusals: Refusal[] } | null => {
  const headerAt = lines.slice(0, 20).findIndex((cells) => cells.some((cell) => COLUMNS[headerKey(cell.text)] === 'fullName'));
  if (headerAt < 0) return null;
  const sheet = sheetName === null ? {} : { sheet: sheetName };
  const header = lines[headerAt].map((cell) => headerKey(cell.text));
  const refusals: Refusal[] = header.flatMap((name, index) =>
    name === '' || COLUMNS[name] ? [] : [{ row: headerAt + 1, ...sheet, reason: `Cột không xác định: "${norm(lines[headerAt][index].text)}" (cột ${index + 1})` }],
  );
  const column = (field: string) => header.findIndex((name) => COLUMNS[name] === field);
  const at = { fullName: column('fullName'), position: column('position'), department: column('department'), email: column('email'), code: column('code'), kind: column('kind'), number: column('number') };
  const text = (cells: readonly ReadCell[], index: number) => (index < 0 ? '' : norm(cells[index]?.text ?? ''));
  const rows: ImportRow[] = [];
  // The registration list has no department column: a sheet's collective line (under "I. Tập thể") names it.
  let section: 'collective' | 'members' = 'members';
  let sheetDepartment = '';
  lines.slice(headerAt + 1).forEach((cells, offset) => {
    const line = headerAt + 2 + offset;
    const first = text(cells, at.number >= 0 ? at.number : 0);
    // A section line ("I. Tập thể", "II. Cá nhân") spans the table: merged, every cell reads the same text.
    const sectionLine = /^(I|II)\.\s/.test(first) && [first, ''].includes(text(cells, at.fullName));
    if (sectionLine) return void (section = first.startsWith('II.') ? 'members' : 'collective');
    const fields = { fullName: text(cells, at.fullName), position: text(cells, at.position), department: text(cells, at.department), email: text(cells, at.email), code: text(cells, at.code) };
    if (Object.values(fields).every((value) => value === '')) return; // a blank line, a section or a note under the table
    if (at.department < 0 && section === 'collective') return void (sheetDepartment = fields.fullName);
    if (text(cells, at.kind) === 'Tập thể') return;
    const formulaCells = (Object.keys(fields) as (keyof typeof fields)[]).flatMap((field) => {
      const cell = cells[at[field]];
      return at[field] >= 0 && cell && (cell.formula || FORMULA_START.test(cell.text)) ? [norm(lines[headerAt][at[field]].text)] : [];
    });
    rows.push({ row: line, ...sheet, ...fields, department: fields.department || sheetDepartment, formulaCells });
  });
  return { rows, refusals };
};

const cellText = (value: ExcelJS.CellValue): ReadCell => {
  if (value === null || value === undefined) return { text: '', formula: false };
  if (typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) return { text: String((value as { result?: unknown }).result ?? ''), formula: true };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), formula: false };
  if (typeof value === 'object' && 'richText' in value) return { text: value.richText.map((part) => part.text).join(''), formula: false };
  if (typeof value === 'object' && 'text' in value) return cellText((value as { text: ExcelJS.CellValue }).text);
  if (typeof value === 'object' && 'error' in value) return { text: String(value.error), formula: false };
  return { text: String(value), formula: false };
};

const readXlsx = async (bytes: Buffer) => {
  guardZip(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new HttpProblem('not-a-spreadsheet', 'the file is a zip but not a readable .xlsx workbook');
  }
  if (workbook.worksheets.length === 0) throw new HttpProblem('not-a-spreadsheet', 'the file is a zip with no worksheet in it');
  const rowCount = workbook.worksheets.reduce((sum, sheet) => sum + sheet.actualRowCount, 0);
  if (rowCount > MAX_ROWS + 100) throw new HttpProblem('spreadsheet-too-large', `the file has ${rowCount} rows (at most ${MAX_ROWS})`);
  return workbook.worksheets.map((sheet) => {
    const lines: ReadCell[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, number) => {
      const cells: ReadCell[] = [];
      for (let index = 1; index <= Math.min(row.cellCount, 50); index += 1) cells.push(cellText(row.getCell(index).value));
      lines[number - 1] = cells;
    });
    return { name: sheet.name, lines: Array.from(lines, (cells) => cells ?? []) };
  });
};

/** CSV as Excel writes it: UTF-8 (a BOM or not), "," or ";" between cells, quotes doubled inside quoted cells. */
const readCsv = (text: string) => {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const separator = (firstLine.match(/;/g) ?? []).length > (firstLine.match(/,/g) ?? []).length ? ';' : ',';
  const lines: ReadCell[][] = [];
  let cells: ReadCell[] = [];
  let cell = '';
  let quoted = false;
  for (let at = 0; at < body.length; at += 1) {
    const character = body[at];
    if (quoted) {
      if (character === '"' && body[at + 1] === '"') (cell += '"'), (at += 1);
      else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"' && cell === '') quoted = true;
    else if (character === separator) cells.push({ text: cell, formula: false }), (cell = '');
    else if (character === '\n' || character === '\r') {
      if (character === '\r' && body[at + 1] === '\n') at += 1;
      cells.push({ text: cell, formula: false });
      lines.push(cells);
      if (lines.length > MAX_ROWS + 100) throw new HttpProblem('spreadsheet-too-large', `the file has more than ${MAX_ROWS} rows`);
      (cells = []), (cell = '');
    } else cell += character;
  }
  if (cell !== '' || cells.length > 0) lines.push([...cells, { text: cell, formula: false }]);
  return [{ name: null, lines }];
};

/** Text a person could have typed: valid UTF-8, no NUL (a binary file is not a CSV). */
const asText = (bytes: Buffer): string | null => {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
};

/**
 * The Office's file as import rows, every sheet read (the registration list has one per department), with the
 * refusals of its headers. An .xlsx is recognized by its bytes (a zip), not its name; anything else must be text.
 */
export const readRosterFile = async (bytes: Buffer): Promise<{ rows: ImportRow[]; refusals: Refusal[]; sheets: number }> => {
  const isZip = bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;
  const text = isZip ? null : asText(bytes);
  if (!isZip && text === null) throw new HttpProblem('not-a-spreadsheet', 'the file is neither an .xlsx workbook nor a CSV text (an old .xls must be saved as .xlsx)');
  const sheets = isZip ? await readXlsx(bytes) : readCsv(text!);
  const read = sheets.flatMap((sheet) => rowsOfSheet(sheet.lines, sheets.length > 1 ? sheet.name : null) ?? []);
  if (read.length === 0) throw new HttpProblem('roster-header-missing', `no header row with "Họ và tên" in the first 20 lines: the columns are ${TEMPLATE_HEADER.join(', ')}`);
  const rows = read.flatMap((sheet) => sheet.rows);
  if (rows.length > MAX_ROWS) throw new HttpProblem('spreadsheet-too-large', `the file has ${rows.length} rows (at most ${MAX_ROWS})`);
  return { rows, refusals: read.flatMap((sheet) => sheet.refusals), sheets: read.length };
};
