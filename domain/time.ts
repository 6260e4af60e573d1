/**
 * Wall-clock time in Asia/Ho_Chi_Minh. Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed
 * offset is exact for every date this software handles, and needs no time-zone database in a Lambda bundle.
 */
export type Clock = () => Date;

const OFFSET_MS = 7 * 60 * 60 * 1000;

export interface LocalDate {
  readonly year: number;
  readonly month: number; // 1..12
  readonly day: number;
}

/** The calendar date of an instant in Asia/Ho_Chi_Minh. */
export const vnDate = (instant: Date): LocalDate => {
  const shifted = new Date(instant.getTime() + OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
};

/** The wall-clock hour and minute of an instant in Asia/Ho_Chi_Minh. */
export const vnTimeOfDay = (instant: Date): { readonly hour: number; readonly minute: number } => {
  const shifted = new Date(instant.getTime() + OFFSET_MS);
  return { hour: shifted.getUTCHours(), minute: shifted.getUTCMinutes() };
};

/** The instant at which a local wall-clock time in Asia/Ho_Chi_Minh happens. */
export const vnInstant = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): Date =>
  new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms) - OFFSET_MS);

/** The first instant of the local day after `date` (a deadline "by 30/3" closes at 31/3 00:00:00). */
export const startOfNextVnDay = (date: LocalDate): Date => vnInstant(date.year, date.month, date.day + 1);

/** Parses "YYYY-MM-DD" (already validated by the schema) into a local date. */
export const parseLocalDate = (iso: string): LocalDate => {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day };
};

/** "30/03/2025": the way dates are written on Vietnamese documents. */
export const formatVnDate = (instant: Date): string => {
  const { year, month, day } = vnDate(instant);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
};

/** "2025-12-20": the calendar date of an instant in Asia/Ho_Chi_Minh, as rules and decisions are dated. */
export const vnIsoDate = (instant: Date): string => {
  const { year, month, day } = vnDate(instant);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};
