import { useEffect, useState } from 'preact/hooks';
import { useApp, usePaths } from '../context';
import { formatDateTime, formatDeadline, formatNumber } from '../format';
import type { Evidence, ParticipantKind, SelfScore, Sheet } from '../types';
import { Countdown } from '../ui/countdown';
import { scoredItems } from '../ui/criteria';
import { useCommand, useResource } from '../ui/hooks';
import { SHEET_STATUS } from '../ui/labels';
import { ScoreField, UNREADABLE_SCORES, anyUnreadable, parseScore, scoreIssue } from '../ui/score';
import { CommandStatus, FieldIssue, ProblemAlert, Progress } from '../ui/status';
import { EvidenceUploader } from './evidence-files';

interface Entry {
  readonly notApplicable: boolean;
  readonly score: string;
  readonly evidence: readonly Evidence[];
  readonly explanation: string;
  readonly reason: string;
}

const EMPTY: Entry = { notApplicable: false, score: '', evidence: [], explanation: '', reason: '' };

const entryOf = (score: SelfScore): Entry =>
  'notApplicable' in score
    ? { ...EMPTY, notApplicable: true, reason: score.reason }
    : { ...EMPTY, score: String(score.score), evidence: score.evidence ?? [], explanation: score.explanation ?? '' };

/** The entry as the API takes it; null while nothing is filled in (a draft may leave criteria out). */
const scoreOf = (code: string, entry: Entry): SelfScore | null => {
  if (entry.notApplicable) return { criterion: code, notApplicable: true, reason: entry.reason };
  if (entry.score.trim() === '') return null;
  const evidence = entry.evidence.filter((each) => each.title.trim() || each.ref.trim());
  return { criterion: code, score: parseScore(entry.score)!, ...(evidence.length ? { evidence } : {}), ...(entry.explanation.trim() ? { explanation: entry.explanation } : {}) };
};

const EDITABLE = new Set(['none', 'draft', 'returned']);

/**
 * A participant's self-assessment: every criterion with its maximum, a score (quarter points) with evidence, or an
 * explanation where there is none, or "not applicable" with a reason; the running total; save a draft or submit.
 * What counts as complete and valid is the API's to say: its answer is shown next to the criteria concerned.
 */
