/**
 * Spreadsheet building blocks: a titled table sheet, Excel's sheet-name rules, the workbook as bytes, and CSV
 * as Excel reads it (UTF-8 with a byte-order mark, or Vietnamese turns into mojibake).
 */
import ExcelJS from 'exceljs';
import { nfc } from './format';
import { neutralizeFormula } from './formula-guard';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/** A cell: text, or a number Excel can sum and sort (shown with the reader's own separators: 1.234,5 in vi-VN). */
export type Cell = string | number | null;

export interface SheetColumn {
  readonly header: string;
  /** Width in characters. */
  readonly width: number;
  /** For number columns: how many decimals at most ("#,##0.##"). */
  readonly decimals?: number;
}

export interface TableSheet {
  readonly name: string;
  /** Lines above the table: the title first (bold), then context (department, campaign, "tạm tính"…). */
  readonly title: readonly string[];
  readonly columns: readonly SheetColumn[];
  /** Data rows; a row given as `{ section }` is a bold separator line ("I. Tập thể"). */
  readonly rows: readonly (readonly Cell[] | { readonly section: string })[];
  /** Lines below the table (totals, notes). */
  readonly notes?: readonly string[];
}

const MAX_SHEET_NAME = 31;

/** The longest prefix within `limit` UTF-16 units (as Excel counts) that does not split a surrogate pair. */
const cutTo = (text: string, limit: number): string => {
  let cut = '';
  for (const character of text) {
    if (cut.length + character.length > limit) break;
    cut += character;
  }
  return cut;
};

/** The customary short forms of unit names ("P. QL Doanh nghiệp và Lao động"), tried before anything is cut. */
const SHORT_FORMS: readonly (readonly [RegExp, string])[] = [
  [/^Phòng\s/u, 'P. '],
  [/Quản lý/gu, 'QL'],
];

/**
 * At most `limit` characters, cut between words, never inside one: the customary short forms first, then whole
 * words while they fit, without a dangling "và" or dash at the end. A very long word is cut as it must be.
 */
const shorten = (text: string, limit: number): string => {
  if (text.length <= limit) return text;
  const short = SHORT_FORMS.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
  if (short.length <= limit) return short;
  let kept = '';
  for (const word of short.split(' ')) {
    const next = kept ? `${kept} ${word}` : word;
    if (next.length > limit) break;
    kept = next;
  }
  kept = kept.replace(/[,;]$/u, '').replace(/(\s+(và|-|–))+$/u, '');
  // Words that leave most of the room unused (one very long word): cut by characters after all.
  return kept.length >= limit / 2 ? kept : cutTo(short, limit);
};

/**
 * A sheet name Excel accepts: none of : \ / ? * [ ], no leading or trailing apostrophe, at most 31 characters
 * (shortened between words, see shorten),
 * not "History" (reserved), unique in the workbook ignoring case (a suffix " (2)" where two names collide).
 */
export const sheetName = (wanted: string, taken: ReadonlySet<string>): string => {
  const cleaned = nfc(wanted).replace(/[:\\/?*[\]\u0000-\u001f]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '');
  const base = cleaned === '' || cleaned.toLowerCase() === 'history' ? `Sheet ${taken.size + 1}` : cleaned;
  const lowerTaken = new Set([...taken].map((name) => name.toLowerCase()));
  for (let attempt = 1; ; attempt += 1) {
    const suffix = attempt === 1 ? '' : ` (${attempt})`;
    const candidate = shorten(base, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
    if (!lowerTaken.has(candidate.toLowerCase())) return candidate;
  }
};

const cellValue = (cell: Cell) => (typeof cell === 'string' ? nfc(cell) : cell);

/** Adds a sheet: title lines, a bold frozen header row, the rows with borders, then the notes. */
export const addTableSheet = (workbook: ExcelJS.Workbook, sheet: TableSheet): ExcelJS.Worksheet => {
  const taken = new Set(workbook.worksheets.map((each) => each.name));
  const worksheet = workbook.addWorksheet(sheetName(sheet.name, taken));
  const width = sheet.columns.length;
  sheet.title.forEach((text, index) => {
    const row = worksheet.addRow([nfc(text)]);
    row.font = { bold: index === 0, size: index === 0 ? 14 : 11 };
    worksheet.mergeCells(row.number, 1, row.number, width);
    row.alignment = { horizontal: 'center', wrapText: true };
  });
  worksheet.addRow([]);
  const header = worksheet.addRow(sheet.columns.map((column) => nfc(column.header)));
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  worksheet.views = [{ state: 'frozen', ySplit: header.number }];
  sheet.columns.forEach((column, index) => {
    const excelColumn = worksheet.getColumn(index + 1);
    excelColumn.width = column.width;
    if (column.decimals !== undefined) excelColumn.numFmt = column.decimals === 0 ? '#,##0' : `#,##0.${'#'.repeat(column.decimals)}`;
  });
  const border = { style: 'thin' } as const;
  const framed = (row: ExcelJS.Row) => {
    for (let column = 1; column <= width; column += 1) row.getCell(column).border = { top: border, bottom: border, left: border, right: border };
  };
  framed(header);
  for (const data of sheet.rows) {
    if ('section' in data) {
      const row = worksheet.addRow([nfc(data.section)]);
      row.font = { bold: true };
      worksheet.mergeCells(row.number, 1, row.number, width);
      framed(row);
    } else {
      const row = worksheet.addRow(data.map(cellValue));
      row.alignment = { vertical: 'top', wrapText: true };
      framed(row);
    }
  }
  if (sheet.notes?.length) worksheet.addRow([]);
  for (const note of sheet.notes ?? []) worksheet.addRow([nfc(note)]);
  return worksheet;
};

export const xlsxBytes = async (workbook: ExcelJS.Workbook): Promise<Uint8Array> => new Uint8Array(await workbook.xlsx.writeBuffer());

export const newWorkbook = (): ExcelJS.Workbook => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'thidua';
  // Fixed, so the same data always gives the same file (a timestamp would differ on every download).
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  return workbook;
};

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; a formula-like text is neutralized. */
const csvField = (cell: Cell) => {
  const text = cell === null ? '' : typeof cell === 'number' ? String(cell) : neutralizeFormula(nfc(cell));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** CSV as Excel opens it with Vietnamese intact: UTF-8 with a BOM, CRLF line ends. */
export const csvBytes = (header: readonly string[], rows: readonly (readonly Cell[])[]): Uint8Array =>
  new TextEncoder().encode(`\uFEFF${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`);
