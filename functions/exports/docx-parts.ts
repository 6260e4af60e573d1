/**
 * Building blocks of a Vietnamese administrative document (Decree 30/2020/NĐ-CP, appendix I) as docx
 * elements: the two-column header (issuing body and số/ký hiệu on the left; quốc hiệu, tiêu ngữ and the
 * place-and-date line on the right), the title, body paragraphs, bordered tables, and the closing block
 * (nơi nhận on the left, the signature on the right), or two signatures side by side. Minutes, annexes and
 * reports compose them.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type FileChild,
  type ITableCellBorders,
} from 'docx';
import { nfc, vnPlaceDateLine } from './format';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';

const FONT = 'Times New Roman';
/** Sizes in half-points: the body is 13-14 pt, the header lines 12-13 pt. */
const BODY_SIZE = 26;
const HEADER_SIZE = 24;
/** A4 text width with the decree's margins (left 30 mm, right 15 mm), in twentieths of a point. */
const TEXT_WIDTH = 9070;

const NO_BORDERS: ITableCellBorders = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

interface LineStyle {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly underline?: boolean;
  readonly size?: number;
  readonly align?: (typeof AlignmentType)[keyof typeof AlignmentType];
}

const line = (text: string, style: LineStyle = {}): Paragraph =>
  new Paragraph({
    alignment: style.align ?? AlignmentType.CENTER,
    children: [
      new TextRun({
        text: nfc(text),
        bold: style.bold,
        italics: style.italics,
        underline: style.underline ? {} : undefined,
        size: style.size,
      }),
    ],
  });

type Block = Paragraph | Table;

/** A borderless two-column layout row, as the header and the closing block are set. */
const layout = (left: readonly Block[], right: readonly Block[], leftShare = 0.4): Table => {
  const leftWidth = Math.round(TEXT_WIDTH * leftShare);
  const cell = (children: readonly Block[], width: number) =>
    new TableCell({ children: [...children], borders: NO_BORDERS, width: { size: width, type: WidthType.DXA } });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, TEXT_WIDTH - leftWidth],
    borders: { ...NO_BORDERS, insideHorizontal: NO_BORDERS.top, insideVertical: NO_BORDERS.top },
    rows: [new TableRow({ children: [cell(left, leftWidth), cell(right, TEXT_WIDTH - leftWidth)] })],
  });
};

export interface DocumentHeaderInput {
  /** The governing body above the issuer, e.g. "UBND TỈNH AN GIANG"; omitted when there is none. */
  readonly parentBody?: string;
  /** The issuing body, e.g. "BAN QUẢN LÝ KHU KINH TẾ PHÚ QUỐC" (set in capitals). */
  readonly issuer: string;
  /** Số/ký hiệu without the "Số:" prefix, e.g. "12/BB-HĐTĐKT"; blank leaves room to fill in by hand. */
  readonly number?: string;
  /** The place on the date line, e.g. "Phú Quốc". */
  readonly place: string;
  /** The document's date (an instant is read in Asia/Ho_Chi_Minh). */
  readonly date: Date | { readonly year: number; readonly month: number; readonly day: number };
}

/** The issuing body, its superior body above it (Decree 30: the direct one only). */
const issuerLines = (input: Pick<DocumentHeaderInput, 'parentBody' | 'issuer'>): Paragraph[] => [
  ...(input.parentBody ? [line(input.parentBody.toLocaleUpperCase('vi'), { size: HEADER_SIZE })] : []),
  line(input.issuer.toLocaleUpperCase('vi'), { bold: true, size: HEADER_SIZE, underline: true }),
];

const nationLines = (): Paragraph[] => [line(QUOC_HIEU, { bold: true, size: HEADER_SIZE }), line(TIEU_NGU, { bold: true, size: BODY_SIZE, underline: true })];

/**
 * The header: issuer and "Số: …" on the left; quốc hiệu, tiêu ngữ (underlined) and
 * "Phú Quốc, ngày dd tháng mm năm yyyy" (italic) on the right.
 */
