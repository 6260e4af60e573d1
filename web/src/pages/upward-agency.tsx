import { useLocation } from '../router';
import type { Board, Scoreboard } from '../types';
import { DownloadButton } from '../ui/download-button';
import { useResource } from '../ui/hooks';
import { PageTitle } from '../ui/page-title';
import { Loaded } from '../ui/status';
import { BoardTable } from './registration-board';
import { ScoreboardView } from './scoreboard';

export const AGENCY_PAGE = '/cap-tren/co-quan';

/** The API paths of an overseen agency's campaign (what the upward reader may read of it). */
export const agencyPaths = (org: string, campaignId: string) => {
  const campaign = `/orgs/${encodeURIComponent(org)}/campaigns/${encodeURIComponent(campaignId)}`;
  return {
    // The names ride along: an upward reader may read neither the agency's campaign nor (by id) its roster.
    page: (year: number, names: { agency: string; campaign: string }) => `${AGENCY_PAGE}?${new URLSearchParams({ org, campaign: campaignId, year: String(year), agency: names.agency, title: names.campaign })}`,
    cycle: (year: number) => `${campaign}/cycles/${year}`,
    // Sơ kết from the campaign's first year to this one (the API's default start); the whole period makes it tổng kết.
    report: (year: number) => `${campaign}/reports?to=${year}`,
  };
};

/** One overseen agency's year (?org=…&campaign=…&year=…): its scoreboard, its registration board, its report. */
export const UpwardAgencyPage = () => {
  const { query } = useLocation();
  const org = query.get('org') ?? '';
  const campaignId = query.get('campaign') ?? '';
  const year = Number(query.get('year'));
  const paths = agencyPaths(org, campaignId);
  const board = useResource<Scoreboard>(`${paths.cycle(year)}/scoreboard`);
  const registrations = useResource<Board>(`${paths.cycle(year)}/registrations`);
  return (
    <>
      <PageTitle>
        {query.get('agency') || org} — năm {year}
      </PageTitle>
      <p>{query.get('title') || campaignId}</p>
      <DownloadButton path={paths.report(year)} label="Tải báo cáo (Word)" />
      <section aria-labelledby="agency-scoreboard">
        <h2 id="agency-scoreboard">Bảng xếp hạng</h2>
        <Loaded resource={board}>{(data) => <ScoreboardView board={data} />}</Loaded>
      </section>
      <section aria-labelledby="agency-registrations">
        <h2 id="agency-registrations">Đăng ký thi đua</h2>
        <Loaded resource={registrations}>{(data) => <BoardTable board={data} />}</Loaded>
      </section>
    </>
  );
};
