import type { Deadline } from '../../events/reminder';
import { formatVnDate, parseLocalDate, vnInstant } from '../time';
import { daysBetween } from './deadlines';

/** One thing a recipient has yet to do: its own record, its department's, or a sheet it has to appraise. */
export type OutstandingItem =
  | { readonly kind: 'own' }
  | { readonly kind: 'department'; readonly name: string }
  | { readonly kind: 'appraisal'; readonly name: string };

export interface ReminderText {
  readonly subject: string;
  readonly text: string;
}

const TASKS: Record<Deadline, { readonly task: string; readonly record: string }> = {
  registration: { task: 'đăng ký thi đua', record: 'bản đăng ký thi đua' },
  'self-assessment': { task: 'tự đánh giá, chấm điểm', record: 'bản tự chấm điểm' },
  appraisal: { task: 'thẩm định kết quả tự chấm điểm', record: 'ý kiến thẩm định' },
};

/** "30/03/2026" from "2026-03-30". */
const vnDay = (iso: string) => {
  const { year, month, day } = parseLocalDate(iso);
  return formatVnDate(vnInstant(year, month, day));
};

/** Its own record first, then its department's, then the sheets it appraises. */
const ORDER: Record<OutstandingItem['kind'], number> = { own: 0, department: 1, appraisal: 2 };

const line = (deadline: Deadline, item: OutstandingItem) => {
  const { record } = TASKS[deadline];
  if (item.kind === 'own') return `${record} của cá nhân ông/bà`;
  if (item.kind === 'department') return `${record} của tập thể ${item.name}`;
  return `${record} đối với bản tự chấm điểm của ${item.name}`;
};

/**
 * The reminder a civil servant reads (Vietnamese, dates as dd/mm/yyyy, NFC): the deadline, how long is left, and
 * what the system has not received from it or from its department.
 */
export const reminderText = (input: {
  readonly deadline: Deadline;
  readonly dueDate: string;
  readonly day: string;
  readonly year: number;
  readonly campaignTitle: string;
  readonly recipientName: string;
  readonly items: readonly OutstandingItem[];
}): ReminderText => {
  const { task } = TASKS[input.deadline];
  const left = daysBetween(input.day, input.dueDate);
  const subject = `Nhắc việc: hạn ${task} năm ${input.year} là ${vnDay(input.dueDate)}`;
  const text = [
    `Kính gửi ông/bà ${input.recipientName},`,
    '',
    `Hạn ${task} năm ${input.year} của phong trào "${input.campaignTitle}" là ngày ${vnDay(input.dueDate)} (${left > 0 ? `còn ${left} ngày` : 'hôm nay là ngày cuối'}).`,
    `Đến ngày ${vnDay(input.day)}, hệ thống chưa ghi nhận:`,
    ...[...input.items].sort((a, b) => ORDER[a.kind] - ORDER[b.kind]).map((item) => `- ${line(input.deadline, item)};`),
    '',
    'Đề nghị ông/bà hoàn thành đúng hạn. Trân trọng.',
    'Văn phòng',
  ].join('\n');
  return { subject: subject.normalize('NFC'), text: text.normalize('NFC') };
};
