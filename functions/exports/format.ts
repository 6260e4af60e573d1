/**
 * How figures, dates and text are written in exported documents: the Vietnamese way, by hand rather than
 * through Intl, so the output does not depend on which ICU data a Lambda runtime ships with.
 */
import { formatVnDate, parseLocalDate, vnDate, vnTimeOfDay, type LocalDate } from '../../domain/time';
import { BIDI_CONTROLS, INVISIBLES } from '../../events/text';

export { formatVnDate };

/** Every text that goes into a file is NFC: names typed on a Mac arrive decomposed. */
export const nfc = (text: string): string => text.normalize('NFC');

/**
 * "1.234.567", "92,5", "-3,25": dots group thousands, a comma marks decimals; at most `maxFractionDigits`
 * decimals (rounded half away from zero), trailing zeros dropped.
 */
export const formatVnNumber = (value: number, maxFractionDigits = 2): string => {
  if (!Number.isFinite(value)) return '';
  const factor = 10 ** maxFractionDigits;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  const [whole, fraction = ''] = rounded.toFixed(maxFractionDigits).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const decimals = fraction.replace(/0+$/, '');
  const sign = value < 0 && rounded !== 0 ? '-' : '';
  return `${sign}${grouped}${decimals ? `,${decimals}` : ''}`;
};

/** A whole amount of đồng: "2.340.000". */
export const formatVnd = (amount: number): string => formatVnNumber(amount, 0);

/** "92,5%". */
export const formatVnPercent = (value: number, maxFractionDigits = 2): string =>
  `${formatVnNumber(value, maxFractionDigits)}%`;

/** "30/03/2026" from a calendar date "2026-03-30" (as decisions are dated). */
export const formatVnIsoDate = (iso: string): string => {
  const { year, month, day } = parseLocalDate(iso);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
};

/** "30/03/2026" from an instant, an ISO timestamp or a calendar date; '' for none. */
export const formatAnyVnDate = (value: string | Date | undefined): string => {
  if (value === undefined || value === '') return '';
  if (value instanceof Date) return formatVnDate(value);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatVnIsoDate(value) : formatVnDate(new Date(value));
};

/**
 * The place-and-date line of an administrative document: "Phú Quốc, ngày 05 tháng 01 năm 2026".
 * Decree 30/2020/NĐ-CP (appendix I): a day below 10 and the months 1 and 2 take a leading zero, other months
 * do not ("ngày 15 tháng 3"), so the date cannot be misread or altered by writing a digit in front.
 */
/** "09 giờ 30 phút" in Asia/Ho_Chi_Minh, as minutes give the time of a meeting. */
export const formatVnTime = (instant: Date): string => {
  const { hour, minute } = vnTimeOfDay(instant);
  return `${String(hour).padStart(2, '0')} giờ ${String(minute).padStart(2, '0')} phút`;
};

export const vnPlaceDateLine = (place: string, date: LocalDate | Date): string => {
  const { year, month, day } = date instanceof Date ? vnDate(date) : date;
  const dd = String(day).padStart(2, '0');
  const mm = month <= 2 ? String(month).padStart(2, '0') : String(month);
  return nfc(`${place}, ngày ${dd} tháng ${mm} năm ${year}`);
};

/**
 * A file name that works on every system: no / \ : * ? " < > | or control characters, NFC, at most 150
 * characters before the extension (the full Vietnamese name goes out as RFC 6266 filename*). Bidirectional controls
 * and invisible characters are dropped: after U+202E the rest shows reversed, so "a\u202Excod.exe" reads "aexe.docx".
 */
export const exportFileName = (stem: string, extension: string): string => {
  const visible = nfc(stem).replace(BIDI_CONTROLS, '').replace(INVISIBLES, '');
  const cleaned = visible.replace(/[/\\:*?"<>|\u0000-\u001f]/g, '-').replace(/\s+/g, ' ').trim();
  return `${[...cleaned].slice(0, 150).join('').trimEnd()}.${extension}`;
};
