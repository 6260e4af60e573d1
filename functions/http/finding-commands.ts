import { FindingClosure, FindingContent } from '../../events/finding';
import { type FindingCommand, findingDecider } from '../../domain/findings/decider';
import { requireOffice } from '../../domain/policies';
import { executeCommand } from '../command';
import { findingAggregateId, findingItem } from '../projections/findings';
import { batchGetViews } from '../store/views';
import { viewKeys } from '../store/view-keys';
import { commandRequest, statusFor } from './command-request';
import { httpHandler } from './handler';
import { FindingParams } from './finding-request';
import { recordResponse } from './respond';
import type { HttpRequest, RouteHandler } from './types';

const commandOf = (request: HttpRequest): FindingCommand =>
  request.method === 'PUT' ? { type: 'SaveFinding', content: FindingContent.parse(request.body) } : { type: 'CloseFinding', closure: FindingClosure.parse(request.body) };

/**
 * PUT /orgs/{org}/departments/{departmentId}/findings/{findingId}: the Office records (or amends) a self-inspection
 * finding; POST …/close closes it with the date and a note on what was done.
 */
export const route: RouteHandler = async (request, deps) => {
  const { org, departmentId, findingId } = FindingParams.parse(request.params);
  const command = commandOf(request);
  requireOffice(request.actor);
  const loadDepartment = async () => {
    const [department] = await batchGetViews(deps, [viewKeys.department(org, departmentId)]);
    return { actor: request.actor, department: department ? { kind: 'department' as const, id: departmentId, departmentId } : null };
  };
  const id = { org, type: 'finding', id: findingAggregateId(departmentId, findingId) } as const;
  const result = await executeCommand(deps, findingDecider, id, command, loadDepartment, commandRequest(request));
  return recordResponse(findingItem, id, result.events, statusFor(result.event));
};

export const handler = httpHandler(route);
