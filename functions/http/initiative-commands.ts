import { Recognition } from '../../events/initiative';
import { refuse } from '../../domain/errors';
import { type InitiativeCommand, initiativeDecider } from '../../domain/initiatives/decider';
import { executeCommand } from '../command';
import { initiativeAggregateId, initiativeItem } from '../projections/awards';
import { loadParticipantReference } from '../reference';
import { commandRequest, statusFor } from './command-request';
import { httpHandler } from './handler';
import { InitiativeBody, InitiativeParams, ProposeUpwardBody } from './initiative-request';
import { NoBody, ReasonBody, recordResponse } from './respond';
import type { HttpRequest, RouteHandler } from './types';

/** Each initiative command: its method and path suffix, and how its body becomes a command. */
const COMMANDS: Record<string, (body: unknown) => { command: InitiativeCommand; author?: { kind: 'department' | 'member'; id: string } }> = {
  PUT: (body) => {
    const { authorKind, authorId, ...content } = InitiativeBody.parse(body);
    return { command: { type: 'SubmitInitiative', content }, author: { kind: authorKind, id: authorId } };
  },
  'POST review': (body) => {
    NoBody.parse(body);
    return { command: { type: 'SendToReview' } };
  },
  'POST recognize': (body) => ({ command: { type: 'RecognizeInitiative', ...Recognition.parse(body) } }),
  'POST reject': (body) => ({ command: { type: 'RejectInitiative', reason: ReasonBody.parse(body).reason } }),
  'POST propose-upward': (body) => ({ command: { type: 'ProposeUpward', ...ProposeUpwardBody.parse(body) } }),
  'POST recognize-province-wide': (body) => ({ command: { type: 'RecognizeProvinceWide', ...Recognition.parse(body) } }),
};

const commandOf = (request: HttpRequest) => {
  const action = request.method === 'PUT' ? 'PUT' : `POST ${request.path.slice(request.path.lastIndexOf('/') + 1)}`;
  return (COMMANDS[action] ?? refuse('not-found', `no initiative action "${action}"`))(request.body);
};

/**
 * Initiatives (sáng kiến) and research projects (đề tài, `kind`): submitted (and amended) by a member or for a
 * department, sent to review, recognized (accepted) at base level with the decision's number and date, or rejected;
 * a recognized one may be proposed upward, and the province's decision recognizing its province-wide effect recorded.
 */
export const route: RouteHandler = async (request, deps) => {
  const { org, campaignId, year, initiativeId } = InitiativeParams.parse(request.params);
  const { command, author } = commandOf(request);
  // Submitting names an author (and the campaign): both must exist. Later actions find the initiative, or 404.
  const reference = author ? await loadParticipantReference(deps, org, campaignId, year, author.id, author.kind) : null;
  if (reference && !reference.campaign) refuse('not-found', `no campaign "${campaignId}"`);
  const id = { org, type: 'initiative', id: initiativeAggregateId(campaignId, year, initiativeId) } as const;
  const result = await executeCommand(deps, initiativeDecider, id, command, { actor: request.actor, author: reference?.participant ?? null }, commandRequest(request));
  return recordResponse(initiativeItem, id, result.events, statusFor(result.event));
};

export const handler = httpHandler(route);
