import { useState } from 'preact/hooks';
import { hasRole } from '../auth/session';
import { useApp, usePaths } from '../context';
import { formatDateTime, formatPercent, vnIsoDate } from '../format';
import type { Board, BoardDepartment, BoardMember, ParticipantKind } from '../types';
import { DownloadButton } from '../ui/download-button';
import { linkProps } from '../router';
import { useCommand, useResource } from '../ui/hooks';
import { PageTitle } from '../ui/page-title';
import { Dialog } from '../ui/dialog';
import { CommandStatus, Loaded } from '../ui/status';
import { type BoardFilter, filterBoard } from './board-filter';
import { historyPath } from './history-link';
import { PledgeEditor } from './pledge-editor';
import { RemindersSent } from './reminders-sent';
import { type RemindOutcome, remindOutcomeText } from '../ui/reminders';

/** What POST …/reminders answers: who was reminded now, and who was not and why. */
/** A missing row the Office records a late pledge for. */
interface Missing {
  readonly id: string;
  readonly kind: ParticipantKind;
  readonly name: string;
}

/** The titles a row aims at, by name ("" when it has not registered). */
const titlesText = (board: Board, row: BoardMember | BoardDepartment) => row.targetTitles.map((code) => board.titleLabels[code] ?? code).join('; ');

/** "6/8 (75%)": how many of how many, and the share. */
const share = (done: number, of: number) => `${done}/${of} (${formatPercent(of === 0 ? null : Math.round((1000 * done) / of) / 10)})`;

const statusText = (row: BoardMember | BoardDepartment) =>
  row.registered ? `Đã đăng ký${row.late ? ' (muộn)' : ''} ${formatDateTime(row.submittedAt)}` : row.status === 'withdrawn' ? 'Đã rút đăng ký' : 'Chưa đăng ký';

/** The Office's buttons on a row not registered: remind it, and once registration closed, record its late pledge. */
const MissingActions = ({ row, remind, recordLate }: { row: Missing; remind?: (participantIds: string[]) => void; recordLate?: (row: Missing) => void }) => (
  <>
    {remind && (
      <button type="button" class="secondary outline small" onClick={() => remind([row.id])} aria-label={`Nhắc ${row.name}`}>
        Nhắc
      </button>
    )}{' '}
    {recordLate && (
      <button type="button" class="secondary outline small" onClick={() => recordLate(row)} aria-label={`Ghi nhận đăng ký muộn cho ${row.name}`}>
        Ghi nhận muộn
      </button>
    )}
  </>
);

