import { useState } from 'preact/hooks';
import { hasRole } from '../auth/session';
import { useApp, usePaths } from '../context';
import { formatNumber, formatPercent } from '../format';
import { linkProps, useLocation } from '../router';
import type { ParticipantKind, Roster, Sheet } from '../types';
import { scoredItems } from '../ui/criteria';
import { DownloadButton } from '../ui/download-button';
import { useCommand, useResource } from '../ui/hooks';
import { SHEET_STATUS } from '../ui/labels';
import { MemberCheckboxes } from '../ui/member-checkboxes';
import { PageTitle } from '../ui/page-title';
import { ScoreField, UNREADABLE_SCORES, anyUnreadable, parseScore, scoreIssue } from '../ui/score';
import { CommandStatus, Loaded } from '../ui/status';
import { EvidenceLinks } from './evidence-files';
import { FindingsEvidence } from './findings-evidence';
import { historyPath } from './history-link';

/** The self-scores as submitted, criterion by criterion, with the appraisals the caller may see. */
const SheetTable = ({ sheet }: { sheet: Sheet }) => {
  const { campaign } = useApp();
  const scores = new Map((sheet.selfAssessment?.scores ?? []).map((score) => [score.criterion, score]));
  return (
    <div class="table-scroll">
      <table class="striped">
        <thead>
          <tr>
            <th scope="col">Tiêu chí</th>
            <th scope="col">Tối đa</th>
            <th scope="col">Tự chấm</th>
            <th scope="col">Kiểm chứng / giải trình</th>
            {sheet.appraisals.map((appraisal) => (
              <th scope="col" key={appraisal.appraiser}>
                Thẩm định ({appraisal.appraiser})
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {scoredItems(campaign).map((item) => {
            const score = scores.get(item.code);
            return (
              <tr key={item.code}>
                <th scope="row">{item.label}</th>
                <td>{formatNumber(item.maxScore)}</td>
                <td>{!score ? '—' : 'notApplicable' in score ? 'Không áp dụng' : formatNumber(score.score)}</td>
                <td>
                  {score && 'notApplicable' in score && score.reason}
                  {score && 'score' in score && (score.evidence ?? []).map((evidence) => `${evidence.title} (${evidence.ref})`).join('; ')}
                  {score && 'score' in score && score.explanation && ` Giải trình: ${score.explanation}`}
                  <EvidenceLinks sheet={sheet} criterion={item.code} />
                </td>
                {sheet.appraisals.map((appraisal) => (
                  <td key={appraisal.appraiser}>{formatNumber(appraisal.scores.find((each) => each.criterion === item.code)?.score)}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
};

/** The Office's or an assigned appraiser's own appraisal: every criterion starts at the self-score. */
const AppraisalForm = ({ sheet, path, done }: { sheet: Sheet; path: string; done: () => void }) => {
  const { api, campaign } = useApp();
  const command = useCommand();
  const selfScores = new Map((sheet.selfAssessment?.scores ?? []).flatMap((score) => ('score' in score ? [[score.criterion, String(score.score)] as const] : [])));
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(selfScores));
  const items = scoredItems(campaign).filter((item) => selfScores.has(item.code));
  const [saved, setSaved] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    setSaved('');
    if (anyUnreadable(items.map((item) => values[item.code] ?? ''))) return command.setProblem(UNREADABLE_SCORES);
    const body = { scores: items.map((item) => ({ criterion: item.code, score: parseScore(values[item.code] ?? '') ?? Number.NaN })) };
    if (await command.run(body, (options) => api.call('PUT', path, body, options))) {
      setSaved('Đã gửi kết quả thẩm định.');
      done();
    }
  };
  return (
    <form noValidate onSubmit={submit}>
      <h2>Thẩm định</h2>
      <fieldset disabled={command.busy}>
        {items.map((item) => (
          <ScoreField
            key={item.code}
            id={`appraisal-${item.code}`}
            label={`${item.label} (tối đa ${formatNumber(item.maxScore)})`}
            value={values[item.code] ?? ''}
            issue={scoreIssue(values[item.code] ?? '', item.code, item.maxScore, command.problem)}
            onInput={(value) => setValues({ ...values, [item.code]: value })}
          />
        ))}
      </fieldset>
      <button type="submit" disabled={command.busy}>
        Gửi kết quả thẩm định
      </button>
      <CommandStatus command={command} label="Đang gửi…" done={saved} />
    </form>
  );
};

/** Office actions on a submitted sheet: return it for correction, or finalize the result. */
const OfficeActions = ({ path, done }: { path: (action: string) => string; done: () => void }) => {
  const { api } = useApp();
  const command = useCommand();
  const [reason, setReason] = useState('');
  const act = async (action: 'return' | 'finalize') => {
    const body = action === 'return' ? { reason } : undefined;
    if (await command.run({ action, body }, (options) => api.call('POST', path(action), body, options))) done();
  };
  return (
    <section aria-label="Thao tác của Văn phòng">
      <div class="actions">
        <button type="button" onClick={() => act('finalize')} disabled={command.busy}>
          Chốt kết quả
        </button>
      </div>
      <label>
        Lý do trả lại
        <input value={reason} onInput={(event) => setReason((event.target as HTMLInputElement).value)} />
      </label>
      <button type="button" class="secondary" onClick={() => act('return')} disabled={command.busy}>
        Trả lại để chỉnh sửa
      </button>
      <CommandStatus command={command} label="Đang gửi…" />
    </section>
  );
};

/** The Office assigns the council members who appraise this sheet (the whole list, each time). */
const AppraisersForm = ({ sheet, path, done }: { sheet: Sheet; path: string; done: () => void }) => {
  const { api } = useApp();
  const paths = usePaths();
  const roster = useResource<Roster>(`${paths.org}/members`);
  const command = useCommand();
  const [chosen, setChosen] = useState<string[]>([...sheet.appraisers]);
  const [saved, setSaved] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    setSaved('');
    const body = { appraisers: chosen };
    if (await command.run(body, (options) => api.call('PUT', path, body, options))) {
      setSaved('Đã lưu phân công thẩm định.');
      done();
    }
  };
  return (
    <form onSubmit={submit}>
      <h2>Phân công thẩm định</h2>
      <Loaded resource={roster}>
        {(data) => <MemberCheckboxes legend="Thành viên Hội đồng thẩm định phiếu này" roster={data} chosen={chosen} onChange={setChosen} />}
      </Loaded>
      <button type="submit" disabled={command.busy}>
        Lưu phân công
      </button>
      <CommandStatus command={command} done={saved} />
    </form>
  );
};

/** One participant's score sheet (?participant=…&kind=…): for heads, the Office and appraisers. */
export const ScoreSheetPage = () => {
  const { session, campaign, cycle } = useApp();
  const paths = usePaths();
  const { query } = useLocation();
  const participantId = query.get('participant') ?? '';
  // The name rides in the link from the worklist: a council member may not read the roster to find it.
  const name = query.get('name') || participantId;
  const kind = (query.get('kind') ?? 'member') as ParticipantKind;
  const sheet = useResource<Sheet>(paths.evaluation(participantId, kind));
  const office = hasRole(session, 'office');
  const appraiser = office || sheet.data?.appraisers.includes(session.member ?? '');
  return (
    <>
      <PageTitle>
        Phiếu chấm điểm: {name} — năm {cycle.year}
      </PageTitle>
      <Loaded resource={sheet}>
        {(data) => (
          <>
            <p data-testid="sheet-result">
              Trạng thái: <strong>{SHEET_STATUS[data.status] ?? data.status}</strong> · Số lượt thẩm định: {data.appraisalCount}
              {data.provisional && ` · Tạm tính: ${formatPercent(data.provisional.percent)}`}
              {data.final && ` · Kết quả: ${formatPercent(data.final.percent)} — ${data.final.gradeLabel}`}
            </p>
            <SheetTable sheet={data} />
            <FindingsEvidence sheet={data} />
            <DownloadButton path={paths.evaluation(participantId, kind, 'export')} label="Tải phiếu chấm điểm" />
            {hasRole(session, 'office', 'leader') && (
              <p>
                <a {...linkProps(historyPath('evaluation', `${campaign.campaignId}:${cycle.year}:${kind}:${participantId}`, name))}>Lịch sử phiếu chấm điểm</a>
              </p>
            )}
            {appraiser && data.status === 'submitted' && <AppraisalForm sheet={data} path={paths.evaluation(participantId, kind, 'appraisal')} done={sheet.reload} />}
            {office && data.status !== 'finalized' && <AppraisersForm sheet={data} path={paths.evaluation(participantId, kind, 'appraisers')} done={sheet.reload} />}
            {office && data.status === 'submitted' && <OfficeActions path={(action) => paths.evaluation(participantId, kind, action)} done={sheet.reload} />}
          </>
        )}
      </Loaded>
    </>
  );
};
