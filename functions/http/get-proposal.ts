import { publicView, queryViews } from '../store/views';
import { viewKeys } from '../store/view-keys';
import { httpHandler } from './handler';
import { cycleParams, recordResponse } from './respond';
import type { RouteHandler } from './types';
import { loadProposalStream, requireProposalReader } from './proposal-read';
import { proposalItem } from '../projections/awards';

/**
 * GET …/cycles/{year}/proposals/{proposalId}: the list, its session, and after the close the minutes and tally.
 * For the Office, the leadership and the council; it never shows who voted what (see proposalItem).
 */
export const route: RouteHandler = async (request, deps) => {
  requireProposalReader(request.actor);
  if (request.params.proposalId === undefined) {
    // GET …/cycles/{year}/proposals: every list of the cycle with its state (from the views).
    const { org, campaignId, year } = cycleParams.parse(request.params);
    const lists = await queryViews(deps, viewKeys.proposal(org, campaignId, year, '').pk);
    return { status: 200, body: { campaignId, year, proposals: lists.map(publicView) } };
  }
  const { id, events } = await loadProposalStream(request, deps);
  return recordResponse(proposalItem, id, events);
};

export const handler = httpHandler(route);
