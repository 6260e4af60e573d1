import { refuse } from '../../domain/errors';
import { loadCampaignTitle } from '../exports/campaign-title';
import { loadIssuer } from '../exports/issuer';
import { minutesDocx } from '../exports/minutes-file';
import { proposalItem } from '../projections/awards';
import { loadRosterNames } from '../exports/roster-names';
import { httpHandler } from './handler';
import { HttpProblem } from './problem';
import { loadProposalStream } from './proposal-read';
import type { RouteHandler } from './types';

/**
 * GET …/cycles/{year}/proposals/{proposalId}/minutes: the council's minutes as .docx, once the session is closed
 * (409 minutes-not-ready before). Built from the same record the JSON route answers, with names from the roster
 * and the header from the organization's profile.
 */
export const route: RouteHandler = async (request, deps) => {
  const { id, events, org, campaignId } = await loadProposalStream(request, deps);
  if (events.length === 0) refuse('not-found', 'no such proposal');
  const record = proposalItem(id, events);
  if (record.minutes === null) throw new HttpProblem('minutes-not-ready', `the session is ${record.status}: the minutes exist once it is closed`);
  const [names, campaignTitle, issuer] = await Promise.all([loadRosterNames(deps, org), loadCampaignTitle(deps, org, campaignId), loadIssuer(deps, org)]);
  const file = await minutesDocx({ ...record, minutes: record.minutes }, { campaignTitle, issuer, ...names });
  return { status: 200, file };
};

export const handler = httpHandler(route);
