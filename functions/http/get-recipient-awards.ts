import { refuse } from '../../domain/errors';
import { mayRead } from '../../domain/policies';
import { batchGetViews } from '../store/views';
import { viewKeys } from '../store/view-keys';
import { httpHandler } from './handler';
import { RecipientParams } from './award-request';
import type { RouteHandler } from './types';

/**
 * GET /orgs/{org}/awards/{recipientKind}/{recipientId}: everything a member or department was granted, over every
 * cycle and campaign, newest first (so "3 consecutive CSTĐCS" is plain to see), with revoked ones marked.
 */
export const route: RouteHandler = async (request, deps) => {
  const { org, recipientKind, recipientId } = RecipientParams.parse(request.params);
  const [roster, awards] = await batchGetViews(deps, [viewKeys[recipientKind](org, recipientId), viewKeys.awards(org, recipientKind, recipientId)]);
  if (!roster) refuse('not-found', `no ${recipientKind} "${recipientId}"`);
  if (!mayRead(request.actor, { kind: recipientKind, id: recipientId, departmentId: roster!.departmentId as string })) refuse('forbidden', 'you may not read these awards');
  const entries = Object.values((awards?.entries ?? {}) as Record<string, { year: number; date: string }>).sort((a, b) => b.year - a.year || b.date.localeCompare(a.date));
  return { status: 200, body: { recipientKind, recipientId, awards: entries } };
};

export const handler = httpHandler(route);
