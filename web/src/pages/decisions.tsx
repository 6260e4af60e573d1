import { useEffect, useState } from 'preact/hooks';
import { hasRole } from '../auth/session';
import { useApp, usePaths } from '../context';
import { formatDate, formatNumber } from '../format';
import type { ParticipantKind, Proposal, Roster } from '../types';
import { DownloadButton } from '../ui/download-button';
import { useCommand, useResource } from '../ui/hooks';
import { titleLabel } from '../ui/labels';
import { PageTitle } from '../ui/page-title';
import { CommandStatus, Loaded } from '../ui/status';
import { DateInput } from '../ui/date-input';

interface AwardLine {
  readonly title: string;
  readonly recipientKind: ParticipantKind;
  readonly recipientId: string;
  readonly amount?: number | null;
}

interface Decision {
  readonly decisionId: string;
  readonly number: string;
  readonly date: string;
  readonly signer: string;
  readonly signerPosition?: string;
  readonly awards: readonly AwardLine[];
  readonly revoked: { readonly reason: string } | null;
  readonly corrected: boolean;
}

interface CycleAwards {
  readonly decisions: readonly Decision[];
  readonly summary: { readonly titles: readonly { title: string; label: string; count: number; amount: number }[]; readonly awards: number; readonly totalAmount: number };
}

const NEW_LINE: AwardLine = { title: '', recipientKind: 'member', recipientId: '' };

/** What the council passed within the quota, in its closed sessions of the year: where a decision starts from. */
const passedLines = (proposals: readonly Proposal[]): AwardLine[] =>
  proposals.flatMap((proposal) =>
    (proposal.minutes?.outcomes ?? [])
      .filter((outcome) => outcome.passed && outcome.withinQuota)
      .map((outcome) => proposal.nominations[outcome.nomination])
      .map((nomination) => ({ title: nomination.title, recipientKind: nomination.nomineeKind, recipientId: nomination.nomineeId })),
  );

/** Who may receive an award, by kind: the roster's members and departments, by name. */
type Recipients = Record<ParticipantKind, readonly { readonly id: string; readonly name: string }[]>;

const recipientsOf = (members: Roster, departments: Roster): Recipients => ({
  member: (members.members ?? []).map((member) => ({ id: member.memberId, name: member.fullName })),
  department: (departments.departments ?? []).map((department) => ({ id: department.departmentId, name: department.name })),
});

