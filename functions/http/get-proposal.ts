import { publicView, queryViews } from '../store/views';
import { viewKeys } from '../store/view-keys';
import { type RosterKind, type RosterNames, loadRosterNames } from '../exports/roster-names';
import { httpHandler } from './handler';
import { cycleParams, recordResponse } from './respond';
import type { RouteHandler } from './types';
import { loadProposalStream, requireProposalReader } from './proposal-read';
import { proposalItem } from '../projections/awards';

interface ProposalBody {
  readonly nominations: readonly { readonly nomineeKind: RosterKind; readonly nomineeId: string }[];
  readonly minutes: { readonly members: readonly string[] } | null;
}

/**
 * Names beside the ids, so no screen shows a code: each nominee's full name and unit (the ballot lists them so),
 * and the council members' names (the minutes list them). A council member may not read the roster itself.
 */
const withNames = (body: ProposalBody, names: RosterNames) => ({
  ...body,
  nominations: body.nominations.map((nomination) => ({ ...nomination, nomineeName: names.nameOf(nomination.nomineeKind, nomination.nomineeId), unitName: names.unitOf(nomination.nomineeKind, nomination.nomineeId) })),
  memberNames: Object.fromEntries((body.minutes?.members ?? []).map((memberId) => [memberId, names.nameOf('member', memberId)])),
});

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
  const { id, events, org } = await loadProposalStream(request, deps);
  const response = recordResponse(proposalItem, id, events);
  return { ...response, body: withNames(response.body as ProposalBody, await loadRosterNames(deps, org)) };
};

export const handler = httpHandler(route);
