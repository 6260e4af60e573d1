import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../context';
import { formatDate, formatNumber, formatPercent } from '../format';
import type { Result, Sheet } from '../types';
import { useResource } from '../ui/hooks';
import { titleLabel } from '../ui/labels';
import { PageTitle } from '../ui/page-title';
import { Loaded, Progress } from '../ui/status';

interface Award {
  readonly year: number;
  readonly title: string;
  readonly number: string;
  readonly date: string;
  readonly amount: number | null;
  /** False once the decision was revoked or corrected to drop it: the record keeps it, marked. */
  readonly granted: boolean;
}

/** A member's final result of every year of the campaign so far (one score sheet read per year). */
const ResultsOverYears = ({ memberId }: { memberId: string }) => {
  const { api, campaign, session } = useApp();
  const [results, setResults] = useState<{ year: number; result: Result | null }[] | null>(null);
  useEffect(() => {
    const years = campaign.cycles.filter((cycle) => cycle.status !== 'upcoming').map((cycle) => cycle.year);
    const base = `/orgs/${encodeURIComponent(session.org)}/campaigns/${encodeURIComponent(campaign.campaignId)}/cycles`;
    Promise.all(years.map((year) => api.get<Sheet>(`${base}/${year}/evaluations/${encodeURIComponent(memberId)}?participantKind=member`).then((sheet) => ({ year, result: sheet.body.final }), () => ({ year, result: null }))))
      .then(setResults);
  }, [campaign.campaignId, memberId]);
  if (!results) return <Progress busy />;
  return (
    <table class="striped">
      <thead>
        <tr>
          <th scope="col">Năm</th>
          <th scope="col">Điểm</th>
          <th scope="col">Xếp loại</th>
        </tr>
      </thead>
      <tbody>
        {results.map(({ year, result }) => (
          <tr key={year}>
            <th scope="row">{year}</th>
            <td>{result ? `${formatPercent(result.percent)} (${formatNumber(result.total)}/${formatNumber(result.applicableMax)})` : 'Chưa có kết quả chính thức'}</td>
            <td>{result?.gradeLabel ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

/** A civil servant's results and awards over the years. */
export const MyResultsPage = () => {
  const { session, campaign } = useApp();
  const memberId = session.member ?? '';
  const awards = useResource<{ awards: readonly Award[] }>(memberId ? `/orgs/${encodeURIComponent(session.org)}/awards/member/${encodeURIComponent(memberId)}` : null);
  if (!memberId) return <p>Tài khoản chưa gắn với công chức nào.</p>;
  return (
    <>
      <PageTitle>Kết quả và khen thưởng của tôi</PageTitle>
      <h2>Kết quả chấm điểm</h2>
      <ResultsOverYears memberId={memberId} />
      <h2>Danh hiệu, khen thưởng</h2>
      <Loaded resource={awards}>
        {(data) =>
          data.awards.length === 0 ? (
            <p>Chưa có quyết định khen thưởng nào.</p>
          ) : (
            <ul>
              {data.awards.map((award, index) => (
                <li key={index}>
                  {award.year}: {titleLabel(campaign, award.title)} — Quyết định số {award.number} ngày {formatDate(award.date)}
                  {award.amount ? ` · ${formatNumber(award.amount)} đồng` : ''}
                  {!award.granted && ' (không còn hiệu lực)'}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </>
  );
};
