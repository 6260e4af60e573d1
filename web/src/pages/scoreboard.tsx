import type { ChartConfiguration } from 'chart.js';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useApp, usePaths } from '../context';
import { formatPercent } from '../format';
import type { Scoreboard } from '../types';
import { ChartCanvas } from '../ui/chart';
import { DownloadButton } from '../ui/download-button';
import { useResource } from '../ui/hooks';
import { Table } from '../ui/table';
import { PageTitle } from '../ui/page-title';
import { Loaded, Progress } from '../ui/status';

const COLOURS = ['#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#c62828', '#00838f', '#4e342e', '#37474f'];

const scoresChart = (board: Scoreboard): ChartConfiguration => ({
  type: 'bar',
  data: {
    labels: board.departments.map((department) => department.name),
    datasets: [
      { label: 'Điểm tập thể (%)', data: board.departments.map((department) => department.collectiveScore), backgroundColor: COLOURS[0] },
      { label: 'Bình quân cá nhân (%)', data: board.departments.map((department) => department.membersMean), backgroundColor: COLOURS[1] },
    ],
  },
  options: { scales: { y: { min: 0, max: 100 } } },
});

/** Rank 1 at the top: the y axis is reversed. */
const ranksChart = (boards: readonly Scoreboard[]): ChartConfiguration => {
  const departments = [...new Map(boards.flatMap((board) => board.departments.map((department) => [department.departmentId, department.name]))).entries()];
  return {
    type: 'line',
    data: {
      labels: boards.map((board) => String(board.year)),
      datasets: departments.map(([id, name], index) => ({
        label: name,
        data: boards.map((board) => board.departments.find((department) => department.departmentId === id)?.rank ?? null),
        borderColor: COLOURS[index % COLOURS.length],
        backgroundColor: COLOURS[index % COLOURS.length],
      })),
    },
    // `offset`: the years sit mid-column, so a campaign's first year is not drawn on the axis itself.
    options: { scales: { x: { offset: true }, y: { reverse: true, min: 1, ticks: { stepSize: 1 } } } },
  };
};

/** A chart with nothing to draw says so, rather than drawing bare axes. */
const hasPoints = (config: ChartConfiguration) => config.data.datasets.some((dataset) => dataset.data.some((value) => value !== null && value !== undefined));

const NO_DATA = <p data-testid="chart-empty">Chưa có kết quả để vẽ biểu đồ.</p>;

/** The ranking over every year of the campaign so far (one scoreboard read per year). */
const RankingOverYears = () => {
  const { api, campaign } = useApp();
  const paths = usePaths();
  const years = campaign.cycles.filter((cycle) => cycle.status !== 'upcoming').map((cycle) => cycle.year);
  const [boards, setBoards] = useState<Scoreboard[] | null>(null);
  useEffect(() => {
    Promise.all(years.map((year) => api.get<Scoreboard>(`${paths.cycleOf(year)}/scoreboard`).then((result) => ({ ...result.body, year }))))
      .then(setBoards)
      .catch(() => setBoards([]));
  }, [campaign.campaignId, years.join()]);
  const config = useMemo(() => (boards ? ranksChart(boards) : null), [boards]);
  return (
    <section aria-labelledby="ranking-years">
      <h2 id="ranking-years">Xếp hạng qua các năm</h2>
      {!config ? <Progress busy /> : hasPoints(config) ? <ChartCanvas config={config} label="Biểu đồ thứ hạng của các phòng qua các năm" /> : NO_DATA}
    </section>
  );
};

/**
 * Departments ranked for one year, with a chart of their scores: the organization's own, or an overseen agency's.
 * The columns are the export's (grade, result, one per title granted), so a download shows what the screen shows.
 */
export const ScoreboardView = ({ board }: { board: Scoreboard }) => {
  const config = useMemo(() => scoresChart(board), [board]);
  const titles = Object.keys(board.titleLabels).sort();
  return (
    <>
      <p>{board.final ? 'Kết quả chính thức.' : 'Kết quả tạm tính: chưa chốt hết các phiếu chấm.'}</p>
      {hasPoints(config) ? <ChartCanvas config={config} label="Biểu đồ điểm của các phòng" /> : NO_DATA}
      <Table headers={['Hạng', 'Phòng', 'Điểm tập thể', 'Xếp loại', 'Bình quân cá nhân', 'Cá nhân đã có điểm', 'Cá nhân chờ chấm', 'Kết quả', ...titles.map((code) => board.titleLabels[code])]}>
        {board.departments.map((department) => (
          <tr key={department.departmentId}>
            <td>{department.rank ?? '—'}</td>
            <th scope="row">{department.name}</th>
            <td>{formatPercent(department.collectiveScore)}</td>
            <td>{department.gradeLabel ?? '—'}</td>
            <td>{formatPercent(department.membersMean)}</td>
            <td>{department.membersEvaluated}</td>
            <td>{department.membersPending}</td>
            <td>{department.final ? 'Chính thức' : 'Tạm tính'}</td>
            {titles.map((code) => (
              <td key={code}>{department.awards[code] ?? 0}</td>
            ))}
          </tr>
        ))}
      </Table>
    </>
  );
};

/** The organization's scoreboard of the year, its export, and its ranks over the years. */
export const ScoreboardPage = () => {
  const { cycle } = useApp();
  const paths = usePaths();
  const board = useResource<Scoreboard>(`${paths.cycle}/scoreboard`);
  return (
    <>
      <PageTitle>Bảng xếp hạng năm {cycle.year}</PageTitle>
      <Loaded resource={board}>
        {(data) => (
          <>
            <ScoreboardView board={data} />
            <DownloadButton path={`${paths.cycle}/exports/scoreboard`} label="Tải bảng xếp hạng (Excel)" />
          </>
        )}
      </Loaded>
      <RankingOverYears />
    </>
  );
};
