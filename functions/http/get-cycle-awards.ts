import { hasRole } from '../../domain/actor';
import { refuse } from '../../domain/errors';
import { titleByCode } from '../../domain/titles';
import type { GrantedAward } from '../../events/decision';
import { publicView, queryViews } from '../store/views';
import { viewKeys } from '../store/view-keys';
import { httpHandler } from './handler';
import { cycleParams } from './respond';
import type { RouteHandler } from './types';

/**
 * GET …/cycles/{year}/awards: the cycle's decisions and, over those in force, the count and reward total per
 * title: the summary the Office reports upward. Readable by every role of the organization (decisions are public).
 */
export const route: RouteHandler = async (request, deps) => {
  const { org, campaignId, year } = cycleParams.parse(request.params);
  if (!hasRole(request.actor, 'office', 'leader', 'council', 'head', 'member')) refuse('forbidden', 'this role does not read awards');
  const decisions = await queryViews(deps, viewKeys.decision(org, campaignId, year, '').pk);
  const inForce = decisions.filter((decision) => decision.revoked === null).flatMap((decision) => decision.awards as GrantedAward[]);
  const byTitle = new Map<string, { title: string; label: string; count: number; amount: number }>();
  for (const award of inForce) {
    const line = byTitle.get(award.title) ?? { title: award.title, label: titleByCode(award.title)!.label, count: 0, amount: 0 };
    line.count += 1;
    line.amount += award.amount ?? 0;
    byTitle.set(award.title, line);
  }
  const titles = [...byTitle.values()];
  return {
    status: 200,
    body: { campaignId, year, decisions: decisions.map(publicView), summary: { titles, awards: inForce.length, totalAmount: titles.reduce((sum, line) => sum + line.amount, 0) } },
  };
};

export const handler = httpHandler(route);