export const SelfAssessmentEditor = ({ participantId, participantKind }: { participantId: string; participantKind: ParticipantKind }) => {
  const { api, campaign, cycle, refreshCycle } = useApp();
  const paths = usePaths();
  const sheet = useResource<Sheet>(paths.evaluation(participantId, participantKind));
  const command = useCommand();
  const items = scoredItems(campaign);
  const [entries, setEntries] = useState<Record<string, Entry>>({});
  const [sent, setSent] = useState<string[]>([]);
  const [saved, setSaved] = useState('');
  // Attaching or removing a file moves the sheet to a new version: the next save names that one.
  const [etag, setEtag] = useState<string | null>(null);

  useEffect(() => {
    const scores = sheet.data?.selfAssessment?.scores ?? [];
    setEntries(Object.fromEntries(scores.map((score) => [score.criterion, entryOf(score)])));
  }, [sheet.data]);

  const entry = (code: string) => entries[code] ?? EMPTY;
  const change = (code: string, update: Partial<Entry>) => setEntries({ ...entries, [code]: { ...entry(code), ...update } });
  const open = cycle.selfAssessment.status === 'open';
  const editable = open && EDITABLE.has(sheet.data?.status ?? 'none');

  // The running total, for the participant's own guidance; the result the API computes is the one that counts.
  const applicable = items.filter((item) => !entry(item.code).notApplicable);
  // A score over its maximum or unreadable is not counted: the total never shows what cannot be saved.
  const counted = (item: (typeof items)[number]) => {
    const score = parseScore(entry(item.code).score) ?? 0;
    return score >= 0 && score <= item.maxScore ? score : 0;
  };
  const total = applicable.reduce((sum, item) => sum + counted(item), 0);
  const maximum = applicable.reduce((sum, item) => sum + item.maxScore, 0);

  // Both buttons check the same way: an unreadable score stops either; the rest is the API's to judge.
  const save = async (submit: boolean) => {
    setSaved('');
    if (anyUnreadable(applicable.map((item) => entry(item.code).score))) {
      command.setProblem(UNREADABLE_SCORES);
      return;
    }
    const scores = items.map((item) => scoreOf(item.code, entry(item.code))).filter((score): score is SelfScore => score !== null);
    const body = { participantKind, ...(submit ? { submit: true } : {}), scores };
    setSent(scores.map((score) => score.criterion));
    const result = await command.run(body, (options) => api.call<Sheet>('PUT', paths.evaluation(participantId, participantKind, 'self-assessment'), body, { ...options, ifMatch: etag ?? sheet.etag }));
    if (result) {
      setEtag(null);
      setSaved(submit ? 'Đã gửi bản tự chấm điểm.' : 'Đã lưu bản nháp.');
      sheet.reload();
    } else refreshCycle();
  };
  const issuePath = (code: string) => `scores.${sent.indexOf(code)}`;
  const labels = Object.fromEntries([...items.map((item) => [item.code, item.label]), ...sent.map((code, index) => [`scores.${index}`, items.find((item) => item.code === code)?.label ?? code])]);

  return (
    <section aria-labelledby="self-assessment">
      <h2 id="self-assessment">Bản tự chấm điểm năm {cycle.year}</h2>
      {open ? (
        <Countdown deadline={cycle.selfAssessment.closesAt} label="Hạn tự chấm điểm" onElapsed={refreshCycle} />
      ) : (
        <p class="notice" role="status">
          {cycle.selfAssessment.status === 'not-open'
            ? `Chưa đến thời gian tự chấm điểm (mở từ ${formatDateTime(cycle.selfAssessment.opensAt)}).`
            : `Đã hết thời gian tự chấm điểm (hạn ${formatDeadline(cycle.selfAssessment.closesAt)}).`}
        </p>
      )}
      {sheet.loading && <Progress busy />}
      <ProblemAlert problem={sheet.problem} />
      {sheet.data && <p>Trạng thái: <strong data-testid="sheet-status">{SHEET_STATUS[sheet.data.status] ?? sheet.data.status}</strong></p>}
      {/* Shown once the saved sheet is read: typing into a form the sheet then overwrote would be lost. */}
      {(sheet.data || sheet.problem) && <form noValidate onSubmit={(event) => (event.preventDefault(), save(false))}>
        <fieldset disabled={!editable || command.busy}>
          {items.map((item) => {
            const current = entry(item.code);
            const id = `criterion-${item.code}`;
            return (
              <fieldset class="criterion" key={item.code}>
                <legend id={id}>
                  <strong>{item.label}</strong> <small>(tối đa {formatNumber(item.maxScore)} điểm)</small>
                </legend>
                <label>
                  <input type="checkbox" checked={current.notApplicable} onChange={(event) => change(item.code, { notApplicable: (event.target as HTMLInputElement).checked })} />
                  Không áp dụng cho đơn vị/cá nhân này
                </label>
                {current.notApplicable ? (
                  <label>
                    Lý do không áp dụng
                    <input value={current.reason} onInput={(event) => change(item.code, { reason: (event.target as HTMLInputElement).value })} />
                  </label>
                ) : (
                  <>
                    <ScoreField id={id} label="Điểm tự chấm" value={current.score} issue={scoreIssue(current.score, item.code, item.maxScore, command.problem)} onInput={(score) => change(item.code, { score })} />
                    {current.evidence.map((evidence, index) => (
                      <div class="grid" key={index}>
                        <label>
                          Tài liệu kiểm chứng {index + 1}
                          <input value={evidence.title} onInput={(event) => change(item.code, { evidence: current.evidence.map((each, at) => (at === index ? { ...each, title: (event.target as HTMLInputElement).value } : each)) })} />
                        </label>
                        <label>
                          Số hiệu hoặc đường dẫn
                          <input value={evidence.ref} onInput={(event) => change(item.code, { evidence: current.evidence.map((each, at) => (at === index ? { ...each, ref: (event.target as HTMLInputElement).value } : each)) })} />
                        </label>
                      </div>
                    ))}
                    <button type="button" class="secondary outline small" onClick={() => change(item.code, { evidence: [...current.evidence, { title: '', ref: '' }] })}>
                      Thêm tài liệu kiểm chứng
                    </button>
                    <EvidenceUploader participantId={participantId} participantKind={participantKind} criterion={item.code} files={sheet.data?.evidenceFiles ?? []} editable={editable} onSheet={(result) => setEtag(result.etag)} />
                    <label>
                      Giải trình (khi không có tài liệu kiểm chứng)
                      <textarea rows={2} value={current.explanation} onInput={(event) => change(item.code, { explanation: (event.target as HTMLTextAreaElement).value })} />
                    </label>
                  </>
                )}
                <FieldIssue id={`${id}-issue`} problem={command.problem} path={issuePath(item.code)} />
              </fieldset>
            );
          })}
        </fieldset>
        <div class="running-total" aria-live="polite">
          Tổng điểm tự chấm: <strong data-testid="running-total">{formatNumber(total)}</strong> / {formatNumber(maximum)} điểm (các tiêu chí áp dụng)
          <div class="actions">
            <button type="submit" class="secondary" disabled={!editable || command.busy}>
              Lưu nháp
            </button>
            <button type="button" disabled={!editable || command.busy} onClick={() => save(true)}>
              Gửi bản tự chấm điểm
            </button>
          </div>
        </div>
      </form>}
      <CommandStatus command={command} done={saved} fields={labels} />
    </section>
  );
};
