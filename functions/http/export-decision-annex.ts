import { hasRole } from '../../domain/actor';
import { refuse } from '../../domain/errors';
import { annexDocx } from '../exports/annex-file';
import { loadIssuer } from '../exports/issuer';
import { fold } from '../../domain/decider';
import { decisionDecider } from '../../domain/decisions/decider';
import type { DecisionEvent } from '../../events/decision';
import { loadStream } from '../store/event-store';
import { queryViews } from '../store/views';
import { viewKeys } from '../store/view-keys';
import { DecisionParams } from './award-request';
import { httpHandler } from './handler';
import type { RouteHandler } from './types';

/**
 * GET /orgs/{org}/decisions/{decisionId}/annex: the decision's annex as .docx. Decisions are public within the
 * organization (as its cycle's awards are), so every role of it reads the annex. The decision is folded from its
 * stream (its path names no cycle), all its pages of awards; names come from the roster (looked up by key: the
 * annex of 5,000 awards is linear), the header from the organization's profile.
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
  const { content, awardsToCome, revoked } = fold(decisionDecider, events as unknown as DecisionEvent[]);
  // A list cut off while it was written would be paid from as if whole: the Office sends the decision again first.
  if (awardsToCome > 0) refuse('invalid-transition', `this decision's awards are still being recorded (${awardsToCome} to come): send the decision again to complete it`);
  const departmentNames = new Map(departments.map((each) => [each.sk, each.name as string]));
  const memberNames = new Map(members.map((each) => [each.sk, each.fullName as string]));
  const departmentName = (departmentId: string) => departmentNames.get(departmentId) ?? departmentId;
  const nameOf = (kind: 'department' | 'member', recipientId: string) => (kind === 'department' ? departmentName(recipientId) : (memberNames.get(recipientId) ?? recipientId));
  return { status: 200, file: await annexDocx(content!, { issuer, nameOf, departmentName, revoked }) };
};

export const handler = httpHandler(route);
