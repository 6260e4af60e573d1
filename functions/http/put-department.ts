import { DepartmentProfile } from '../../events/organization';
import { departmentDecider } from '../../domain/organization/department';
import { executeCommand } from '../command';
import { commandRequest } from './command-request';
import { httpHandler } from './handler';
import { commandResponse } from './respond';
import { DepartmentParams } from './roster-request';
import type { RouteHandler } from './types';
import { departmentItem } from '../projections';

/** PUT /orgs/{org}/departments/{departmentId}: the Office creates or renames a department. */
export const route: RouteHandler = async (request, deps) => {
  const { org, departmentId } = DepartmentParams.parse(request.params);
  const profile = DepartmentProfile.parse(request.body);
  const id = { org, type: 'department', id: departmentId } as const;
  const result = await executeCommand(deps, departmentDecider, id, { type: 'SaveDepartment', profile }, { actor: request.actor }, commandRequest(request));
  return commandResponse(departmentItem, id, result);
};

export const handler = httpHandler(route);
