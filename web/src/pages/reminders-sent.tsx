import { usePaths } from '../context';
import { formatDateTime } from '../format';
import { useResource } from '../ui/hooks';
import { Loaded } from '../ui/status';
import { Table } from '../ui/table';

/** One participant reminded, as the API lists them (in the order sent). */
interface Reminded {
  readonly deadline: string;
  readonly sentAt: string;
  readonly trigger: 'schedule' | 'manual';
  readonly participantKind: string;
  readonly participantId: string;
}

const DEADLINE_TEXT: Record<string, string> = { registration: 'Đăng ký thi đua', 'self-assessment': 'Tự chấm điểm', appraisal: 'Thẩm định' };

/** The reminders already sent in this cycle, by the schedule or by hand. A view: "Tải lại" reads it again. */
export const RemindersSent = ({ nameOf }: { nameOf: (participantId: string) => string }) => {
  const paths = usePaths();
  const sent = useResource<{ reminders: readonly Reminded[] }>(`${paths.cycle}/reminders`);
  return (
    <section aria-labelledby="reminders-sent">
      <h2 id="reminders-sent">Nhắc nhở đã gửi</h2>
      <button type="button" class="secondary outline small" onClick={sent.reload}>
        Tải lại
      </button>
      <Loaded resource={sent}>
        {(data) =>
          data.reminders.length === 0 ? (
            <p>Chưa gửi nhắc nhở nào.</p>
          ) : (
            <Table headers={['Thời điểm', 'Hạn', 'Người / đơn vị được nhắc', 'Cách gửi']}>
              {data.reminders.map((each, index) => (
                <tr key={index}>
                  <td>{formatDateTime(each.sentAt)}</td>
                  <td>{DEADLINE_TEXT[each.deadline] ?? each.deadline}</td>
                  <th scope="row">{nameOf(each.participantId)}</th>
                  <td>{each.trigger === 'schedule' ? 'Tự động' : 'Văn phòng gửi'}</td>
                </tr>
              ))}
            </Table>
          )
        }
      </Loaded>
    </section>
  );
};