export const documentHeader = (input: DocumentHeaderInput): Table =>
  layout(
    [...issuerLines(input), line(`Số: ${input.number?.trim() || '      /      '}`, { size: BODY_SIZE })],
    [...nationLines(), line(vnPlaceDateLine(input.place, input.date), { italics: true, size: BODY_SIZE })],
  );

/**
 * The header of an annex sent as a file of its own: who issued it and the quốc hiệu. No number nor date line: they
 * are the document's it is attached to, named under the annex's title.
 */
export const annexHeader = (input: Pick<DocumentHeaderInput, 'parentBody' | 'issuer'>): Table => layout(issuerLines(input), nationLines());

/** The document's name in capitals, bold, centered ("BIÊN BẢN"), with its subject lines below it. */
export const documentTitle = (title: string, ...subject: readonly string[]): Paragraph[] => [
  new Paragraph({ spacing: { before: 360 }, children: [] }),
  line(title.toLocaleUpperCase('vi'), { bold: true, size: 28 }),
  ...subject.map((text) => line(text, { bold: true })),
  new Paragraph({ children: [] }),
];

/** A centered line ("(Kèm theo Quyết định số …)"). */
export const centeredText = (text: string, style: Omit<LineStyle, 'align'> = {}): Paragraph => line(text, style);

/** A body paragraph, justified. */
export const bodyText = (text: string, style: Omit<LineStyle, 'align'> = {}): Paragraph =>
  line(text, { ...style, align: AlignmentType.JUSTIFIED });

/** A section heading inside the body ("I. THÀNH PHẦN THAM DỰ"). */
export const sectionHeading = (text: string): Paragraph =>
  new Paragraph({
    spacing: { before: 200, after: 100 },
    children: [new TextRun({ text: nfc(text), bold: true })],
  });

export interface TableColumn {
  readonly header: string;
  /** Relative width (the columns share the text width in proportion). */
  readonly weight?: number;
  readonly align?: 'left' | 'center' | 'right';
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/**
 * A word's width in twentieths of a point at the tables' 12 pt, from Times New Roman's (and Liberation Serif's)
 * bold advance widths, rounded up: capitals and a few wide glyphs about 0.75 em, other letters and digits 0.56 em,
 * punctuation 0.4 em. Vietnamese marks sit above or below a letter and add no width.
 */
const EM = (HEADER_SIZE / 2) * 20;
const glyphEm = (char: string) => (/[%mwMW]/.test(char) ? 0.95 : /\p{Lu}/u.test(char) ? 0.75 : /[\p{Ll}\p{N}]/u.test(char) ? 0.56 : 0.4);
const wordWidth = (word: string) => Math.ceil([...word.normalize('NFC')].reduce((sum, char) => sum + glyphEm(char), 0) * EM);
/** A cell's left and right margins (Word's default 0.08 inch each), and a little slack for justification. */
const CELL_PADDING = 2 * 115 + 40;

/**
 * Column widths that never split a word: each column is at least as wide as its longest word (header included),
 * and the rest of the text width goes to the columns by weight. Only when even the longest words do not fit side
 * by side are the columns shared by weight alone.
 */
const columnWidths = (columns: readonly TableColumn[], texts: readonly (readonly string[])[]): number[] => {
  const least = columns.map((_, index) => CELL_PADDING + Math.max(0, ...texts.flatMap((row) => (row[index] ?? '').split(/\s+/).map(wordWidth))));
  const weights = columns.map((column) => column.weight ?? 1);
  const byWeight = (width: number, shares: readonly number[]) => shares.map((share) => (width * share) / shares.reduce((sum, each) => sum + each, 0));
  if (least.reduce((sum, each) => sum + each, 0) > TEXT_WIDTH) return byWeight(TEXT_WIDTH, weights).map(Math.floor);
  // Columns whose share by weight is below their least width get that width; the others share what is left.
  const fixed = new Set<number>();
  for (;;) {
    const free = columns.map((_, index) => index).filter((index) => !fixed.has(index));
    const left = TEXT_WIDTH - [...fixed].reduce((sum, index) => sum + least[index], 0);
    const shares = byWeight(left, free.map((index) => weights[index]));
    const under = free.filter((index, at) => shares[at] < least[index]);
    if (under.length === 0) {
      const widths = [...least];
      free.forEach((index, at) => (widths[index] = shares[at]));
      return widths.map(Math.floor);
    }
    under.forEach((index) => fixed.add(index));
  }
};

/**
 * A bordered table: a bold header row repeated on every page, then the rows as text (format figures with
 * format.ts first), and optional bold footer rows (totals).
 */
export const dataTable = (
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
  footer: readonly (readonly string[])[] = [],
): Table => {
  const widths = columnWidths(columns, [columns.map((column) => column.header), ...rows, ...footer]);
  const cell = (text: string, index: number, bold: boolean, align: 'left' | 'center' | 'right') =>
    new TableCell({
      width: { size: widths[index], type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      children: [
        new Paragraph({ alignment: ALIGN[align], children: [new TextRun({ text: nfc(text), bold, size: HEADER_SIZE })] }),
      ],
    });
  const row = (values: readonly string[], bold: boolean) =>
    new TableRow({
      children: columns.map((column, index) => cell(values[index] ?? '', index, bold, column.align ?? 'left')),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        children: columns.map((column, index) => cell(column.header, index, true, 'center')),
      }),
      ...rows.map((values) => row(values, false)),
      ...footer.map((values) => row(values, true)),
    ],
  });
};