/** The rows of the board, one table per department (a head's board has only its own). */
export const BoardTable = ({ board, remind, recordLate, history }: { board: Board; remind?: (participantIds: string[]) => void; recordLate?: (row: Missing) => void; history?: (row: Missing) => string }) => {
  const actions = remind || recordLate;
  // A pledge that exists (or was withdrawn) has a history, opened from its row.
  const historyLink = (row: Missing, recorded: boolean) =>
    history && recorded ? (
      <>
        {' '}
        <a {...linkProps(history(row))} aria-label={`Lịch sử đăng ký của ${row.name}`}>
          Lịch sử
        </a>
      </>
    ) : null;
  return (
    <>
      {board.departments.map((department) => (
        <section key={department.departmentId} aria-labelledby={`dept-${department.departmentId}`}>
          <h3 id={`dept-${department.departmentId}`}>{department.name}</h3>
          <p>
            Tập thể: <strong class={department.registered ? 'ok' : 'missing'}>{statusText(department)}</strong>
            {department.registered && ` — ${titlesText(board, department)}`}
            {historyLink({ id: department.departmentId, kind: 'department', name: department.name }, department.registered || department.status === 'withdrawn')}{' '}
            {actions && !department.registered && <MissingActions row={{ id: department.departmentId, kind: 'department', name: department.name }} remind={remind} recordLate={recordLate} />}
          </p>
          <div class="table-scroll">
            <table class="striped">
              <thead>
                <tr>
                  <th scope="col">Họ và tên</th>
                  <th scope="col" class="phone-hidden">Chức vụ</th>
                  <th scope="col">Tình trạng</th>
                  <th scope="col" class="phone-hidden">Danh hiệu đăng ký</th>
                  {actions && <th scope="col">Đôn đốc</th>}
                </tr>
              </thead>
              <tbody>
                {department.members.map((member) => (
                  <tr key={member.memberId} data-member={member.memberId}>
                    <th scope="row">{member.fullName}</th>
                    <td class="phone-hidden">{member.position ?? ''}</td>
                    <td class={member.registered ? 'ok' : 'missing'}>
                      {statusText(member)}
                      {historyLink({ id: member.memberId, kind: 'member', name: member.fullName }, member.registered || member.status === 'withdrawn')}
                    </td>
                    <td class="phone-hidden">{titlesText(board, member)}</td>
                    {actions && <td>{!member.registered && <MissingActions row={{ id: member.memberId, kind: 'member', name: member.fullName }} remind={remind} recordLate={recordLate} />}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
};

/** The Office's (and the leadership's) registration board: who is missing, one click to remind, the list to download. */
export const RegistrationBoardPage = () => {
  const { api, session, campaign, cycle, now } = useApp();
  const paths = usePaths();
  const board = useResource<Board>(`${paths.cycle}/registrations`);
  const command = useCommand();
  const [sent, setSent] = useState('');
  const [sentGeneration, setSentGeneration] = useState(0);
  const [late, setLate] = useState<Missing | null>(null);
  const [filter, setFilter] = useState<BoardFilter>({ missingOnly: false, search: '' });
  const office = hasRole(session, 'office');
  // After the deadline a missing pledge can only come late, through the Office (the API says when it has passed).
  const closed = cycle.registrationStatus === 'closed';
  // Only what the API would accept: reminders while registration is open, late pledges while the campaign runs.
  const mayRemind = office && cycle.registrationStatus === 'open';
  // Ended once its period is over, even before the schedule records it (the API refuses by the date too).
  const ended = campaign.ended || vnIsoDate(now()) > campaign.period.end;
  const mayRecordLate = office && closed && !ended;

  const nameOf = (id: string) =>
    board.data?.departments.flatMap((department) => [{ id: department.departmentId, name: department.name }, ...department.members.map((member) => ({ id: member.memberId, name: member.fullName }))]).find((each) => each.id === id)?.name ?? id;

  const remind = async (participantIds?: string[]) => {
    setSent('');
    const body = { deadline: 'registration', ...(participantIds ? { participantIds } : {}) };
    const result = await command.run(body, (options) => api.call<RemindOutcome>('POST', `${paths.cycle}/reminders`, body, options));
    if (!result) return;
    setSent(remindOutcomeText(result.body, nameOf));
    setSentGeneration((value) => value + 1);
  };

  return (
    <>
      <PageTitle>Bảng đăng ký thi đua năm {cycle.year}</PageTitle>
      <Loaded resource={board}>
        {(data) => (
          <>
            <p class="totals" data-testid="totals">
              Tập thể đã đăng ký: <strong>{share(data.totals.departmentsRegistered, data.totals.departments)}</strong> · Cá nhân đã đăng ký:{' '}
              <strong>{share(data.totals.membersRegistered, data.totals.members)}</strong> · Đăng ký muộn: <strong>{data.totals.late}</strong>
            </p>
            <div class="grid" role="search">
              <label>
                Tìm theo tên
                <input type="search" value={filter.search} onInput={(event) => setFilter({ ...filter, search: (event.target as HTMLInputElement).value })} />
              </label>
              <label>
                <input type="checkbox" checked={filter.missingOnly} onChange={(event) => setFilter({ ...filter, missingOnly: (event.target as HTMLInputElement).checked })} />
                Chỉ hiện người chưa đăng ký
              </label>
            </div>
            <div class="actions">
              {mayRemind && (
                <button type="button" onClick={() => remind()} disabled={command.busy} aria-busy={command.busy ? 'true' : 'false'}>
                  Nhắc tất cả người chưa đăng ký
                </button>
              )}
              <DownloadButton path={`${paths.cycle}/exports/registrations?format=xlsx`} label="Tải danh sách (Excel)" />
              <DownloadButton path={`${paths.cycle}/exports/registrations?format=csv`} label="Tải danh sách (CSV)" />
            </div>
            <CommandStatus command={command} label="Đang gửi nhắc nhở…" done={sent} />
            <BoardTable
              board={filterBoard(data, filter)}
              remind={mayRemind ? remind : undefined}
              recordLate={mayRecordLate ? setLate : undefined}
              history={(row) => historyPath('pledge', `${campaign.campaignId}:${cycle.year}:${row.kind}:${row.id}`, row.name)}
            />
          </>
        )}
      </Loaded>
      {office && <RemindersSent key={sentGeneration} nameOf={nameOf} />}
      {late && (
        <Dialog
          title={`Ghi nhận đăng ký muộn: ${late.name}`}
          onClose={() => {
            setLate(null);
            board.reload(); // the board is a view: by now the projector has likely caught up with the save
          }}
        >
          <PledgeEditor participantId={late.id} participantKind={late.kind} late onSaved={board.reload} />
        </Dialog>
      )}
    </>
  );
};
