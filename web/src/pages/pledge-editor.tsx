import { useEffect, useState } from 'preact/hooks';
import { useApp, usePaths } from '../context';
import { formatDateTime, formatDeadline } from '../format';
import type { Board, Commitment, ParticipantKind, Pledge } from '../types';
import { Countdown } from '../ui/countdown';
import { useCommand, useRecord, useResource } from '../ui/hooks';
import { CommandStatus, FieldIssue, ProblemAlert, Progress } from '../ui/status';

const STATUS_TEXT: Record<string, string> = { active: 'Đã đăng ký', withdrawn: 'Đã rút đăng ký', none: 'Chưa đăng ký' };

/**
 * A yearly pledge (of a member or a department): the titles the API lets this kind of participant target, the
 * commitments, the deadline counting down. Whether it may still be saved is the API's call: the cycle says if
 * registration is open, and a save after the deadline comes back refused. With `late`, the Office records a pledge
 * after the deadline, with the reason (the API accepts that from the Office only, and only once registration closed).
 */
export const PledgeEditor = ({ participantId, participantKind, late = false, campaignWide = false, onSaved }: { participantId: string; participantKind: ParticipantKind; late?: boolean; campaignWide?: boolean; onSaved?: () => void }) => {
  const { api, campaign, cycle: year, refreshCycle } = useApp();
  const paths = usePaths();
  // The campaign-wide (5-year) pledge has the same form, its own record and its own window.
  const path = campaignWide ? `${paths.campaign}/pledges/${encodeURIComponent(participantId)}?participantKind=${participantKind}` : paths.pledge(participantId, participantKind);
  const cycle = campaignWide ? campaign.campaignPledge : year;
  const scope = campaignWide ? `giai đoạn ${campaign.period.start.slice(0, 4)}-${campaign.period.end.slice(0, 4)}` : `năm ${year.year}`;
  // The board says first whether a yearly pledge exists at all, which spares the read; the read itself asks for
  // `absent` rather than a 404 (useRecord, review D32), as the 5-year pledge has no board.
  const board = useResource<Board>(campaignWide ? null : `${paths.cycle}/registrations`);
  const rows = (board.data?.departments ?? []).flatMap((department) =>
    participantKind === 'department' ? [{ id: department.departmentId, status: department.status }] : department.members.map((member) => ({ id: member.memberId, status: member.status })),
  );
  const row = rows.find((each) => each.id === participantId);
  const [written, setWritten] = useState(false);
  const absent = row?.status === 'none' && !written;
  const pledge = useRecord<Pledge>(campaignWide || (board.data && !absent) || board.problem ? path : null);
  const command = useCommand();
  const [titles, setTitles] = useState<string[]>([]);
  const [commitments, setCommitments] = useState<Commitment[]>([{ text: '' }]);
  const [saved, setSaved] = useState('');
  const [reason, setReason] = useState('');

  const existing = pledge.data?.status === 'active' ? pledge.data : null;
  useEffect(() => {
    if (!existing) return;
    setTitles([...existing.targetTitles]);
    setCommitments(existing.commitments.length ? existing.commitments.map((each) => ({ ...each })) : [{ text: '' }]);
  }, [pledge.data]);

  const open = cycle.registrationStatus === 'open';
  const writable = open || late;
  const titleOptions = campaign.allowedTitles.filter((title) => title.for.includes(participantKind));
  const body = {
    participantKind,
    targetTitles: titles,
    commitments: commitments.filter((each) => each.text.trim()).map((each) => (each.criterion ? each : { text: each.text })),
    ...(late ? { late: { reason } } : {}),
  };

  const save = async (event: Event) => {
    event.preventDefault();
    setSaved('');
    const result = await command.run(body, (options) => api.call<Pledge>('PUT', path, body, { ...options, ifMatch: pledge.etag }));
    if (result) {
      setSaved(`Đã lưu bản đăng ký lúc ${formatDateTime(result.body.updatedAt)}.`);
      setWritten(true);
      pledge.reload();
      onSaved?.();
    } else refreshCycle();
  };
  const withdraw = async () => {
    const result = await command.run({ withdraw: path }, (options) => api.call('DELETE', path, undefined, { ...options, ifMatch: pledge.etag }));
    if (result) {
      setSaved('Đã rút bản đăng ký.');
      pledge.reload();
    }
  };
  const setCommitment = (index: number, change: Partial<Commitment>) => setCommitments(commitments.map((each, at) => (at === index ? { ...each, ...change } : each)));

  return (
    <section aria-labelledby={`pledge-${participantId}`}>
      <h2 id={`pledge-${participantId}`}>Bản đăng ký thi đua {scope}</h2>
      {late ? (
        <p class="notice">Hạn đăng ký là {formatDeadline(cycle.registrationDeadline)}: Văn phòng ghi nhận đăng ký muộn theo văn bản của người đăng ký, kèm lý do.</p>
      ) : open ? (
        <Countdown deadline={cycle.registrationDeadline} label="Hạn đăng ký" onElapsed={refreshCycle} />
      ) : (
        <p class="notice" role="status">
          {cycle.registrationStatus === 'not-open'
            ? `Chưa mở đăng ký thi đua ${scope}.`
            : `Đã hết hạn đăng ký thi đua: hạn là ${formatDeadline(cycle.registrationDeadline)}. Bản đăng ký không thể sửa; cần ghi nhận đăng ký muộn, xin liên hệ Văn phòng.`}
        </p>
      )}
      {(pledge.loading || board.loading) && <Progress busy />}
      <ProblemAlert problem={pledge.problem} />
      <p>
        Trạng thái: <strong data-testid="pledge-status">{STATUS_TEXT[pledge.data?.status ?? 'none'] ?? pledge.data?.status}</strong>
        {existing?.late && ' (đăng ký muộn)'}
        {existing?.submittedAt && ` — nộp lúc ${formatDateTime(existing.submittedAt)}`}
      </p>
      {/* Shown once the saved pledge is read (or known absent): typing into a form the read then overwrote would be lost. */}
      {(pledge.data || pledge.problem || absent || pledge.absent) && <form onSubmit={save}>
        {late && (
          <>
            <label>
              Lý do đăng ký muộn
              <textarea name="late-reason" rows={2} value={reason} disabled={command.busy} aria-describedby={`late-issue-${participantId}`} onInput={(event) => setReason((event.target as HTMLTextAreaElement).value)} />
            </label>
            <FieldIssue id={`late-issue-${participantId}`} problem={command.problem} path="late" />
          </>
        )}
        <fieldset disabled={!writable || command.busy}>
          <legend>Danh hiệu thi đua, hình thức khen thưởng đăng ký</legend>
          {titleOptions.map((title) => (
            <label key={title.code}>
              <input
                type="checkbox"
                name="title"
                value={title.code}
                checked={titles.includes(title.code)}
                onChange={(event) => setTitles((event.target as HTMLInputElement).checked ? [...titles, title.code] : titles.filter((code) => code !== title.code))}
              />
              {title.label}
            </label>
          ))}
          <FieldIssue id={`titles-issue-${participantId}`} problem={command.problem} path="targetTitles" />
        </fieldset>
        <fieldset disabled={!writable || command.busy}>
          <legend>Nội dung cam kết</legend>
          {commitments.map((commitment, index) => (
            <div class="commitment" key={index}>
              <label>
                Cam kết {index + 1}
                <textarea
                  name={`commitment-${index}`}
                  rows={2}
                  value={commitment.text}
                  aria-describedby={`commitment-issue-${index}`}
                  onInput={(event) => setCommitment(index, { text: (event.target as HTMLTextAreaElement).value })}
                />
              </label>
              <FieldIssue id={`commitment-issue-${index}`} problem={command.problem} path={`commitments.${index}`} />
              <label>
                Gắn với tiêu chí
                <select value={commitment.criterion ?? ''} onChange={(event) => setCommitment(index, { criterion: (event.target as HTMLSelectElement).value || undefined })}>
                  <option value="">(không gắn)</option>
                  {campaign.criteria.map((criterion) => (
                    <option key={criterion.code} value={criterion.code}>
                      {criterion.label}
                    </option>
                  ))}
                </select>
              </label>
              {commitments.length > 1 && (
                <button type="button" class="secondary outline" onClick={() => setCommitments(commitments.filter((_, at) => at !== index))}>
                  Bỏ cam kết {index + 1}
                </button>
              )}
            </div>
          ))}
          <button type="button" class="secondary" onClick={() => setCommitments([...commitments, { text: '' }])}>
            Thêm cam kết
          </button>
        </fieldset>
        <div class="actions">
          <button type="submit" disabled={command.busy || !writable} aria-busy={command.busy ? 'true' : 'false'}>
            {late ? 'Ghi nhận đăng ký muộn' : existing ? 'Lưu thay đổi' : 'Đăng ký'}
          </button>
          {existing && open && !late && (
            <button type="button" class="secondary outline" disabled={command.busy} onClick={withdraw}>
              Rút đăng ký
            </button>
          )}
        </div>
      </form>}
      <CommandStatus command={command} done={saved} fields={{ targetTitles: 'Danh hiệu thi đua, hình thức khen thưởng', commitments: 'Cam kết', 'late.reason': 'Lý do đăng ký muộn' }} />
    </section>
  );
};
