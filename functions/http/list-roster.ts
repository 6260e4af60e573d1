import { hasRole } from '../../domain/actor';
import { refuse } from '../../domain/errors';
import { seesWholeOrganization, visibleDepartment } from '../../domain/policies';
import { vnIsoDate } from '../../domain/time';
import { rosterOn } from '../roster';
import { publicView, queryViews } from '../store/views';
import { viewKeys } from '../store/view-keys';
import { httpHandler } from './handler';
import { orgParams } from './respond';
import type { RouteHandler } from './types';

/**
 * GET /orgs/{org}/departments and GET /orgs/{org}/members: the roster. The Office and the leadership see all of
 * it (members who left too, with `left` and every posting); a head sees its own department and the members in it
 * today. The path says which list.
 */
export const route: RouteHandler = async (request, deps) => {
  const { org } = orgParams.parse(request.params);
  if (!hasRole(request.actor, 'office', 'leader', 'head')) refuse('forbidden', 'only the Office, the leadership and heads read the roster');
  const kind = request.path.endsWith('/departments') ? 'department' : 'member';
  const items = await queryViews(deps, viewKeys[kind](org, '').pk);
  // Members as of today: a head sees who is in its department now; the Office also those who left (with `left`).
  const today = kind === 'member' && !seesWholeOrganization(request.actor) ? rosterOn(items, vnIsoDate(deps.now())) : items;
  const visible = today.filter((item) => visibleDepartment(request.actor, item.departmentId as string));
  return { status: 200, body: { [kind === 'department' ? 'departments' : 'members']: visible.map(publicView) } };
};

export const handler = httpHandler(route);
