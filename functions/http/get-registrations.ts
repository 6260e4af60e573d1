import { mayOversee } from '../../domain/policies';
import { httpHandler } from './handler';
import { loadRegistrationBoard } from './registration-board';
import { cycleParams } from './respond';
import type { RouteHandler } from './types';

/**
 * GET …/cycles/{year}/registrations: the registration board (see registration-board.ts). The Office and the
 * leadership see the whole organization; a head its department; a member its own row; an upward reader the whole
 * board of an organization it oversees.
 */
export const route: RouteHandler = async (request, deps) => {
  const { org, campaignId, year } = cycleParams.parse(request.params);
  // An upward reader overseeing the organization reads its whole board (but not its exports).
  const reader = mayOversee(request.actor, org) ? undefined : request.actor;
  return { status: 200, body: await loadRegistrationBoard(deps, org, campaignId, year, reader) };
};

export const handler = httpHandler(route);
