import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { ApiClient } from './api/client';
import { ApiError, type Problem } from './api/problem';
import { ROLE_LABELS, type Session, hasRole } from './auth/session';
import type { ConsoleConfig } from './config';
import { type App, AppContext } from './context';
import { PAGES } from './pages';
import { linkProps, useLocation } from './router';
import type { Campaign } from './types';
import { ProblemAlert, Progress } from './ui/status';

const CAMPAIGN_KEY = 'thidua.campaign';

/** The cycle a page opens on: the API's current one, else the latest past one. */
const defaultYear = (campaign: Campaign) =>
  (campaign.cycles.find((cycle) => cycle.status === 'current') ?? [...campaign.cycles].reverse().find((cycle) => cycle.status === 'past') ?? campaign.cycles[0]).year;

/** The signed-in console: header (campaign, year, user), the pages of the user's roles, and the page itself. */
export const Shell = ({ config, session, api, signOut }: { config: ConsoleConfig; session: Session; api: ApiClient; signOut: () => void }) => {
  const [campaignId, setCampaignId] = useState(() => localStorage.getItem(CAMPAIGN_KEY) ?? config.defaultCampaign);
  const [campaign, setCampaign] = useState<Campaign | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [offsetMs, setOffsetMs] = useState(0);
  const location = useLocation();

  const loadCampaign = useCallback(() => {
    setProblem(null);
    api.get<Campaign>(`/orgs/${encodeURIComponent(session.org)}/campaigns/${encodeURIComponent(campaignId)}`).then(
      (result) => {
        setCampaign(result.body);
        setYear((current) => (current && result.body.cycles.some((cycle) => cycle.year === current) ? current : defaultYear(result.body)));
      },
      (error) => setProblem(error instanceof ApiError ? error.problem : null),
    );
  }, [api, session.org, campaignId]);
  useEffect(loadCampaign, [loadCampaign]);

  // Locally the runtime's clock can be anywhere in time: countdowns follow it, not the device's.
  useEffect(() => {
    if (config.mode !== 'local') return;
    api.get<{ now: string }>('/_local/clock').then((result) => setOffsetMs(new Date(result.body.now).getTime() - Date.now()), () => undefined);
  }, [api, config.mode, campaign]);

  const pages = PAGES.filter((page) => hasRole(session, ...page.roles));
  const page = pages.find((each) => each.path === location.path) ?? pages.find((each) => !each.hidden);
  const cycle = campaign?.cycles.find((each) => each.year === year);
  const app = useMemo<App | null>(
    () => (campaign && cycle ? { config, session, api, campaign, cycle, now: () => new Date(Date.now() + offsetMs), refreshCycle: loadCampaign } : null),
    [config, session, api, campaign, cycle, offsetMs, loadCampaign],
  );

  const chooseCampaign = (event: Event) => {
    event.preventDefault();
    const value = new FormData(event.target as HTMLFormElement).get('campaign')?.toString().trim();
    if (!value) return;
    localStorage.setItem(CAMPAIGN_KEY, value);
    setYear(null);
    setCampaignId(value);
  };

  return (
    <>
      <header class="container-fluid top">
        {config.mode === 'local' && <p class="local-banner">Môi trường thử nghiệm (local)</p>}
        <nav aria-label="Tài khoản">
          <ul>
            <li>
              <strong>Thi đua CCHC</strong>
            </li>
          </ul>
          <ul>
            <li>
              <span class="who">
                {session.name} · {session.roles.map((role) => ROLE_LABELS[role] ?? role).join(', ')}
              </span>
            </li>
            <li>
              <button type="button" class="secondary outline" onClick={signOut}>
                Đăng xuất
              </button>
            </li>
          </ul>
        </nav>
        <div class="context-bar">
          <form onSubmit={chooseCampaign} class="campaign-form" aria-label="Chọn phong trào">
            <input name="campaign" aria-label="Mã phong trào" defaultValue={campaignId} />
            <button type="submit" class="secondary">
              Mở
            </button>
          </form>
          {campaign && (
            <label class="year-picker">
              Năm thi đua
              <select value={String(year ?? '')} onChange={(event) => setYear(Number((event.target as HTMLSelectElement).value))}>
                {campaign.cycles.map((each) => (
                  <option key={each.year} value={each.year}>
                    {each.year}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        {campaign && <p class="campaign-title">{campaign.title}</p>}
        <nav aria-label="Chức năng" class="pages">
          <ul>
            {pages.filter((each) => !each.hidden).map((each) => (
              <li key={each.path}>
                <a {...linkProps(each.path)} aria-current={each === page ? 'page' : undefined}>
                  {each.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main class="container" id="main">
        <ProblemAlert problem={problem} />
        {!app && !problem && <Progress busy />}
        {app && page && (
          <AppContext.Provider value={app}>
            <page.component />
          </AppContext.Provider>
        )}
        {app && !page && <p>Tài khoản này chưa có vai trò nào trong hệ thống.</p>}
      </main>
    </>
  );
};
