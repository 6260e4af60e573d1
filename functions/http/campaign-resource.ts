import type { CampaignState } from '../../domain/campaign/decider';
import { firstYear, lastYear } from '../../domain/campaign/calendar';
import { cycleStatus, registrationWindow } from '../../domain/campaign/registration-window';
import { evaluationCalendarOf, gradeBandsOf } from '../../domain/evaluation/catalogue';
import { evaluationWindows } from '../../domain/evaluation/windows';
import { titleByCode } from '../../domain/titles';

/** A cycle as clients read it: where it stands at `now`, and its deadline as an ISO instant. */
export const cycleResource = (campaignId: string, campaign: CampaignState, year: number, now: Date) => {
  const window = registrationWindow(campaign, { year }, now)!;
  const evaluation = evaluationWindows(campaign, year, now);
  return {
    campaignId,
    year,
    status: cycleStatus(campaign, year, now),
    registrationStatus: window.status,
    registrationDeadline: window.deadline.toISOString(),
    registrationClosesAt: window.closesAt.toISOString(),
    opened: campaign.openedCycles.includes(year),
    registrationClosedRecorded: year in campaign.closedRegistrations,
    selfAssessment: { status: evaluation.selfAssessment.status, opensAt: evaluation.selfAssessment.opensAt.toISOString(), closesAt: evaluation.selfAssessment.closesAt.toISOString() },
    appraisal: { status: evaluation.appraisal.status, closesAt: evaluation.appraisal.closesAt.toISOString() },
  };
};

/** A campaign as clients read it: its definition (with the criteria catalogue at the top) and its cycles. */
export const campaignResource = (campaignId: string, campaign: CampaignState, version: number, now: Date) => {
  const definition = campaign.definition!;
  const years = Array.from({ length: lastYear(definition) - firstYear(definition) + 1 }, (_, index) => firstYear(definition) + index);
  const campaignWide = registrationWindow(campaign, { year: 'campaign' }, now)!;
  return {
    campaignId,
    version,
    ...definition,
    allowedTitles: definition.allowedTitles.map((code) => ({ code, label: titleByCode(code)!.label, for: titleByCode(code)!.for })),
    gradeBands: gradeBandsOf(definition),
    evaluationCalendar: evaluationCalendarOf(definition),
    ended: campaign.ended,
    campaignPledge: { registrationStatus: campaignWide.status, registrationDeadline: campaignWide.deadline.toISOString() },
    cycles: years.map((year) => cycleResource(campaignId, campaign, year, now)),
  };
};
