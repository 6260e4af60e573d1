import { hasRole } from '../../domain/actor';
import { refuse } from '../../domain/errors';
import { visibleDepartment } from '../../domain/policies';
import { publicView, queryViews } from '../store/views';
import { viewKeys } from '../store/view-keys';
import { httpHandler } from './handler';
import { orgParams } from './respond';
import type { RouteHandler } from './types';

/**
 * GET /orgs/{org}/departments and GET /orgs/{org}/members: the roster. The Office and the leadership see all of
 * it; a head sees its own department and its members. The path says which list.
 */
export const route: RouteHandler = async (request, deps) => {
  const { org } = orgParams.parse(request.params);
  if (!hasRole(request.actor, 'office', 'leader', 'head')) refuse('forbidden', 'only the Office, the leadership and heads read the roster');
  const kind = request.path.endsWith('/departments') ? 'department' : 'member';
  const items = await queryViews(deps, viewKeys[kind](org, '').pk);
  const visible = items.filter((item) => visibleDepartment(request.actor, item.departmentId as string));
  return { status: 200, body: { [kind === 'department' ? 'departments' : 'members']: visible.map(publicView) } };
};

export const handler = httpHandler(route);
