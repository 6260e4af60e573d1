import { disciplineDecider } from '../../domain/discipline/decider';
import { refuse } from '../../domain/errors';
import { executeCommand } from '../command';
import { loadParticipantReference } from '../reference';
import { commandRequest, statusFor } from './command-request';
import { httpHandler } from './handler';
import { DisciplineBody, DisciplineParams } from './award-request';
import { recordResponse } from './respond';
import type { RouteHandler } from './types';
import { disciplineItem } from '../projections/awards';

/** PUT …/cycles/{year}/discipline/{memberId}: the Office records a member's disciplinary measure for the year. */
export const route: RouteHandler = async (request, deps) => {
  const { org, campaignId, year, memberId } = DisciplineParams.parse(request.params);
  const { level, reason } = DisciplineBody.parse(request.body);
  const { participant, campaign } = await loadParticipantReference(deps, org, campaignId, year, memberId, 'member');
  if (!campaign) refuse('not-found', `no campaign "${campaignId}"`);
  const id = { org, type: 'discipline', id: `${year}:${memberId}` } as const;
  const command = level === null ? ({ type: 'ClearDiscipline', reason } as const) : ({ type: 'RecordDiscipline', year, level, reason } as const);
  const result = await executeCommand(deps, disciplineDecider, id, command, { actor: request.actor, member: participant }, commandRequest(request));
  return recordResponse(disciplineItem, id, result.events, statusFor(result.event));
};

export const handler = httpHandler(route);
