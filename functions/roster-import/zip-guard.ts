import { HttpProblem } from '../http/problem';

/** What an .xlsx of the largest roster we accept unpacks to, with room: a 5,000-row sheet is about 2 MB of XML. */
export const MAX_UNZIPPED_BYTES = 20 * 1024 * 1024;
const MAX_ENTRIES = 500;

/**
 * Reads a zip's central directory (never inflating anything) and refuses it when it would unpack to more than
 * MAX_UNZIPPED_BYTES, has too many parts, or is zip64 (sizes we cannot read here): a zip bomb disguised as .xlsx
 * is refused before exceljs opens it.
 */
export const guardZip = (bytes: Buffer): void => {
  const tooLarge = (detail: string) => new HttpProblem('spreadsheet-too-large', detail);
  const notZip = () => new HttpProblem('not-a-spreadsheet', 'the file is not a readable .xlsx (its zip directory is missing or damaged)');
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
    if (bytes.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw notZip();
  const entries = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  if (entries === 0xffff || at === 0xffffffff) throw tooLarge('zip64 archives are not accepted');
  if (entries > MAX_ENTRIES) throw tooLarge(`the archive has ${entries} parts (at most ${MAX_ENTRIES})`);
  let total = 0;
  for (let index = 0; index < entries; index += 1) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) throw notZip();
    const unzipped = bytes.readUInt32LE(at + 24);
    if (unzipped === 0xffffffff) throw tooLarge('zip64 archives are not accepted');
    total += unzipped;
    if (total > MAX_UNZIPPED_BYTES) throw tooLarge(`the file unpacks to more than ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB`);
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
};
