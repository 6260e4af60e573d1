import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { CouncilEvent } from '../../events/voting';
import { ruleSetFor } from '../../domain/awards/rule-sets';
import { fold } from '../../domain/decider';
import { vnIsoDate } from '../../domain/time';
import { refuse } from '../../domain/errors';
import { councilDecider } from '../../domain/voting/council';
import { type ProposalCommand, proposalDecider } from '../../domain/voting/proposal';
import { type CommandRequest, executeCommand } from '../command';
import { requireReferences } from '../reference';
import { loadStream } from '../store/event-store';
import { queryViews } from '../store/views';
import { viewKeys } from '../store/view-keys';
import { commandRequest, statusFor } from './command-request';
import { httpHandler } from './handler';
import { NoBody, recordResponse } from './respond';
import { BallotBody, CloseVotingBody, DraftProposalBody, ProposalParams, WrittenOpinionBody } from './voting-request';
import type { HttpRequest, RouteHandler } from './types';
import { proposalItem } from '../projections/awards';

const COMMANDS: Record<string, (body: unknown, year: number) => ProposalCommand> = {
  PUT: (body, year) => {
    const { nominations, quota, reviewDate = `${year}-12-31` } = DraftProposalBody.parse(body);
    return { type: 'DraftProposal', nominations, quota, reviewDate };
  },
  'POST open': (body) => (NoBody.parse(body), { type: 'OpenVoting' }),
  'POST ballot': (body) => ({ type: 'CastBallot', votes: BallotBody.parse(body).votes }),
  'POST written-opinion': (body) => ({ type: 'RecordWrittenOpinion', ...WrittenOpinionBody.parse(body) }),
  'POST close': (body) => ({ type: 'CloseVoting', ...CloseVotingBody.parse(body) }),
};

const commandOf = (request: HttpRequest, year: number) => {
  const action = request.method === 'PUT' ? 'PUT' : `POST ${request.path.slice(request.path.lastIndexOf('/') + 1)}`;
  return (COMMANDS[action] ?? refuse('not-found', `no proposal action "${action}"`))(request.body, year);
};

/** Members granted Lao động tiên tiến in the cycle (by decision, not revoked): the base of a rule set's cap. */
const ldttHolders = async (deps: Parameters<RouteHandler>[1], org: string, campaignId: string, year: number) => {
  const awards = await queryViews(deps, viewKeys.awards(org, 'member', '').pk);
  return awards.filter((item) =>
    Object.values((item.entries ?? {}) as Record<string, { title: string; granted: boolean; year: number; campaignId: string }>).some(
      (entry) => entry.title === 'lao-dong-tien-tien' && entry.granted && entry.year === year && entry.campaignId === campaignId,
    ),
  ).length;
};

/** A ballot's seal: the same for the same member in the same session (a second ballot is refused), and nothing else. */
const seal = (sessionNonce: string, memberId: string) => createHmac('sha256', sessionNonce).update(memberId).digest('base64url');

/**
 * A ballot's request as its event records it: no actor, request id or correlation id. Its Idempotency-Key is kept
 * scoped to the voter (a hash of the voter's sub and the key: one voter's retry finds its own ballot, another
 * caller sending the same key casts, or is refused, afresh), so the stored key names nobody either.
 */
const ballotRequest = (request: HttpRequest, org: string): CommandRequest => {
  const { idempotency } = commandRequest(request);
  return {
    actor: { sub: 'secret-ballot', org, roles: ['council'] },
    idempotency: idempotency && { ...idempotency, key: createHash('sha256').update(`${request.actor.sub}\n${idempotency.key}`).digest('base64url') },
  };
};

/**
 * A proposal list and its voting session: drafted by the Office, opened (the council as it stands is snapshotted),
 * voted by secret ballot by each council member once (absent members' written opinions recorded by the Office),
 * closed with the minutes. A ballot is stored with a seal and a receipt, never its voter; its event carries no
 * actor, request id or own time, and its request is logged without the voter.
 */
export const route: RouteHandler = async (request, deps) => {
  const { org, campaignId, year, proposalId } = ProposalParams.parse(request.params);
  const command = commandOf(request, year);
  const id = { org, type: 'proposal', id: `${campaignId}:${year}:${proposalId}` } as const;
  const receipt = randomUUID();
  const context = async () => {
    const council = command.type === 'OpenVoting' ? fold(councilDecider, (await loadStream(deps, { org, type: 'council', id: `${campaignId}:${year}` })) as unknown as CouncilEvent[]).members : [];
    const holders = command.type === 'DraftProposal' ? await ldttHolders(deps, org, campaignId, year) : 0;
    return { actor: request.actor, council, sessionNonce: randomBytes(32).toString('base64url'), rulesFor: ruleSetFor, today: vnIsoDate(deps.now()), ldttHolders: holders, seal, receipt };
  };
  if (command.type === 'DraftProposal') {
    const nominees = (kind: 'member' | 'department') => command.nominations.filter((nomination) => nomination.nomineeKind === kind).map((nomination) => nomination.nomineeId);
    await requireReferences(deps, org, { campaignId, members: nominees('member'), departments: nominees('department') });
  }
  const secret = command.type === 'CastBallot';
  const commandDeps = secret ? { ...deps, now: () => new Date(0) } : deps;
  const requestMeta = secret ? ballotRequest(request, org) : commandRequest(request);
  const result = await executeCommand(commandDeps, proposalDecider, id, command, context, requestMeta);
  if (secret) return { status: 201, body: { receipt: (result.event?.data as { receipt: string }).receipt, counted: true } };
  return recordResponse(proposalItem, id, result.events, statusFor(result.event));
};

export const handler = httpHandler(route);
