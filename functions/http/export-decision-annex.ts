import { hasRole } from '../../domain/actor';
import { refuse } from '../../domain/errors';
import { annexDocx } from '../exports/annex-file';
import { loadIssuer } from '../exports/issuer';
import { decisionContributions } from '../projections/awards';
import { loadStream } from '../store/event-store';
import { queryViews } from '../store/views';
import { viewKeys } from '../store/view-keys';
import { DecisionParams } from './award-request';
import { httpHandler } from './handler';
import type { RouteHandler } from './types';

/**
 * GET /orgs/{org}/decisions/{decisionId}/annex: the decision's annex as .docx. Decisions are public within the
 * organization (as its cycle's awards are), so every role of it reads the annex. The decision is folded from its
 * stream (its path names no cycle); names come from the roster, the header from the organization's profile.
 */
export const route: RouteHandler = async (request, deps) => {
  const { org, decisionId } = DecisionParams.parse(request.params);
  if (!hasRole(request.actor, 'office', 'leader', 'council', 'head', 'member')) refuse('forbidden', 'this role does not read awards');
  const id = { org, type: 'decision', id: decisionId } as const;
  const [events, departments, members, issuer] = await Promise.all([
    loadStream(deps, id),
    queryViews(deps, viewKeys.department(org, '').pk),
    queryViews(deps, viewKeys.member(org, '').pk),
    loadIssuer(deps, org),
  ]);
  if (events.length === 0) refuse('not-found', 'no such decision');
  const { item } = decisionContributions(id, events);
  const departmentName = (departmentId: string) => (departments.find((each) => each.sk === departmentId)?.name as string | undefined) ?? departmentId;
  const nameOf = (kind: 'department' | 'member', recipientId: string) =>
    kind === 'department' ? departmentName(recipientId) : ((members.find((each) => each.sk === recipientId)?.fullName as string | undefined) ?? recipientId);
  return { status: 200, file: await annexDocx(item, { issuer, nameOf, departmentName, revoked: item.revoked }) };
};

export const handler = httpHandler(route);
