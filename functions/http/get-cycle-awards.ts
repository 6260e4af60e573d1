import { hasRole } from '../../domain/actor';
import { refuse } from '../../domain/errors';
import { awardCountOf } from '../projections/decision-pages';
import { batchGetViews, publicView, queryViews } from '../store/views';
import { viewKeys } from '../store/view-keys';
import { CycleAwardsQuery } from './award-request';
import { awardSummary } from './award-summary';
import { withinBudget } from './budget-page';
import { httpHandler } from './handler';
import { cycleParams } from './respond';
import type { RouteHandler } from './types';

/** One decision's page of awards: the first is in its item, every further one an item of its own (one BatchGetItem). */
const decisionPage = async (deps: Parameters<RouteHandler>[1], org: string, campaignId: string, year: number, decisionId: string, page: number) => {
  const [decision, pageItem] = await batchGetViews(deps, [viewKeys.decision(org, campaignId, year, decisionId), ...(page > 0 ? [viewKeys.decisionAwards(org, decisionId, page)] : [])]);
  if (!decision) refuse('not-found', 'no such decision in this cycle');
  const awardPages = (decision!.awardPages as number | undefined) ?? 1;
  if (page >= awardPages) refuse('not-found', `this decision has ${awardPages} page(s) of awards, from 0`);
  return { campaignId, year, decisionId, page, awardPages, awardCount: awardCountOf(decision!), awards: page === 0 ? decision!.awards : (pageItem?.awards ?? []) };
};

/**
 * GET …/cycles/{year}/awards: the cycle's decisions and, over those in force, the count and reward total per
 * title: the summary the Office reports upward. Readable by every role of the organization (decisions are public).
 * Each decision comes with its first page of awards; a larger one's further pages are read with `?decisionId=`
 * and `page=`. The list itself is paged by its size (`nextCursor`, sent back as `afterDecision`), the summary always covers the whole cycle.
 */
export const route: RouteHandler = async (request, deps) => {
  const { org, campaignId, year } = cycleParams.parse(request.params);
  const { afterDecision, decisionId, page } = CycleAwardsQuery.parse(request.query);
  if (!hasRole(request.actor, 'office', 'leader', 'council', 'head', 'member')) refuse('forbidden', 'this role does not read awards');
  if (decisionId !== undefined) return { status: 200, body: await decisionPage(deps, org, campaignId, year, decisionId, page) };
  const decisions = await queryViews(deps, viewKeys.decision(org, campaignId, year, '').pk);
  const listed = withinBudget(decisions.filter((decision) => afterDecision === undefined || decision.sk > afterDecision).map(publicView));
  return {
    status: 200,
    body: { campaignId, year, decisions: listed.taken, summary: awardSummary(decisions), nextCursor: listed.more ? (listed.taken.at(-1)!.decisionId as string) : null },
  };
};

export const handler = httpHandler(route);
