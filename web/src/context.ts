import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ApiClient } from './api/client';
import type { Session } from './auth/session';
import type { ConsoleConfig } from './config';
import type { Campaign, Cycle } from './types';

/** What every page needs, with or without a campaign of the user's own organization: who is signed in, the API. */
export interface SignedIn {
  readonly config: ConsoleConfig;
  readonly session: Session;
  readonly api: ApiClient;
  /** The server's clock (locally the runtime's movable clock), for countdowns and the current year. */
  readonly now: () => Date;
}

/** A page of the user's own organization: also the campaign and year being looked at. */
export interface App extends SignedIn {
  readonly campaign: Campaign;
  readonly cycle: Cycle;
  readonly refreshCycle: () => void;
}

export const SignedInContext = createContext<SignedIn | null>(null);
export const AppContext = createContext<App | null>(null);

export const useSignedIn = (): SignedIn => {
  const signedIn = useContext(SignedInContext);
  if (!signedIn) throw new Error('useSignedIn outside the signed-in console');
  return signedIn;
};

export const useApp = (): App => {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp outside a page of the organization');
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
