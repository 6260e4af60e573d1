import { hasRole } from '../../domain/actor';
import { hasCycle } from '../../domain/campaign/calendar';
import { refuse } from '../../domain/errors';
import { titleByCode } from '../../domain/titles';
import { mapWithConcurrency } from '../concurrency';
import type { Deps } from '../deps';
import { loadIssuer } from '../exports/issuer';
import { campaignStateOf } from '../reference';
import { summarizeCycle } from '../reports/cycle-summary';
import { loadCycleViews, loadRoster } from '../reports/report-source';
import { queryViews } from '../store/views';
import { viewKeys } from '../store/view-keys';
import { httpHandler } from './handler';
import { UpwardCycleParams } from './report-request';
import type { RouteHandler } from './types';
import { rosterOfCycle } from '../roster';

/** How many agencies are read at once: a province oversees dozens, each costing a handful of Queries. */
const AGENCIES_AT_ONCE = 4;

/**
 * One agency's rows: a row per campaign with a cycle that year, or one empty row if it runs none. Each names the
 * agency as its profile does (its id while it has none).
 */
const agencyRows = async (deps: Deps, org: string, year: number) => {
  const [campaigns, roster, { name: agencyName }] = await Promise.all([queryViews(deps, viewKeys.campaign(org, '').pk), loadRoster(deps, org), loadIssuer(deps, org)]);
  const running = campaigns.flatMap((item) => {
    const definition = campaignStateOf(item)?.definition;
    return definition && hasCycle(definition, year) ? [{ campaignId: item.sk, title: definition.title }] : [];
  });
  if (running.length === 0) return [{ org, agencyName, campaignId: null, campaignTitle: null, registration: null, evaluation: null, meanDepartmentScore: null, topDepartment: null, titles: {}, titleLabels: {}, awards: 0 }];
  return Promise.all(
    running.map(async ({ campaignId, title }) => {
      const summary = summarizeCycle(roster.departments, rosterOfCycle(roster.members, year), await loadCycleViews(deps, org, campaignId, year));
      return {
        org,
        agencyName,
        campaignId,
        campaignTitle: title,
        registration: summary.registration,
        evaluation: summary.evaluation,
        meanDepartmentScore: summary.meanDepartmentScore,
        topDepartment: summary.topDepartment,
        titles: Object.fromEntries(summary.awards.titles.map((line) => [line.title, line.count])),
        // Labels beside the codes: an upward reader reads no campaign of the agency's to find them in.
        titleLabels: Object.fromEntries(summary.awards.titles.map((line) => [line.title, titleByCode(line.title)?.label ?? line.title])),
        awards: summary.awards.awards,
      };
    }),
  );
};

/**
 * GET /upward/cycles/{year}: for an upward reader (Sở Nội vụ), one table of the agencies it oversees for that
 * year: per agency and campaign, registration rates, evaluation progress, the departments' mean score, the top
 * department and the titles granted.
 */
export const route: RouteHandler = async (request, deps) => {
  const { year } = UpwardCycleParams.parse(request.params);
  const { actor } = request;
  if (!hasRole(actor, 'upward')) refuse('forbidden', 'only upward readers read agencies side by side');
  const rows = await mapWithConcurrency([...new Set(actor.oversees)], AGENCIES_AT_ONCE, (org) => agencyRows(deps, org, year));
  return { status: 200, body: { year, agencies: rows.flat() } };
};

export const handler = httpHandler(route);
