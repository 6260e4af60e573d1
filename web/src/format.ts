/** Dates and numbers as a Vietnamese reader expects them, in Asia/Ho_Chi_Minh whatever the device's zone. */
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateTime = new Intl.DateTimeFormat('vi-VN', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const dateOnly = new Intl.DateTimeFormat('vi-VN', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const yearOnly = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, year: 'numeric' });
const number = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** The year an instant falls in, in Việt Nam (the first hours of 1 January are already the new year there). */
export const vnYear = (date: Date) => Number(yearOnly.format(date));

/** The day an instant falls on in Việt Nam, as an ISO date (yyyy-mm-dd): what a date field holds. */
export const vnIsoDate = (date: Date) => isoDay.format(date);

/** dd/mm/yyyy HH:mm in Việt Nam: put together from parts, as vi-VN alone puts the time first. */
export const formatStamp = (iso: string) => {
  const part = Object.fromEntries(dateTime.formatToParts(new Date(iso)).map(({ type, value }) => [type, value]));
  return `${part.day}/${part.month}/${part.year} ${part.hour}:${part.minute}`;
};
export const formatDateTime = (iso: string | null | undefined) => (iso ? `${formatStamp(iso)} (giờ Việt Nam)` : '—');
/**
 * A deadline as its last valid minute: the API gives the first instant that is too late (11/12 00:00 for "by
 * 10/12"), or the last valid millisecond (registration); either reads "10/12/2026 23:59".
 */
export const formatDeadline = (iso: string | null | undefined) => (iso ? formatDateTime(new Date(new Date(iso).getTime() - 1).toISOString()) : '—');
export const formatDate = (iso: string | null | undefined) => (iso ? dateOnly.format(new Date(iso)) : '—');
export const formatNumber = (value: number | null | undefined) => (value === null || value === undefined ? '—' : number.format(value));
export const formatPercent = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${number.format(value)}%`);

/** "3 ngày 4 giờ 5 phút" until an instant; empty once it has passed. */
export const formatRemaining = (ms: number) => {
  if (ms <= 0) return '';
  const minutes = Math.floor(ms / 60_000);
  const [days, hours, mins] = [Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60), minutes % 60];
  const seconds = Math.floor((ms % 60_000) / 1000);
  return [days && `${days} ngày`, (days || hours) && `${hours} giờ`, `${mins} phút`, !days && `${seconds} giây`].filter(Boolean).join(' ');
};
