import { refuse } from '../../domain/errors';
import { mayReadFindings } from '../../domain/policies';
import { vnIsoDate } from '../../domain/time';
import { loadFindings } from '../findings';
import { httpHandler } from './handler';
import { FindingsQuery } from './finding-request';
import { orgParams } from './respond';
import type { RouteHandler } from './types';

/**
 * GET /orgs/{org}/findings[?departmentId=&status=open|closed]: the self-inspection findings, each department's in key
 * order; an open one past its due date is marked overdue. The Office, the leadership and the council read all; a
 * head its own department's (without `departmentId`, that is what it gets).
 */
export const route: RouteHandler = async (request, deps) => {
  const { org } = orgParams.parse(request.params);
  const { departmentId, status } = FindingsQuery.parse(request.query);
  const { actor } = request;
  const scope = mayReadFindings(actor) ? departmentId : (departmentId ?? actor.department);
  if (!mayReadFindings(actor, scope)) refuse('forbidden', 'you may not read these self-inspection findings');
  const today = vnIsoDate(deps.now());
  const findings = (await loadFindings(deps, org, scope, status)).map((finding) => ({ ...finding, overdue: finding.status === 'open' && (finding.dueDate as string) < today }));
  return { status: 200, body: { findings } };
};

export const handler = httpHandler(route);
