import { useState } from 'preact/hooks';
import { useSignedIn } from '../context';
import { formatNumber, formatPercent, vnYear } from '../format';
import { linkProps } from '../router';
import type { UpwardRow } from '../types';
import { DownloadButton } from '../ui/download-button';
import { useResource } from '../ui/hooks';
import { PageTitle } from '../ui/page-title';
import { Loaded } from '../ui/status';
import { Table } from '../ui/table';
import { agencyPaths } from './upward-agency';

/** Years offered: which ones an agency runs is the API's answer; a reader looks at this decade and the next year. */
const yearsAround = (current: number) => Array.from({ length: 11 }, (_, index) => current + 1 - index);

const share = (part: number, whole: number, rate: number | null) => `${part}/${whole} (${formatPercent(rate)})`;

/** The titles granted, by the labels the API gives beside their codes. */
const titlesText = (row: UpwardRow) =>
  Object.entries(row.titles)
    .map(([title, count]) => `${row.titleLabels[title] ?? title}: ${count}`)
    .join('; ') || '—';

const AgencyRow = ({ row, year }: { row: UpwardRow; year: number }) => {
  const paths = row.campaignId ? agencyPaths(row.org, row.campaignId) : null;
  return (
    <tr>
      <th scope="row">{row.agencyName}</th>
      <td>{row.campaignTitle ?? 'Không có phong trào năm này'}</td>
      <td>
        {row.registration ? (
          <>
            Tập thể {share(row.registration.departmentsRegistered, row.registration.departments, row.registration.departmentRate)}
            <br />
            Cá nhân {share(row.registration.membersRegistered, row.registration.members, row.registration.memberRate)}
          </>
        ) : (
          '—'
        )}
      </td>
      <td>
        {row.evaluation ? (
          <>
            Đã nộp {share(row.evaluation.submitted, row.evaluation.participants, row.evaluation.participationRate)}
            <br />
            Đã chốt {row.evaluation.finalized}
          </>
        ) : (
          '—'
        )}
      </td>
      <td>{formatPercent(row.meanDepartmentScore)}</td>
      <td>{row.topDepartment ? `${row.topDepartment.name} (${formatPercent(row.topDepartment.score)})` : '—'}</td>
      <td>
        {titlesText(row)}
        {row.awards > 0 && ` · ${formatNumber(row.awards)} lượt`}
      </td>
      <td>
        {paths && (
          <>
            <a {...linkProps(paths.page(year, { agency: row.agencyName, campaign: row.campaignTitle ?? '' }))} aria-label={`Bảng xếp hạng của ${row.agencyName}`}>
              Bảng xếp hạng
            </a>
            <DownloadButton path={paths.report(year)} label="Báo cáo (Word)" name={`Tải báo cáo của ${row.agencyName}`} />
          </>
        )}
      </td>
    </tr>
  );
};

/** The upward reader's (Sở Nội vụ) table: the agencies it oversees side by side, for one year. */
export const UpwardPage = () => {
  const { now } = useSignedIn();
  const [year, setYear] = useState(() => vnYear(now()));
  const agencies = useResource<{ agencies: readonly UpwardRow[] }>(`/upward/cycles/${year}`);
  return (
    <>
      <PageTitle>Các cơ quan theo dõi — năm {year}</PageTitle>
      <label class="year-picker">
        Năm thi đua
        <select value={String(year)} onChange={(event) => setYear(Number((event.target as HTMLSelectElement).value))}>
          {yearsAround(vnYear(now())).map((each) => (
            <option key={each} value={each}>
              {each}
            </option>
          ))}
        </select>
      </label>
      <Loaded resource={agencies}>
        {(data) =>
          data.agencies.length === 0 ? (
            <p>Tài khoản chưa được giao theo dõi cơ quan nào.</p>
          ) : (
            // Eight columns of sentences: on a phone each keeps a readable width, the table scrolls.
            <div class="wide-cells">
              <Table headers={['Cơ quan', 'Phong trào', 'Đăng ký thi đua', 'Tự chấm điểm', 'Điểm bình quân các phòng', 'Phòng dẫn đầu', 'Danh hiệu đã tặng', 'Chi tiết']} testId="agencies">
                {data.agencies.map((row) => (
                  <AgencyRow key={`${row.org}:${row.campaignId}`} row={row} year={year} />
                ))}
              </Table>
            </div>
          )
        }
      </Loaded>
    </>
  );
};
