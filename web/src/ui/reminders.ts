/** What POST …/reminders answers: who was reminded now, and who not (already today, or already done). */
export interface RemindOutcome {
  readonly reminded?: readonly { readonly participantId: string }[];
  readonly skipped?: readonly { readonly participantId: string; readonly reason: string }[];
}

const SKIP_TEXT: Record<string, string> = { 'already-reminded': 'đã được nhắc hôm nay', 'already-acted': 'đã thực hiện' };

/** The outcome in a sentence, by name. */
export const remindOutcomeText = ({ reminded = [], skipped = [] }: RemindOutcome, nameOf: (id: string) => string) =>
  [
    reminded.length ? `Đã gửi nhắc nhở: ${reminded.map((each) => nameOf(each.participantId)).join(', ')}.` : 'Không có ai cần nhắc thêm.',
    skipped.length ? `Không nhắc lại: ${skipped.map((each) => `${nameOf(each.participantId)} (${SKIP_TEXT[each.reason] ?? each.reason})`).join(', ')}.` : '',
  ].join(' ');
