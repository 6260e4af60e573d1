import { useState } from 'preact/hooks';
import { hasRole } from '../auth/session';
import { useApp, usePaths } from '../context';
import { formatDate } from '../format';
import type { Initiative, ParticipantKind, Roster } from '../types';
import { useCommand, useResource } from '../ui/hooks';
import { PageTitle } from '../ui/page-title';
import { SelectField } from '../ui/select-field';
import { CommandStatus, FieldIssue, Loaded } from '../ui/status';
import { InitiativeActions } from './initiative-actions';

const STATUS: Record<string, string> = { submitted: 'Đã nộp', 'in-review': 'Đang xem xét', recognized: 'Đã công nhận', rejected: 'Không công nhận' };

const CONTENT = [
  ['title', 'Tên sáng kiến, giải pháp'],
  ['problem', 'Thực trạng, vấn đề cần giải quyết'],
  ['solution', 'Nội dung giải pháp'],
  ['results', 'Hiệu quả đạt được'],
  ['scope', 'Phạm vi áp dụng'],
] as const;
type ContentField = (typeof CONTENT)[number][0];
const EMPTY = Object.fromEntries(CONTENT.map(([key]) => [key, ''])) as Record<ContentField, string>;

/** A civil servant (or a head, for its department) submits an initiative of the year. */
const SubmitForm = ({ done }: { done: () => void }) => {
  const { api, session, cycle } = useApp();
  const paths = usePaths();
  const command = useCommand();
  const [content, setContent] = useState(EMPTY);
  const [authorKind, setAuthorKind] = useState<ParticipantKind>('member');
  const [saved, setSaved] = useState('');
  const head = hasRole(session, 'head') && session.department;
  const submit = async (event: Event) => {
    event.preventDefault();
    setSaved('');
    const authorId = authorKind === 'department' ? session.department! : session.member!;
    const body = { authorKind, authorId, ...content };
    // A new record each time: its id is the console's to choose (a slug), the title says what it is.
    const initiativeId = `sk-${cycle.year}-${crypto.randomUUID().slice(0, 8)}`;
    if (await command.run(body, (options) => api.call('PUT', `${paths.cycle}/initiatives/${initiativeId}`, body, options))) {
      setSaved(`Đã nộp sáng kiến “${content.title}”.`);
      setContent(EMPTY);
      done();
    }
  };
  return (
    <form onSubmit={submit}>
      <h2>Nộp sáng kiến, giải pháp</h2>
      {head && (
        <SelectField label="Tác giả" value={authorKind} onChange={(value) => setAuthorKind(value as ParticipantKind)} options={[{ value: 'member', label: 'Cá nhân tôi' }, { value: 'department', label: 'Tập thể phòng' }]} />
      )}
      {CONTENT.map(([key, label]) => (
        <label key={key}>
          {label}
          {key === 'title' ? (
            <input value={content[key]} aria-describedby={`initiative-${key}-issue`} onInput={(event) => setContent({ ...content, [key]: (event.target as HTMLInputElement).value })} />
          ) : (
            <textarea rows={2} value={content[key]} aria-describedby={`initiative-${key}-issue`} onInput={(event) => setContent({ ...content, [key]: (event.target as HTMLTextAreaElement).value })} />
          )}
          <FieldIssue id={`initiative-${key}-issue`} problem={command.problem} path={key} />
        </label>
      ))}
      <button type="submit" disabled={command.busy}>
        Nộp sáng kiến
      </button>
      <CommandStatus command={command} done={saved} fields={Object.fromEntries(CONTENT)} />
    </form>
  );
};

/** The year's initiatives: each with its author and state; the Office moves them on, civil servants and heads submit. */
export const InitiativesPage = () => {
  const { session, cycle } = useApp();
  const paths = usePaths();
  const list = useResource<{ initiatives: readonly Initiative[] }>(`${paths.cycle}/initiatives`);
  const office = hasRole(session, 'office');
  // The list is a view the projector keeps; after an action the command's own answer is the newer state.
  const [updated, setUpdated] = useState<Record<string, Initiative>>({});
  // Names from the roster where the role may read it; a civil servant's own initiatives are its own.
  const roster = useResource<Roster>(hasRole(session, 'office', 'leader', 'head') ? `${paths.org}/members` : null);
  const departments = useResource<Roster>(hasRole(session, 'office', 'leader', 'head') ? `${paths.org}/departments` : null);
  const authorName = (author: Initiative['author']) =>
    author.kind === 'member'
      ? (roster.data?.members?.find((member) => member.memberId === author.id)?.fullName ?? (author.id === session.member ? session.name : 'Cá nhân'))
      : (departments.data?.departments?.find((department) => department.departmentId === author.id)?.name ?? 'Tập thể phòng');
  return (
    <>
      <PageTitle>Sáng kiến, giải pháp năm {cycle.year}</PageTitle>
      <button type="button" class="secondary outline small" onClick={list.reload}>
        Tải lại
      </button>
      <Loaded resource={list}>
        {(data) =>
          data.initiatives.length === 0 ? (
            <p>Chưa có sáng kiến nào trong năm.</p>
          ) : (
            data.initiatives.map((listed) => updated[listed.initiativeId] ?? listed).map((initiative) => (
              <article key={initiative.initiativeId} data-testid="initiative">
                <h2>{initiative.title}</h2>
                <p>
                  Tác giả: {authorName(initiative.author)} · Phạm vi: {initiative.scope} · Trạng thái: <strong>{STATUS[initiative.status] ?? initiative.status}</strong>
                  {initiative.recognition && ` (Quyết định số ${initiative.recognition.decisionNumber} ngày ${formatDate(initiative.recognition.decisionDate)})`}
                  {initiative.rejection && ` — Lý do: ${initiative.rejection}`}
                  {initiative.proposedUpward && ' · Đã đề nghị cấp trên công nhận'}
                </p>
                {office && <InitiativeActions initiative={initiative} done={(record) => setUpdated({ ...updated, [record.initiativeId]: record })} />}
              </article>
            ))
          )
        }
      </Loaded>
      {session.member && <SubmitForm done={list.reload} />}
    </>
  );
};
