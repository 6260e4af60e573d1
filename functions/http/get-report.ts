import { hasRole } from '../../domain/actor';
import { firstYear, lastYear } from '../../domain/campaign/calendar';
import { refuse } from '../../domain/errors';
import { mayOversee } from '../../domain/policies';
import { vnDate } from '../../domain/time';
import { DOCX_CONTENT_TYPE } from '../exports/docx-parts';
import { issuerOf } from '../exports/issuer';
import { campaignStateOf } from '../reference';
import { renderReport } from '../reports/report-docx';
import { compileReport } from '../reports/report-model';
import { loadReportSource } from '../reports/report-source';
import { batchGetViews } from '../store/views';
import { viewKeys } from '../store/view-keys';
import { httpHandler } from './handler';
import { HttpProblem } from './problem';
import { ReportParams, ReportQuery } from './report-request';
import type { RouteHandler } from './types';

/**
 * GET /orgs/{org}/campaigns/{campaignId}/reports?from=&to=: the preliminary (sơ kết) or final (tổng kết) report
 * as a .docx, compiled from the views, headed with the organization's profile. The Office and the leadership read
 * it, and the upward readers overseeing the organization.
 */
export const route: RouteHandler = async (request, deps) => {
  const { org, campaignId } = ReportParams.parse(request.params);
  const query = ReportQuery.parse(request.query);
  if (!hasRole(request.actor, 'office', 'leader') && !mayOversee(request.actor, org)) refuse('forbidden', 'only the Office, the leadership and upward readers read reports');
  // The profile (the header) comes in the same BatchGetItem as the campaign: no call of its own.
  const [item, profile] = await batchGetViews(deps, [viewKeys.campaign(org, campaignId), viewKeys.organization(org)]);
  const definition = campaignStateOf(item)?.definition ?? refuse('not-found', `no campaign "${campaignId}"`);
  const period = { from: firstYear(definition), to: lastYear(definition) };
  // A report covers only years that have happened: by default the period so far (a sơ kết until the last year).
  const thisYear = vnDate(deps.now()).year;
  const [from, to] = [query.from ?? period.from, query.to ?? Math.min(period.to, thisYear)];
  if (from > to || from < period.from || to > period.to) {
    throw new HttpProblem('invalid-request', `the years must lie within the campaign's period ${period.from}-${period.to}, from before to`, {
      errors: [{ path: 'from', code: 'out-of-range', message: `${from}-${to} is not within ${period.from}-${period.to}` }],
    });
  }
  if (to > thisYear) {
    throw new HttpProblem('invalid-request', `${to} has not happened yet: a report covers the years up to ${thisYear}`, {
      errors: [{ path: 'to', code: 'future-year', message: `${to} is after ${thisYear}` }],
    });
  }
  const source = await loadReportSource(deps, org, { campaignId, campaignTitle: definition.title, period }, from, to);
  const model = compileReport(source);
  const bytes = await renderReport(model, issuerOf(org, profile), deps.now());
  const kind = model.kind === 'final' ? 'tổng kết' : 'sơ kết';
  return { status: 200, file: { contentType: DOCX_CONTENT_TYPE, fileName: `Báo cáo ${kind} phong trào thi đua CCHC ${from === to ? from : `${from}-${to}`}.docx`, bytes } };
};

export const handler = httpHandler(route);
