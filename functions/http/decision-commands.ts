import { decisionDecider, type DecisionCommand } from '../../domain/decisions/decider';
import { refuse } from '../../domain/errors';
import type { ParticipantRef } from '../../domain/policies';
import { rewardFor } from '../../domain/awards/reward';
import { ruleSetFor } from '../../domain/awards/rule-sets';
import { fold } from '../../domain/decider';
import { type ProposalState, proposalDecider } from '../../domain/voting/proposal';
import type { ProposalEvent } from '../../events/voting';
import type { TitleCode } from '../../domain/titles';
import { loadStream } from '../store/event-store';
import { executeCommand } from '../command';
import { requireReferences } from '../reference';
import { decisionContributions } from '../projections/awards';
import { summaryOf } from '../projections/decision-pages';
import { decisionCycleFacts } from './decision-eligibility';
import { batchGetViews, queryViews } from '../store/views';
import { viewKeys } from '../store/view-keys';
import { commandRequest, etag, statusFor } from './command-request';
import { httpHandler } from './handler';
import { DECISION_BODY_BYTES, DecisionBody, DecisionParams } from './award-request';
import { ReasonBody } from './respond';
import type { HttpRequest, RouteHandler } from './types';

const commandOf = (request: HttpRequest): DecisionCommand => {
  if (request.method === 'PUT') {
    const { reason, ...draft } = DecisionBody.parse(request.body);
    return { type: 'RecordDecision', draft, reason };
  }
  if (request.path.endsWith('/revoke')) return { type: 'RevokeDecision', reason: ReasonBody.parse(request.body).reason };
  return refuse('not-found', 'no such decision action');
};

/** The recipients named by a decision, from the roster, in one BatchGetItem. */
const loadRecipients = async (deps: Parameters<RouteHandler>[1], org: string, command: DecisionCommand) => {
  if (command.type !== 'RecordDecision') return new Map<string, ParticipantRef>();
  const named = [...new Map(command.draft.awards.map((award) => [`${award.recipientKind}:${award.recipientId}`, award])).values()];
  const items = await batchGetViews(deps, named.map((award) => viewKeys[award.recipientKind](org, award.recipientId)));
  return new Map(
    named.flatMap((award, index) => (items[index] ? [[`${award.recipientKind}:${award.recipientId}`, { kind: award.recipientKind, id: award.recipientId, departmentId: items[index]!.departmentId as string }]] : [])),
  );
};

/** The council sessions a decision names (proposal lists of its cycle), one Query each: usually one. */
const loadSessions = async (deps: Parameters<RouteHandler>[1], org: string, command: DecisionCommand) => {
  if (command.type !== 'RecordDecision') return new Map<string, ProposalState>();
  const { campaignId, year } = command.draft;
  const named = [...new Set(command.draft.awards.flatMap((award) => award.proposalId ?? []))];
  const streams = await Promise.all(named.map((proposalId) => loadStream(deps, { org, type: 'proposal', id: `${campaignId}:${year}:${proposalId}` })));
  return new Map(named.map((proposalId, index) => [proposalId, fold(proposalDecider, streams[index] as unknown as ProposalEvent[])]));
};

/** What the cycle's other decisions (not revoked) grant to members, per title: one Query of the cycle's decisions. */
const loadCycleGrants = async (deps: Parameters<RouteHandler>[1], org: string, decisionId: string, command: DecisionCommand) => {
  if (command.type !== 'RecordDecision') return {};
  const { campaignId, year } = command.draft;
  const others = (await queryViews(deps, viewKeys.decision(org, campaignId, year, '').pk)).filter((item) => item.sk !== decisionId && !item.revoked);
  const grants: Partial<Record<TitleCode, number>> = {};
  for (const item of others) for (const [title, { members }] of Object.entries(summaryOf(item).titles)) grants[title as TitleCode] = (grants[title as TitleCode] ?? 0) + members;
  return grants;
};

/**
 * PUT /orgs/{org}/decisions/{decisionId} records a signed decision (number, date, signer, who gets which title);
 * the same PUT with a `reason` corrects it; POST …/revoke revokes it. The reward of each award is computed from
 * the base salary in force on the decision date and the title's multiple under the rules in force then. A title
 * that the agency council votes on names the session that passed it, and is granted within its quota only
 * (domain/decisions/council-passed.ts), and only to a recipient eligible on the review date
 * (domain/decisions/eligible-recipients.ts), unless the decision records the legal basis for an exception.
 */
export const route: RouteHandler = async (request, deps) => {
  const { org, decisionId } = DecisionParams.parse(request.params);
  const command = commandOf(request);
  const id = { org, type: 'decision', id: decisionId } as const;
  if (command.type === 'RecordDecision') await requireReferences(deps, org, { campaignId: command.draft.campaignId });
  const context = async () => {
    const [recipients, sessions, cycleGrants, cycleFacts] = await Promise.all([
      loadRecipients(deps, org, command),
      loadSessions(deps, org, command),
      loadCycleGrants(deps, org, decisionId, command),
      decisionCycleFacts(deps, org, decisionId, command),
    ]);
    return { actor: request.actor, recipients, rewardFor, rulesFor: ruleSetFor, sessions, cycleGrants, cycleFacts };
  };
  const result = await executeCommand(deps, decisionDecider, id, command, context, commandRequest(request));
  if (result.events.length === 0) refuse('not-found', 'no such decision');
  const { item } = decisionContributions(id, result.events);
  const { pk: _pk, sk: _sk, ...body } = item;
  return { status: statusFor(result.event), headers: etag(result.version), body };
};

export const handler = httpHandler(route, { maxBodyBytes: DECISION_BODY_BYTES });
