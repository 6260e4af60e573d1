import type { ComponentChildren } from 'preact';
import { type Problem, issueText } from '../api/problem';

/** A read or a write in progress, announced to screen readers; says so when the network made it retry. */
export const Progress = ({ busy, retrying = 0, label = 'Đang tải…' }: { busy: boolean; retrying?: number; label?: string }) => (
  <p class="progress" role="status" aria-live="polite" aria-busy={busy ? 'true' : 'false'}>
    {busy ? (retrying > 0 ? `Mạng chập chờn, đang gửi lại (lần ${retrying})…` : label) : ''}
  </p>
);

/** A decision's line refused because its recipient does not meet the title (recipient-not-eligible), as the API lists it. */
interface IneligibleLine {
  readonly title: string;
  readonly titleLabel: string;
  readonly recipientKind: string;
  readonly recipientId: string;
  readonly recipientName?: string;
  readonly failed: readonly { readonly label: string; readonly pending?: boolean }[];
}

/** An API error in plain Vietnamese, next to the action it concerns; field issues listed by field. */
export const ProblemAlert = ({ problem, fields = {} }: { problem: Problem | null; fields?: Record<string, string> }) => {
  if (!problem) return null;
  const missing = Array.isArray(problem.missing) ? (problem.missing as string[]) : [];
  const ineligible = Array.isArray(problem.ineligible) ? (problem.ineligible as IneligibleLine[]) : [];
  return (
    <div class="problem" role="alert">
      <strong>{problem.title}</strong>
      {missing.length > 0 && <p>Còn thiếu: {missing.map((code) => fields[code] ?? code).join('; ')}</p>}
      {ineligible.length > 0 && (
        <ul data-testid="ineligible">
          {ineligible.map((line) => (
            <li key={`${line.recipientKind}:${line.recipientId}:${line.title}`}>
              {line.titleLabel} — {line.recipientName ?? line.recipientId}: {line.failed.map((condition) => `${condition.label}${condition.pending ? ' (chưa có kết quả cuối cùng)' : ''}`).join('; ')}
            </li>
          ))}
          {typeof problem.ineligibleCount === 'number' && problem.ineligibleCount > ineligible.length && <li>… và {problem.ineligibleCount - ineligible.length} dòng khác</li>}
        </ul>
      )}
      {(problem.errors ?? []).length > 0 && (
        <ul>
          {problem.errors!.map((issue) => (
            <li key={issue.path}>
              {labelOfPath(issue.path, fields)}: {issueText(issue)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};

/** `scores.2.explanation` → the label the page gave that field, else the path itself. */
const labelOfPath = (path: string, fields: Record<string, string>) => fields[path] ?? path;

/** Shown under a field whose value the API refused (aria-describedby points here). */
export const FieldIssue = ({ id, problem, path }: { id: string; problem: Problem | null; path: string }) => {
  const issue = (problem?.errors ?? []).find((each) => each.path === path || each.path.startsWith(`${path}.`));
  return issue ? (
    <small id={id} class="field-issue">
      {issueText(issue)}
    </small>
  ) : null;
};

/** A section that reads one resource: progress while loading, the API's error if it failed, else the content. */
export const Loaded = <T,>({ resource, children }: { resource: { data: T | null; problem: Problem | null; loading: boolean }; children: (data: T) => ComponentChildren }) => (
  <>
    {resource.loading && <Progress busy />}
    <ProblemAlert problem={resource.problem} />
    {resource.data !== null && children(resource.data)}
  </>
);

/** Under a form or button that writes: progress (and retries), the API's refusal, and what was done. */
export const CommandStatus = ({
  command,
  label = 'Đang lưu…',
  done = '',
  fields,
}: {
  command: { busy: boolean; retrying: number; problem: Problem | null };
  label?: string;
  done?: string;
  fields?: Record<string, string>;
}) => (
  <>
    <Progress busy={command.busy} retrying={command.retrying} label={label} />
    <ProblemAlert problem={command.problem} fields={fields} />
    <p role="status" class="saved">
      {done}
    </p>
  </>
);
