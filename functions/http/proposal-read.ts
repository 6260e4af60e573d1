import { type Actor, hasRole } from '../../domain/actor';
import { refuse } from '../../domain/errors';
import type { Deps } from '../deps';
import { loadStream } from '../store/event-store';
import type { HttpRequest } from './types';
import { ProposalParams } from './voting-request';

/** Proposal lists, their sessions and minutes are read by the Office, the leadership and the council. */
export const requireProposalReader = (actor: Actor): void => {
  if (!hasRole(actor, 'office', 'leader', 'council')) refuse('forbidden', 'proposals are read by the Office, the leadership and the council');
};

/** The proposal a request names, as its event stream (the JSON record and the minutes file both fold it). */
export const loadProposalStream = async (request: HttpRequest, deps: Deps) => {
  requireProposalReader(request.actor);
  const { org, campaignId, year, proposalId } = ProposalParams.parse(request.params);
  const id = { org, type: 'proposal', id: `${campaignId}:${year}:${proposalId}` } as const;
  return { id, events: await loadStream(deps, id), org, campaignId, year, proposalId };
};
