import { useApp, usePaths } from '../context';
import { linkProps } from '../router';
import { formatDeadline } from '../format';
import type { Cycle, Scoreboard } from '../types';
import { useResource } from '../ui/hooks';
import { PageTitle } from '../ui/page-title';
import { Loaded } from '../ui/status';
import { DepartmentScoresView } from './department';
import { SHEET_PAGE } from './sheet-link';

/** Where a window stands, with its deadline as the last valid minute. */
const windowText = (span: Cycle['appraisal']) =>
  span.status === 'open' ? `đang mở, hạn ${formatDeadline(span.closesAt)}` : `${span.status === 'closed' ? 'đã đóng' : 'chưa mở'} (hạn ${formatDeadline(span.closesAt)})`;

/**
 * The appraisal worklist: every department's sheet and its members', with where each stands. The Office assigns
 * and finalizes from it; a council member opens from it the sheets it was assigned (the API lets it read those).
 */
export const AppraisalPage = () => {
  const { cycle } = useApp();
  const paths = usePaths();
  const board = useResource<Scoreboard>(`${paths.cycle}/scoreboard`);
  return (
    <>
      <PageTitle>Thẩm định năm {cycle.year}</PageTitle>
      <p data-testid="windows">
        Tự chấm điểm: {windowText(cycle.selfAssessment)} · Thẩm định: {windowText(cycle.appraisal)}
      </p>
      <Loaded resource={board}>
        {(data) =>
          data.departments.map((department) => (
            <details key={department.departmentId}>
              <summary>
                {department.name} — chờ chấm {department.membersPending}
              </summary>
              <p>
                <a {...linkProps(`${SHEET_PAGE}?participant=${encodeURIComponent(department.departmentId)}&kind=department&name=${encodeURIComponent(department.name)}`)}>Phiếu chấm của tập thể {department.name}</a>
              </p>
              <DepartmentScoresView departmentId={department.departmentId} />
            </details>
          ))
        }
      </Loaded>
    </>
  );
};
