import type { Problem } from '../api/problem';
import { formatNumber } from '../format';

/**
 * A score as typed: "7,5" (the Vietnamese way) or "7.5". Typed into a text field, never `type=number`: a
 * Vietnamese-locale browser reads "7,5" there as 75. Null when empty, NaN when it is not a number at all.
 */
export const parseScore = (text: string): number | null => {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d+(?:[.,]\d+)?$/.test(trimmed) ? Number(trimmed.replace(',', '.')) : Number.NaN;
};

/** Whether any of these typed scores is not a number: such a form is not sent (the API would only see a guess). */
export const anyUnreadable = (texts: readonly string[]) => texts.some((text) => Number.isNaN(parseScore(text)));

/** Said under the form when a score is unreadable (the criterion concerned says which). */
export const UNREADABLE_SCORES: Problem = { code: 'unreadable-score', title: 'Có điểm không đọc được: sửa ở tiêu chí được đánh dấu (ví dụ 7,5 hoặc 7.5).', status: 400 };

/** What is wrong with one criterion's score: unreadable as typed, or the API's refusal naming this criterion. */
export const scoreIssue = (text: string, code: string, maxScore: number, problem: Problem | null): string | null => {
  if (Number.isNaN(parseScore(text))) return 'Điểm phải là một số, ví dụ 7,5 hoặc 7.5';
  if (problem?.criterion === code) return `${problem.title} (tối đa ${formatNumber(maxScore)} điểm)`;
  return null;
};

/** A score field: decimal keyboard on phones, its issue under it and announced with it. */
export const ScoreField = ({ id, label, value, issue, onInput }: { id: string; label: string; value: string; issue: string | null; onInput: (value: string) => void }) => (
  <label>
    {label}
    <input inputMode="decimal" autocomplete="off" value={value} aria-invalid={issue ? 'true' : undefined} aria-describedby={issue ? `${id}-score-issue` : undefined} onInput={(event) => onInput((event.target as HTMLInputElement).value)} />
    {issue && (
      <small id={`${id}-score-issue`} class="field-issue">
        {issue}
      </small>
    )}
  </label>
);
