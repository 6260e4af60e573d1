import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { ApiClient } from './api/client';
import { ApiError, type Problem } from './api/problem';
import { ROLE_LABELS, type Session, hasRole } from './auth/session';
import type { ConsoleConfig } from './config';
import { type App, AppContext, type SignedIn, SignedInContext } from './context';
import { PAGES } from './pages';
import { linkProps, useLocation } from './router';
import type { Campaign } from './types';
import { CampaignPicker } from './ui/campaign-picker';
import { ProblemAlert, Progress } from './ui/status';

const CAMPAIGN_KEY = 'thidua.campaign';

/** A phone's width (styles.css folds the menu below it): the page opens on its content, the menu one tap away. */
const PHONE = '(max-width: 575px)';
const isPhone = () => window.matchMedia(PHONE).matches;

/** The cycle a page opens on: the API's current one, else the latest past one. */
const defaultYear = (campaign: Campaign) =>
  (campaign.cycles.find((cycle) => cycle.status === 'current') ?? [...campaign.cycles].reverse().find((cycle) => cycle.status === 'past') ?? campaign.cycles[0]).year;

/** The campaign and year being looked at, chosen in the header (pages of the user's own organization only). */
const ContextBar = ({ campaignId, onCampaign, campaign, year, onYear }: { campaignId: string; onCampaign: (id: string) => void; campaign: Campaign | null; year: number | null; onYear: (year: number) => void }) => {
  return (
    <>
      <div class="context-bar">
        <CampaignPicker campaignId={campaignId} onCampaign={onCampaign} />
        {campaign && (
          <label class="year-picker">
            Năm thi đua
            <select value={String(year ?? '')} onChange={(event) => onYear(Number((event.target as HTMLSelectElement).value))}>
              {campaign.cycles.map((each) => (
                <option key={each.year} value={each.year}>
                  {each.year}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
    </>
  );
};

/**
 * The signed-in console: header (user, and for pages of the user's own organization the campaign and year), the
 * pages of the user's roles, and the page itself. An upward reader's pages read no campaign of its own.
 */
export const Shell = ({ config, session, api, signOut }: { config: ConsoleConfig; session: Session; api: ApiClient; signOut: () => void }) => {
  const [campaignId, setCampaignId] = useState(() => localStorage.getItem(CAMPAIGN_KEY) ?? config.defaultCampaign);
  const [campaign, setCampaign] = useState<Campaign | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [offsetMs, setOffsetMs] = useState(0);
  const location = useLocation();
  const [agency, setAgency] = useState('');
  const [menuOpen, setMenuOpen] = useState(() => !isPhone());

  const pages = PAGES.filter((page) => hasRole(session, ...page.roles));
  const page = pages.find((each) => each.path === location.path) ?? pages.find((each) => !each.hidden);
  const ofOrganization = pages.some((each) => !each.standalone);

  const loadCampaign = useCallback(() => {
    if (!ofOrganization) return;
    setProblem(null);
    api.get<Campaign>(`/orgs/${encodeURIComponent(session.org)}/campaigns/${encodeURIComponent(campaignId)}`).then(
      (result) => {
        setCampaign(result.body);
        setYear((current) => (current && result.body.cycles.some((cycle) => cycle.year === current) ? current : defaultYear(result.body)));
      },
      (error) => setProblem(error instanceof ApiError ? error.problem : null),
    );
  }, [api, session.org, campaignId, ofOrganization]);
  useEffect(loadCampaign, [loadCampaign]);

  // Locally the runtime's clock can be anywhere in time: countdowns and the current year follow it, not the device's.
  useEffect(() => {
    if (config.mode !== 'local') return;
    api.get<{ now: string }>('/_local/clock').then((result) => setOffsetMs(new Date(result.body.now).getTime() - Date.now()), () => undefined);
  }, [api, config.mode, campaign]);

  // An office account is no person: the header names it by its agency (the organization's profile).
  useEffect(() => {
    if (ofOrganization) api.get<{ name: string }>(`/orgs/${encodeURIComponent(session.org)}/profile`).then((result) => setAgency(result.body.name), () => undefined);
  }, [api, session.org, ofOrganization]);
  // On a phone, choosing a page folds the menu again so the page itself fills the screen.
  useEffect(() => {
    if (isPhone()) setMenuOpen(false);
  }, [location.path]);

  const cycle = campaign?.cycles.find((each) => each.year === year);
  const signedIn = useMemo<SignedIn>(() => ({ config, session, api, now: () => new Date(Date.now() + offsetMs) }), [config, session, api, offsetMs]);
  const app = useMemo<App | null>(() => (campaign && cycle ? { ...signedIn, campaign, cycle, refreshCycle: loadCampaign } : null), [signedIn, campaign, cycle, loadCampaign]);

  const chooseCampaign = (value: string) => {
    localStorage.setItem(CAMPAIGN_KEY, value);
    setYear(null);
    setCampaignId(value);
  };

  return (
    <SignedInContext.Provider value={signedIn}>
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
                {[session.name, agency].filter(Boolean).join(' — ')} · {session.roles.map((role) => ROLE_LABELS[role] ?? role).join(', ')}
              </span>
            </li>
            <li>
              <button type="button" class="secondary outline" onClick={signOut}>
                Đăng xuất
              </button>
            </li>
          </ul>
        </nav>
        <details class="menu" open={menuOpen} onToggle={(event) => setMenuOpen((event.target as HTMLDetailsElement).open)}>
          <summary>
            Menu: {page?.label}
            {ofOrganization && year ? ` · năm ${year}` : ''}
          </summary>
        {ofOrganization && <ContextBar campaignId={campaignId} onCampaign={chooseCampaign} campaign={campaign} year={year} onYear={setYear} />}
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
        </details>
      </header>
      <main class="container" id="main">
        {!page && <p>Tài khoản này chưa có vai trò nào trong hệ thống.</p>}
        {page?.standalone && <page.component />}
        {page && !page.standalone && (
          <>
            <ProblemAlert problem={problem} />
            {!app && !problem && <Progress busy />}
            {app && (
              <AppContext.Provider value={app}>
                <page.component />
              </AppContext.Provider>
            )}
          </>
        )}
      </main>
    </SignedInContext.Provider>
  );
};
