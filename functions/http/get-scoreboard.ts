import { mayOversee } from '../../domain/policies';
import { httpHandler } from './handler';
import { cycleParams } from './respond';
import { loadScoreboard } from './scoreboard';
import type { RouteHandler } from './types';

/**
 * GET …/cycles/{year}/scoreboard: departments ranked, with the titles granted; provisional until `final`. Who sees
 * which rows: see scoreboard.ts.
 */
export const route: RouteHandler = async (request, deps) => {
  const { org, campaignId, year } = cycleParams.parse(request.params);
  // An upward reader overseeing the organization reads every row (but not the export).
  const reader = mayOversee(request.actor, org) ? undefined : request.actor;
  return { status: 200, body: (await loadScoreboard(deps, org, campaignId, year, reader)).board };
};

export const handler = httpHandler(route);