export interface Signer {
  /** Who signs on behalf of whom, when it is not the head himself: "KT. TRƯỞNG BAN", "TM. HỘI ĐỒNG". */
  readonly authority?: string;
  /** The signer's position: "TRƯỞNG BAN", "CHỦ TỊCH HỘI ĐỒNG", "THƯ KÝ"; empty where none was recorded. */
  readonly position: string;
  readonly name: string;
}

const signature = (signer: Signer): Paragraph[] => [
  ...(signer.authority ? [line(signer.authority.toLocaleUpperCase('vi'), { bold: true })] : []),
  ...(signer.position ? [line(signer.position.toLocaleUpperCase('vi'), { bold: true })] : []),
  line('(Ký, ghi rõ họ tên)', { italics: true, size: 22 }),
  new Paragraph({ spacing: { before: 1200 }, children: [] }),
  line(signer.name, { bold: true }),
];

/** Signatures side by side, as minutes are signed (the secretary on the left, who presided on the right). */
export const signatureRow = (signers: readonly [Signer, Signer]): Table => layout(signature(signers[0]), signature(signers[1]), 0.5);

/** One signature on the right of the page, as a document that is not sent (an annex) is signed. */
export const signatureBlock = (signer: Signer): Table => layout([], signature(signer), 0.5);

/**
 * The closing block of a document that is sent: "Nơi nhận:" with one "- recipient;" per line and "- Lưu: VT."
 * last (the decree's archive line) on the left; the signature (authority, position, room to sign, name) on the right
 * (two signers side by side).
 */
export const closingBlock = (recipients: readonly string[], signers: readonly Signer[]): Table => {
  const left = [
    line('Nơi nhận:', { bold: true, italics: true, size: HEADER_SIZE, align: AlignmentType.LEFT }),
    ...[...recipients, 'Lưu: VT'].map((recipient, index, all) =>
      line(`- ${recipient}${index === all.length - 1 ? '.' : ';'}`, { size: 22, align: AlignmentType.LEFT }),
    ),
  ];
  const right = signers.length === 2 ? [signatureRow([signers[0], signers[1]])] : signers.flatMap(signature);
  return layout(left, right, 0.45);
};

/** A4 portrait, Times New Roman 13 pt, the decree's margins (top/bottom 20 mm, left 30 mm, right 15 mm). */
export const buildDocx = async (children: readonly FileChild[]): Promise<Uint8Array> => {
  const mm = (value: number) => Math.round((value * 1440) / 25.4);
  const document = new Document({
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) },
          },
        },
        children: [...children],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
};
