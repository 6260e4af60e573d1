import { useApp } from '../context';
import type { Proposal } from '../types';
import { titleLabel } from '../ui/labels';
import { Table } from '../ui/table';

/** The minutes of a closed session: who took part, and per nominee the counts against the threshold. */
export const Tally = ({ proposal, nameOf = (id) => id }: { proposal: Proposal; nameOf?: (id: string) => string }) => {
  const { campaign } = useApp();
  const minutes = proposal.minutes;
  if (!minutes) return null;
  return (
    <section aria-label={`Kết quả biểu quyết ${proposal.proposalId}`}>
      <h3>Kết quả biểu quyết</h3>
      <p>
        Có mặt: {minutes.present.map(nameOf).join(', ') || '—'} · Vắng, có ý kiến bằng văn bản: {minutes.absentWithWrittenOpinion.map(nameOf).join(', ') || '—'} · Vắng:{' '}
        {minutes.absent.map(nameOf).join(', ') || '—'} · Chủ tịch: {minutes.chair ? nameOf(minutes.chair) : '—'}
      </p>
      <Table headers={['Người được đề nghị', 'Danh hiệu', 'Đồng ý', 'Không đồng ý', 'Số phiếu cần', 'Kết quả']} testId="tally">
        {minutes.outcomes.map((outcome) => {
          const nomination = proposal.nominations[outcome.nomination];
          return (
            <tr key={outcome.nomination}>
              <th scope="row">{nomination ? nameOf(nomination.nomineeId) : ''}</th>
              <td>{nomination ? titleLabel(campaign, nomination.title) : ''}</td>
              <td>{outcome.yes}</td>
              <td>{outcome.no}</td>
              <td>{outcome.required}</td>
              <td class={outcome.passed && outcome.withinQuota ? 'ok' : 'missing'}>
                {outcome.passed ? (outcome.withinQuota ? 'Đạt' : 'Đạt ngưỡng, ngoài chỉ tiêu') : 'Không đạt'}
              </td>
            </tr>
          );
        })}
      </Table>
      <details>
        <summary>Mã xác nhận các phiếu đã kiểm ({minutes.receipts.length})</summary>
        <ul class="receipt">
          {minutes.receipts.map((receipt) => (
            <li key={receipt}>{receipt}</li>
          ))}
        </ul>
      </details>
    </section>
  );
};
