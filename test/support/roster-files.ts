import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';

/** A staff list as .xlsx bytes: a title line, the header, then the rows (a cell may be `{ formula }`). */
export const rosterXlsx = async (header: readonly string[], rows: readonly (readonly ExcelJS.CellValue[])[]): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.addRow(['DANH SÁCH CÔNG CHỨC']);
  sheet.addRow([...header]);
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

export const rosterCsv = (lines: readonly (readonly string[])[]): Buffer => Buffer.from(`\uFEFF${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`, 'utf8');

/** A zip record: `size` bytes with little-endian fields [offset, width, value]. */
const record = (size: number, fields: readonly (readonly [number, 2 | 4, number])[]): Buffer => {
  const bytes = Buffer.alloc(size);
  for (const [offset, width, value] of fields) (width === 2 ? bytes.writeUInt16LE(value, offset) : bytes.writeUInt32LE(value, offset));
  return bytes;
};

/** A zip with one entry, deflated, as an .xlsx is: with 100 MB of zeros it is a zip bomb of about 100 KB. */
export const zipOf = (name: string, data: Buffer): Buffer => {
  const compressed = deflateRawSync(data, { level: 9 });
  const fileName = Buffer.from(name);
  const crc = crc32(data);
  const local = record(30, [[0, 4, 0x04034b50], [4, 2, 20], [8, 2, 8], [14, 4, crc], [18, 4, compressed.length], [22, 4, data.length], [26, 2, fileName.length]]);
  const central = record(46, [[0, 4, 0x02014b50], [4, 2, 20], [6, 2, 20], [10, 2, 8], [16, 4, crc], [20, 4, compressed.length], [24, 4, data.length], [28, 2, fileName.length]]);
  const directoryAt = local.length + fileName.length + compressed.length;
  const end = record(22, [[0, 4, 0x06054b50], [8, 2, 1], [10, 2, 1], [12, 4, central.length + fileName.length], [16, 4, directoryAt]]);
  return Buffer.concat([local, fileName, compressed, central, fileName, end]);
};
