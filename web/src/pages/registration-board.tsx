import { useState } from 'preact/hooks';
import { hasRole } from '../auth/session';
import { useApp, usePaths } from '../context';
import { formatDateTime } from '../format';
import type { Board, BoardDepartment, BoardMember } from '../types';
import { DownloadButton } from '../ui/download-button';
import { useCommand, useResource } from '../ui/hooks';
import { PageTitle } from '../ui/page-title';
import { CommandStatus, Loaded } from '../ui/status';
import { RemindersSent } from './reminders-sent';

/** What POST …/reminders answers: who was reminded now, and who was not and why. */
interface RemindOutcome {
  readonly reminded?: readonly { readonly participantId: string }[];
  readonly skipped?: readonly { readonly participantId: string; readonly reason: string }[];
}

const SKIP_TEXT: Record<string, string> = { 'already-reminded': 'đã được nhắc hôm nay', 'already-acted': 'đã thực hiện' };

const statusText = (row: BoardMember | BoardDepartment) =>
  row.registered ? `Đã đăng ký${row.late ? ' (muộn)' : ''} ${formatDateTime(row.submittedAt)}` : row.status === 'withdrawn' ? 'Đã rút đăng ký' : 'Chưa đăng ký';

/** The rows of the board, one table per department (a head's board has only its own). */
export const BoardTable = ({ board, remind }: { board: Board; remind?: (participantIds: string[]) => void }) => (
  <>
    {board.departments.map((department) => (
      <section key={department.departmentId} aria-labelledby={`dept-${department.departmentId}`}>
        <h3 id={`dept-${department.departmentId}`}>{department.name}</h3>
        <p>
          Tập thể: <strong class={department.registered ? 'ok' : 'missing'}>{statusText(department)}</strong>{' '}
          {remind && !department.registered && (
            <button type="button" class="secondary outline small" onClick={() => remind([department.departmentId])} aria-label={`Nhắc ${department.name}`}>
              Nhắc
            </button>
          )}
        </p>
        <div class="table-scroll">
          <table class="striped">
            <thead>
              <tr>
                <th scope="col">Họ và tên</th>
                <th scope="col">Chức vụ</th>
                <th scope="col">Tình trạng</th>
                {remind && <th scope="col">Đôn đốc</th>}
              </tr>
            </thead>
            <tbody>
              {department.members.map((member) => (
                <tr key={member.memberId} data-member={member.memberId}>
                  <th scope="row">{member.fullName}</th>
                  <td>{member.position ?? ''}</td>
                  <td class={member.registered ? 'ok' : 'missing'}>{statusText(member)}</td>
                  {remind && (
                    <td>
                      {!member.registered && (
                        <button type="button" class="secondary outline small" onClick={() => remind([member.memberId])} aria-label={`Nhắc ${member.fullName}`}>
                          Nhắc
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    ))}
  </>
);

/** The Office's (and the leadership's) registration board: who is missing, one click to remind, the list to download. */
export const RegistrationBoardPage = () => {
  const { api, session, cycle } = useApp();
  const paths = usePaths();
  const board = useResource<Board>(`${paths.cycle}/registrations`);
  const command = useCommand();
  const [sent, setSent] = useState('');
  const [sentGeneration, setSentGeneration] = useState(0);
  const office = hasRole(session, 'office');

  const nameOf = (id: string) =>
    board.data?.departments.flatMap((department) => [{ id: department.departmentId, name: department.name }, ...department.members.map((member) => ({ id: member.memberId, name: member.fullName }))]).find((each) => each.id === id)?.name ?? id;

  const remind = async (participantIds?: string[]) => {
    setSent('');
    const body = { deadline: 'registration', ...(participantIds ? { participantIds } : {}) };
    const result = await command.run(body, (options) => api.call<RemindOutcome>('POST', `${paths.cycle}/reminders`, body, options));
    if (!result) return;
    const { reminded = [], skipped = [] } = result.body;
    setSent(
      [
        reminded.length ? `Đã gửi nhắc nhở: ${reminded.map((each) => nameOf(each.participantId)).join(', ')}.` : 'Không có ai cần nhắc thêm.',
        skipped.length ? `Không nhắc lại: ${skipped.map((each) => `${nameOf(each.participantId)} (${SKIP_TEXT[each.reason] ?? each.reason})`).join(', ')}.` : '',
      ].join(' '),
    );
    setSentGeneration((value) => value + 1);
  };

  return (
    <>
      <PageTitle>Bảng đăng ký thi đua năm {cycle.year}</PageTitle>
      <Loaded resource={board}>
        {(data) => (
          <>
            <p class="totals" data-testid="totals">
              Tập thể đã đăng ký: <strong>{data.totals.departmentsRegistered}/{data.totals.departments}</strong> · Cá nhân đã đăng ký:{' '}
              <strong>{data.totals.membersRegistered}/{data.totals.members}</strong> · Đăng ký muộn: <strong>{data.totals.late}</strong>
            </p>
            <div class="actions">
              {office && (
                <button type="button" onClick={() => remind()} disabled={command.busy} aria-busy={command.busy ? 'true' : 'false'}>
                  Nhắc tất cả người chưa đăng ký
                </button>
              )}
              <DownloadButton path={`${paths.cycle}/exports/registrations?format=xlsx`} label="Tải danh sách (Excel)" />
              <DownloadButton path={`${paths.cycle}/exports/registrations?format=csv`} label="Tải danh sách (CSV)" />
            </div>
            <CommandStatus command={command} label="Đang gửi nhắc nhở…" done={sent} />
            <BoardTable board={data} remind={office ? remind : undefined} />
          </>
        )}
      </Loaded>
      {office && <RemindersSent key={sentGeneration} nameOf={nameOf} />}
    </>
  );
};
