import { useApp, usePaths } from '../context';
import { formatDate, formatPercent } from '../format';
import { linkProps } from '../router';
import type { Board, DepartmentScores, Finding } from '../types';
import { useResource } from '../ui/hooks';
import { SHEET_STATUS } from '../ui/labels';
import { Table } from '../ui/table';
import { PageTitle } from '../ui/page-title';
import { Loaded } from '../ui/status';
import { PledgeEditor } from './pledge-editor';
import { BoardTable } from './registration-board';
import { SHEET_PAGE } from './sheet-link';

/** The department's self-inspection findings still open: what it must still correct, and by when. */
const OpenFindings = ({ departmentId, findings }: { departmentId: string; findings: readonly Finding[] }) => (
  <section aria-labelledby={`findings-${departmentId}`}>
    <h3 id={`findings-${departmentId}`}>Tồn tại qua tự kiểm tra, chưa khắc phục</h3>
    {findings.length === 0 ? (
      <p>Không có.</p>
    ) : (
      <ul data-testid="open-findings">
        {findings.map((finding) => (
          <li key={finding.findingId}>
            <strong>{finding.area}</strong> (kiểm tra ngày {formatDate(finding.date)}): {finding.shortcoming} — Khắc phục: {finding.correctiveAction}, hạn {formatDate(finding.dueDate)}
          </li>
        ))}
      </ul>
    )}
  </section>
);

/** Ranked members first, by rank; the unranked after them, in the API's order. */
const byRank = <T extends { readonly rank?: number | null }>(members: readonly T[]) => [...members].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));

/** A department's scores and rank, its members ranked, a link to each member's score sheet, its open findings. */
export const DepartmentScoresView = ({ departmentId }: { departmentId: string }) => {
  const paths = usePaths();
  const scores = useResource<DepartmentScores>(`${paths.cycle}/departments/${encodeURIComponent(departmentId)}/scores`);
  return (
    <Loaded resource={scores}>
      {(data) => (
        <section aria-labelledby={`scores-${departmentId}`}>
          <h2 id={`scores-${departmentId}`}>Điểm của phòng</h2>
          <p>
            Xếp hạng: <strong>{data.rank ?? '—'}</strong> · Điểm tập thể: <strong>{formatPercent(data.collectiveScore)}</strong> · Bình quân cá nhân:{' '}
            <strong>{formatPercent(data.membersMean)}</strong> · {data.final ? 'Kết quả chính thức' : 'Kết quả tạm tính'}
          </p>
          <Table headers={['Hạng', 'Họ và tên', 'Tự chấm điểm', 'Điểm', 'Xếp loại']}>
            {byRank(data.members).map((member) => (
              <tr key={member.memberId}>
                <td>{member.rank ?? '—'}</td>
                <th scope="row">
                  <a {...linkProps(`${SHEET_PAGE}?participant=${encodeURIComponent(member.memberId)}&kind=member&name=${encodeURIComponent(member.fullName)}`)}>{member.fullName}</a>
                </th>
                <td>{SHEET_STATUS[member.status] ?? member.status}</td>
                <td>{formatPercent(member.percent)}</td>
                <td>{member.gradeLabel ?? '—'}</td>
              </tr>
            ))}
          </Table>
          {data.openFindings && <OpenFindings departmentId={departmentId} findings={data.openFindings} />}
        </section>
      )}
    </Loaded>
  );
};

/** A head's department: its pledge, its members' registration, its scores and its members' self-assessments. */
export const DepartmentPage = () => {
  const { session, cycle } = useApp();
  const paths = usePaths();
  const board = useResource<Board>(`${paths.cycle}/registrations`);
  if (!session.department) return <p>Tài khoản chưa gắn với phòng nào.</p>;
  return (
    <>
      <PageTitle>Phòng của tôi — năm {cycle.year}</PageTitle>
      <PledgeEditor participantId={session.department} participantKind="department" />
      <section aria-labelledby="members-registration">
        <h2 id="members-registration">Đăng ký của công chức trong phòng</h2>
        <Loaded resource={board}>{(data) => <BoardTable board={data} />}</Loaded>
      </section>
      <DepartmentScoresView departmentId={session.department} />
    </>
  );
};
