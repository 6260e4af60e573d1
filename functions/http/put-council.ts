import { councilDecider } from '../../domain/voting/council';
import { executeCommand } from '../command';
import { requireReferences } from '../reference';
import { commandRequest, statusFor } from './command-request';
import { httpHandler } from './handler';
import { cycleParams, recordResponse } from './respond';
import type { RouteHandler } from './types';
import { CouncilBody } from './voting-request';
import { councilItem } from '../projections/awards';

/** PUT …/cycles/{year}/council: the Office keeps the council's full membership (thresholds count all of them). */
export const route: RouteHandler = async (request, deps) => {
  const { org, campaignId, year } = cycleParams.parse(request.params);
  const { members } = CouncilBody.parse(request.body);
  await requireReferences(deps, org, { campaignId, members: members.map((member) => member.memberId) });
  const id = { org, type: 'council', id: `${campaignId}:${year}` } as const;
  const result = await executeCommand(deps, councilDecider, id, { type: 'ConstituteCouncil', members }, { actor: request.actor }, commandRequest(request));
  return recordResponse(councilItem, id, result.events, statusFor(result.event));
};

export const handler = httpHandler(route);
