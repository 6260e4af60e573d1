import { vnIsoDate } from '../../domain/time';
import type { Deps } from '../deps';
import { loadFindings } from '../findings';
import { queryViews } from '../store/views';
import { pledgePartition, scoresPartition, viewKeys } from '../store/view-keys';
import type { CycleViews } from './cycle-summary';
import type { ReportSource } from './report-model';

/** The years `from`..`to`, inclusive. */
export const yearRange = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, index) => from + index);

/** A cycle's pledges, score items and decisions: three Queries at once. */
export const loadCycleViews = async (deps: Deps, org: string, campaignId: string, year: number): Promise<CycleViews> => {
  const [pledges, scoreItems, decisions] = await Promise.all([
    queryViews(deps, pledgePartition(org, campaignId, year)),
    queryViews(deps, scoresPartition(org, campaignId, year)),
    queryViews(deps, viewKeys.decision(org, campaignId, year, '').pk),
  ]);
  return { pledges, scoreItems, decisions };
};

/** The organization's departments and members: two Queries at once. */
export const loadRoster = async (deps: Deps, org: string) => {
  const [departments, members] = await Promise.all([queryViews(deps, viewKeys.department(org, '').pk), queryViews(deps, viewKeys.member(org, '').pk)]);
  return { departments, members };
};

/**
 * Reads what a report is compiled from, all Queries at once: the roster (two), the findings (one), and per year the
 * pledges, the score items, the decisions and the initiatives (four): 23 Queries for a five-year report, whatever
 * the agency's size but for paging.
 */
export const loadReportSource = async (
  deps: Deps,
  org: string,
  campaign: Pick<ReportSource, 'campaignId' | 'campaignTitle' | 'period'>,
  from: number,
  to: number,
): Promise<ReportSource> => {
  const { campaignId } = campaign;
  const [roster, findings, years] = await Promise.all([
    loadRoster(deps, org),
    loadFindings(deps, org),
    Promise.all(
      yearRange(from, to).map(async (year) => {
        const [cycle, initiatives] = await Promise.all([loadCycleViews(deps, org, campaignId, year), queryViews(deps, viewKeys.initiative(org, campaignId, year, '').pk)]);
        return { year, ...cycle, initiatives };
      }),
    ),
  ]);
  return { ...campaign, ...roster, years, findings, asOf: vnIsoDate(deps.now()) };
};
