import { decisionDecider, type DecisionCommand } from '../../domain/decisions/decider';
import { refuse } from '../../domain/errors';
import type { ParticipantRef } from '../../domain/policies';
import { rewardFor } from '../../domain/awards/reward';
import { executeCommand } from '../command';
import { requireReferences } from '../reference';
import { decisionContributions } from '../projections/awards';
import { batchGetViews } from '../store/views';
import { viewKeys } from '../store/view-keys';
import { commandRequest, etag, statusFor } from './command-request';
import { httpHandler } from './handler';
import { DecisionBody, DecisionParams } from './award-request';
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

/**
 * PUT /orgs/{org}/decisions/{decisionId} records a signed decision (number, date, signer, who gets which title);
 * the same PUT with a `reason` corrects it; POST …/revoke revokes it. The reward of each award is computed from
 * the base salary in force on the decision date and the title's multiple under the rules in force then.
 */
export const route: RouteHandler = async (request, deps) => {
  const { org, decisionId } = DecisionParams.parse(request.params);
  const command = commandOf(request);
  const id = { org, type: 'decision', id: decisionId } as const;
  if (command.type === 'RecordDecision') await requireReferences(deps, org, { campaignId: command.draft.campaignId });
  const context = async () => ({ actor: request.actor, recipients: await loadRecipients(deps, org, command), rewardFor });
  const result = await executeCommand(deps, decisionDecider, id, command, context, commandRequest(request));
  if (result.events.length === 0) refuse('not-found', 'no such decision');
  const { item } = decisionContributions(id, result.events);
  const { pk: _pk, sk: _sk, ...body } = item;
  return { status: statusFor(result.event), headers: etag(result.version), body };
};

export const handler = httpHandler(route);