/** The Office records a signed decision: its number, date, signer (position and name) and the awards it grants. */
const DecisionForm = ({ recipients, done }: { recipients: Recipients; done: (decision: Decision) => void }) => {
  const { api, campaign, cycle } = useApp();
  const paths = usePaths();
  const command = useCommand();
  const EMPTY_FIELDS = { decisionId: '', number: '', date: '', signerPosition: '', signer: '', legalBasis: '' };
  const [fields, setFields] = useState(EMPTY_FIELDS);
  const [lines, setLines] = useState<AwardLine[]>([NEW_LINE]);
  // The form starts from the passed tally: a decision grants what the council voted, no more (the API checks too).
  const proposals = useResource<{ proposals: readonly Proposal[] }>(`${paths.cycle}/proposals`);
  const tally = passedLines(proposals.data?.proposals ?? []);
  useEffect(() => {
    if (tally.length) setLines(tally);
  }, [proposals.data]);
  const [saved, setSaved] = useState('');
  const field = (name: keyof typeof fields, label: string, type: 'text' | 'date' = 'text') => (
    <label>
      {label}
      {type === 'date' ? (
        <DateInput value={fields[name]} onChange={(iso) => setFields({ ...fields, [name]: iso })} />
      ) : (
        <input value={fields[name]} onInput={(event) => setFields({ ...fields, [name]: (event.target as HTMLInputElement).value })} />
      )}
    </label>
  );
  const submit = async (event: Event) => {
    event.preventDefault();
    setSaved('');
    const { decisionId, signerPosition, legalBasis, ...rest } = fields;
    // The issuing authority is the organization (the annex names it from the profile); only the signer is typed.
    // A legal basis is sent only when typed: it is what lets an exception through, never a default.
    const body = {
      campaignId: campaign.campaignId,
      year: cycle.year,
      ...rest,
      ...(signerPosition.trim() ? { signerPosition } : {}),
      ...(legalBasis.trim() ? { legalBasis } : {}),
      awards: lines.filter((line) => line.title && line.recipientId),
    };
    const result = await command.run({ decisionId, body }, (options) => api.call<Decision>('PUT', `${paths.org}/decisions/${encodeURIComponent(decisionId)}`, body, options));
    if (result) {
      setSaved(`Đã lưu quyết định ${fields.number}.`);
      setFields(EMPTY_FIELDS);
      setLines(tally.length ? tally : [NEW_LINE]);
      done(result.body);
    }
  };
  const setLine = (index: number, change: Partial<AwardLine>) => setLines(lines.map((line, at) => (at === index ? { ...line, ...change } : line)));
  return (
    <form onSubmit={submit}>
      <h2>Ghi nhận quyết định khen thưởng</h2>
      {tally.length > 0 && <p data-testid="from-tally">Các dòng khen thưởng lấy từ kết quả biểu quyết đã đạt của Hội đồng ({tally.length} đề nghị).</p>}
      <div class="grid">
        {field('decisionId', 'Mã quyết định (trong hệ thống)')}
        {field('number', 'Số quyết định')}
        {field('date', 'Ngày ký', 'date')}
        {field('signerPosition', 'Chức vụ người ký')}
        {field('signer', 'Họ và tên người ký')}
      </div>
      {lines.map((line, index) => (
        <div class="grid" key={index}>
          <label>
            Danh hiệu
            <select value={line.title} onChange={(event) => setLine(index, { title: (event.target as HTMLSelectElement).value })}>
              <option value="">(chọn)</option>
              {campaign.allowedTitles.map((title) => (
                <option key={title.code} value={title.code}>
                  {title.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Đối tượng
            <select value={line.recipientKind} onChange={(event) => setLine(index, { recipientKind: (event.target as HTMLSelectElement).value as ParticipantKind, recipientId: '' })}>
              <option value="member">Cá nhân</option>
              <option value="department">Tập thể</option>
            </select>
          </label>
          <label>
            Người / tập thể được khen
            <select value={line.recipientId} onChange={(event) => setLine(index, { recipientId: (event.target as HTMLSelectElement).value })}>
              <option value="">(chọn)</option>
              {recipients[line.recipientKind].map((recipient) => (
                <option key={recipient.id} value={recipient.id}>
                  {recipient.name}
                </option>
              ))}
            </select>
          </label>
        </div>
      ))}
      {field('legalBasis', 'Căn cứ pháp lý cho trường hợp ngoại lệ (chỉ ghi khi khen thưởng ngoài kết quả biểu quyết, vượt tỷ lệ hoặc chưa đủ tiêu chuẩn)')}
      <div class="actions">
        <button type="button" class="secondary" onClick={() => setLines([...lines, NEW_LINE])}>
          Thêm dòng khen thưởng
        </button>
        <button type="submit" disabled={command.busy || !fields.decisionId}>
          Lưu quyết định
        </button>
      </div>
      <CommandStatus command={command} done={saved} />
    </form>
  );
};

/** The year's award decisions, the totals per title, each decision's annex, and (for the Office) a new decision. */
export const DecisionsPage = () => {
  const { session, campaign, cycle } = useApp();
  const paths = usePaths();
  const awards = useResource<CycleAwards>(`${paths.cycle}/awards`);
  const members = useResource<Roster>(`${paths.org}/members`);
  const departments = useResource<Roster>(`${paths.org}/departments`);
  const recipients = members.data && departments.data ? recipientsOf(members.data, departments.data) : null;
  const nameOf = (award: AwardLine) => recipients?.[award.recipientKind].find((each) => each.id === award.recipientId)?.name ?? award.recipientId;
  // The list is a view the projector keeps: a decision just saved is shown from the API's answer until it is there.
  const [recent, setRecent] = useState<readonly Decision[]>([]);
  return (
    <>
      <PageTitle>Quyết định khen thưởng năm {cycle.year}</PageTitle>
      <Loaded resource={awards}>
        {(data) => (
          <>
            <p>
              Tổng: {data.summary.awards} lượt khen thưởng · {formatNumber(data.summary.totalAmount)} đồng
            </p>
            {data.decisions.length + recent.length === 0 && <p>Chưa có quyết định nào.</p>}
            {[...data.decisions, ...recent.filter((each) => !data.decisions.some((listed) => listed.decisionId === each.decisionId))].map((decision) => (
              <article key={decision.decisionId}>
                <h3>
                  Quyết định số {decision.number} ngày {formatDate(decision.date)} — {[decision.signerPosition, decision.signer].filter(Boolean).join(' ')}
                  {decision.revoked && ' (đã thu hồi)'}
                  {decision.corrected && ' (đã điều chỉnh)'}
                </h3>
                <ul>
                  {decision.awards.map((award, index) => (
                    <li key={index}>
                      {titleLabel(campaign, award.title)}: {nameOf(award)}
                      {award.amount ? ` — ${formatNumber(award.amount)} đồng` : ''}
                    </li>
                  ))}
                </ul>
                <DownloadButton path={`${paths.org}/decisions/${encodeURIComponent(decision.decisionId)}/annex`} label="Tải phụ lục (Word)" />
              </article>
            ))}
          </>
        )}
      </Loaded>
      {hasRole(session, 'office') && recipients && <DecisionForm recipients={recipients} done={(decision) => setRecent([...recent, decision])} />}
    </>
  );
};
