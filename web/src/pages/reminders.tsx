import { useState } from 'preact/hooks';
import { useApp, usePaths } from '../context';
import { formatDeadline } from '../format';
import type { Cycle, Roster } from '../types';
import { useCommand, useResource } from '../ui/hooks';
import { PageTitle } from '../ui/page-title';
import { type RemindOutcome, remindOutcomeText } from '../ui/reminders';
import { CommandStatus } from '../ui/status';
import { RemindersSent } from './reminders-sent';

type Deadline = 'registration' | 'self-assessment' | 'appraisal';

/** Each deadline of the year, who it concerns, and where the cycle says it stands. */
const DEADLINES: readonly { readonly deadline: Deadline; readonly label: string; readonly who: string; readonly window: (cycle: Cycle) => { status: string; closesAt: string } }[] = [
  { deadline: 'registration', label: 'Đăng ký thi đua', who: 'tập thể, cá nhân chưa đăng ký', window: (cycle) => ({ status: cycle.registrationStatus, closesAt: cycle.registrationDeadline }) },
  { deadline: 'self-assessment', label: 'Tự chấm điểm', who: 'tập thể, cá nhân chưa gửi bản tự chấm', window: (cycle) => cycle.selfAssessment },
  { deadline: 'appraisal', label: 'Thẩm định', who: 'thành viên Hội đồng chưa thẩm định phiếu được phân công', window: (cycle) => cycle.appraisal },
];

/** The Office reminds, for any deadline of the year, everyone who has not yet acted (the schedule also does, 7 and 1 days before). */
export const RemindersPage = () => {
  const { api, cycle } = useApp();
  const paths = usePaths();
  const command = useCommand();
  const members = useResource<Roster>(`${paths.org}/members`);
  const departments = useResource<Roster>(`${paths.org}/departments`);
  const [sent, setSent] = useState('');
  const [generation, setGeneration] = useState(0);
  const nameOf = (id: string) => members.data?.members?.find((each) => each.memberId === id)?.fullName ?? departments.data?.departments?.find((each) => each.departmentId === id)?.name ?? id;
  const remind = async (deadline: Deadline) => {
    setSent('');
    const body = { deadline };
    const result = await command.run(body, (options) => api.call<RemindOutcome>('POST', `${paths.cycle}/reminders`, body, options));
    if (!result) return;
    setSent(remindOutcomeText(result.body, nameOf));
    setGeneration((value) => value + 1);
  };
  return (
    <>
      <PageTitle>Nhắc hạn năm {cycle.year}</PageTitle>
      {DEADLINES.map(({ deadline, label, who, window }) => {
        const { status, closesAt } = window(cycle);
        return (
          <article key={deadline}>
            <h2>{label}</h2>
            <p>
              Hạn: <strong>{formatDeadline(closesAt)}</strong> · {status === 'open' ? 'đang mở' : status === 'closed' ? 'đã hết hạn' : 'chưa mở'}
            </p>
            <button type="button" disabled={command.busy || status !== 'open'} onClick={() => remind(deadline)}>
              Nhắc {who}
            </button>
          </article>
        );
      })}
      <CommandStatus command={command} label="Đang gửi…" done={sent} />
      <RemindersSent key={generation} nameOf={nameOf} />
    </>
  );
};
