import { useRef, useState } from 'preact/hooks';
import { hasRole } from '../auth/session';
import { useApp, usePaths } from '../context';
import { formatDate } from '../format';
import type { Finding, Roster } from '../types';
import { Dialog } from '../ui/dialog';
import { useResource } from '../ui/hooks';
import { PageTitle } from '../ui/page-title';
import { useRefocus } from '../ui/refocus';
import { SelectField } from '../ui/select-field';
import { Loaded } from '../ui/status';
import { Table } from '../ui/table';
import { CloseFindingForm } from './finding-close-form';
import { FindingForm, findingKey } from './finding-forms';

type StatusFilter = 'open' | 'closed' | '';
const STATUS_FILTERS: readonly { value: StatusFilter; label: string }[] = [
  { value: 'open', label: 'Chưa khắc phục' },
  { value: 'closed', label: 'Đã khắc phục' },
  { value: '', label: 'Tất cả' },
];

/**
 * The list as read, with what this page has written since laid over it: the list is a view the projector keeps,
 * a write's own answer is newer. A written finding the filters leave out is left out.
 */
const withWritten = (listed: readonly Finding[], written: readonly Finding[], status: StatusFilter, departmentId: string) => {
  const shown = new Map(listed.map((finding) => [findingKey(finding), finding]));
  for (const finding of written) shown.set(findingKey(finding), finding);
  return [...shown.values()].filter((finding) => (!status || finding.status === status) && (!departmentId || finding.departmentId === departmentId));
};

/** Where a finding stands: open (and past its due date, as the API marks it), or closed with what was done. */
export const findingState = (finding: Finding) =>
  finding.status === 'closed' ? `Đã khắc phục ngày ${formatDate(finding.closedOn)}: ${finding.closureNote ?? ''}` : finding.overdue ? 'Quá hạn khắc phục' : 'Đang khắc phục';

const rowId = (finding: Finding) => `finding-row-${findingKey(finding)}`;

/** Self-inspection (tự kiểm tra): the findings per department, recorded and closed by the Office. */
export const FindingsPage = () => {
  const { session } = useApp();
  const paths = usePaths();
  const office = hasRole(session, 'office');
  const [status, setStatus] = useState<StatusFilter>('open');
  const [departmentId, setDepartmentId] = useState('');
  const [written, setWritten] = useState<Finding[]>([]);
  const [closing, setClosing] = useState<Finding | null>(null);
  const [amending, setAmending] = useState<Finding | null>(null);
  const [announced, setAnnounced] = useState('');
  const listHeading = useRef<HTMLHeadingElement>(null);
  const refocus = useRefocus(listHeading);
  const query = new URLSearchParams({ ...(status ? { status } : {}), ...(departmentId ? { departmentId } : {}) });
  const findings = useResource<{ findings: readonly Finding[] }>(`${paths.org}/findings?${query}`);
  const roster = useResource<Roster>(`${paths.org}/departments`);
  const departments = (roster.data?.departments ?? []).map((department) => ({ value: department.departmentId, label: department.name }));
  const nameOf = (id: string) => departments.find((department) => department.value === id)?.label ?? id;
  const remember = (finding: Finding) => setWritten((current) => [...current.filter((each) => findingKey(each) !== findingKey(finding)), finding]);
  /** A dialog's write done: the list shows it, the live region says it, focus stays near it. */
  const settle = (finding: Finding, done: string) => {
    remember(finding);
    setClosing(null);
    setAmending(null);
    setAnnounced(`${done}: ${finding.area}, ${nameOf(finding.departmentId)}.`);
    refocus(rowId(finding));
  };
  const named = (finding: Finding) => `${finding.area}, ${nameOf(finding.departmentId)}`;

  return (
    <>
      <PageTitle>Tự kiểm tra cải cách hành chính</PageTitle>
      <div class="grid">
        <SelectField label="Phòng" value={departmentId} onChange={setDepartmentId} options={departments} empty="Tất cả các phòng" />
        <SelectField label="Tình trạng" value={status} onChange={(value) => setStatus(value as StatusFilter)} options={STATUS_FILTERS} />
      </div>
      <h2 id="findings-list" ref={listHeading} tabIndex={-1}>
        Kết quả tự kiểm tra
      </h2>
      {/* Always present and never display:none, so screen readers announce what a dialog did once it has closed. */}
      <p role="status" class="announce" data-testid="findings-announced">
        {announced}
      </p>
      <Loaded resource={findings}>
        {(data) => {
          const shown = withWritten(data.findings, written, status, departmentId);
          return shown.length === 0 ? (
            <p>Không có kết quả tự kiểm tra nào.</p>
          ) : (
            <Table headers={['Phòng', 'Ngày kiểm tra', 'Lĩnh vực', 'Tồn tại, hạn chế', 'Biện pháp khắc phục', 'Hạn khắc phục', 'Tình trạng', ...(office ? [''] : [])]} testId="findings">
              {shown.map((finding) => (
                <tr key={findingKey(finding)} id={rowId(finding)} tabIndex={-1}>
                  <th scope="row">{nameOf(finding.departmentId)}</th>
                  <td>{formatDate(finding.date)}</td>
                  <td>{finding.area}</td>
                  <td>{finding.shortcoming}</td>
                  <td>{finding.correctiveAction}</td>
                  <td>{formatDate(finding.dueDate)}</td>
                  <td class={finding.status === 'closed' ? 'ok' : finding.overdue ? 'missing' : ''}>{findingState(finding)}</td>
                  {office && (
                    <td>
                      {finding.status === 'open' && (
                        <div class="row-actions">
                          <button type="button" class="secondary outline small" onClick={() => setAmending(finding)} aria-label={`Sửa: ${named(finding)}`}>
                            Sửa
                          </button>
                          <button type="button" class="secondary outline small" onClick={() => setClosing(finding)} aria-label={`Đã khắc phục: ${named(finding)}`}>
                            Đã khắc phục
                          </button>
                        </div>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </Table>
          );
        }}
      </Loaded>
      {office && <FindingForm departments={departments} onSaved={remember} />}
      {closing && (
        <Dialog title={`Khắc phục xong: ${nameOf(closing.departmentId)}`} onClose={() => setClosing(null)}>
          <CloseFindingForm finding={closing} onClosed={(finding) => settle(finding, 'Đã xác nhận khắc phục')} />
        </Dialog>
      )}
      {amending && (
        <Dialog title={`Sửa kết quả tự kiểm tra: ${nameOf(amending.departmentId)}`} onClose={() => setAmending(null)}>
          <FindingForm departments={departments} amending={amending} onSaved={(finding) => settle(finding, 'Đã sửa kết quả tự kiểm tra')} />
        </Dialog>
      )}
    </>
  );
};
