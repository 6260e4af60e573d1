import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ApiClient } from './api/client';
import type { Session } from './auth/session';
import type { ConsoleConfig } from './config';
import type { Campaign, Cycle } from './types';

/** What every page needs: who is signed in, the API, and the campaign and year being looked at. */
export interface App {
  readonly config: ConsoleConfig;
  readonly session: Session;
  readonly api: ApiClient;
  readonly campaign: Campaign;
  readonly cycle: Cycle;
  /** The server's clock (locally the runtime's movable clock), for countdowns. */
  readonly now: () => Date;
  readonly refreshCycle: () => void;
}

export const AppContext = createContext<App | null>(null);

export const useApp = (): App => {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp outside the signed-in console');
  return app;
};

/** The API paths of the campaign and year being looked at. */
export const usePaths = () => {
  const { session, campaign, cycle } = useApp();
  const org = `/orgs/${encodeURIComponent(session.org)}`;
  const campaignPath = `${org}/campaigns/${encodeURIComponent(campaign.campaignId)}`;
  const cyclePath = `${campaignPath}/cycles/${cycle.year}`;
  return {
    org,
    campaign: campaignPath,
    cycle: cyclePath,
    cycleOf: (year: number) => `${campaignPath}/cycles/${year}`,
    pledge: (participantId: string, kind: string) => `${cyclePath}/pledges/${encodeURIComponent(participantId)}?participantKind=${kind}`,
    evaluation: (participantId: string, kind: string, action = '') =>
      `${cyclePath}/evaluations/${encodeURIComponent(participantId)}${action ? `/${action}` : ''}?participantKind=${kind}`,
    proposal: (proposalId: string, action = '') => `${cyclePath}/proposals/${encodeURIComponent(proposalId)}${action ? `/${action}` : ''}`,
  };
};
