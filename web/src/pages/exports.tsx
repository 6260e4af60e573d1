import { useState } from 'preact/hooks';
import { useApp, usePaths } from '../context';
import { DownloadButton } from '../ui/download-button';
import { PageTitle } from '../ui/page-title';

/** Every file the API produces for the year, in one place; minutes and annexes are also on their own pages. */
export const ExportsPage = () => {
  const { campaign, cycle } = useApp();
  const paths = usePaths();
  const [from, setFrom] = useState(String(campaign.cycles[0]?.year ?? cycle.year));
  const [to, setTo] = useState(String(cycle.year));
  return (
    <>
      <PageTitle>Xuất dữ liệu năm {cycle.year}</PageTitle>
      <section aria-labelledby="export-cycle">
        <h2 id="export-cycle">Danh sách và bảng điểm</h2>
        <div class="actions">
          <DownloadButton path={`${paths.cycle}/exports/registrations?format=xlsx`} label="Danh sách đăng ký (Excel)" />
          <DownloadButton path={`${paths.cycle}/exports/registrations?format=csv`} label="Danh sách đăng ký (CSV)" />
          <DownloadButton path={`${paths.cycle}/exports/scoreboard`} label="Bảng xếp hạng (Excel)" />
        </div>
      </section>
      <section aria-labelledby="export-report">
        <h2 id="export-report">Báo cáo sơ kết, tổng kết</h2>
        <div class="grid">
          <label>
            Từ năm
            <input type="number" min={campaign.cycles[0]?.year} max={campaign.cycles.at(-1)?.year} value={from} onInput={(event) => setFrom((event.target as HTMLInputElement).value)} />
          </label>
          <label>
            Đến năm
            <input type="number" min={campaign.cycles[0]?.year} max={campaign.cycles.at(-1)?.year} value={to} onInput={(event) => setTo((event.target as HTMLInputElement).value)} />
          </label>
        </div>
        <DownloadButton path={`${paths.campaign}/reports?${new URLSearchParams({ from, to })}`} label="Tải báo cáo" fields={{ from: 'Từ năm', to: 'Đến năm' }} />
      </section>
    </>
  );
};
