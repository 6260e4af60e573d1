import type { CampaignState } from '../campaign/decider';
import { startOfNextVnDay, vnInstant } from '../time';
import { evaluationCalendarOf } from './catalogue';

export type EvaluationWindowName = 'self-assessment-opened' | 'self-assessment-closed' | 'appraisal-closed';

export interface EvaluationWindows {
  readonly selfAssessment: { readonly status: 'not-open' | 'open' | 'closed'; readonly opensAt: Date; readonly closesAt: Date };
  readonly appraisal: { readonly status: 'not-open' | 'open' | 'closed'; readonly closesAt: Date };
}

/**
 * The evaluation calendar of a cycle at `now`. As with registration, the clock decides and the scheduler's
 * recorded events only confirm (a close recorded early, by hand, also counts).
 */
export const evaluationWindows = (campaign: CampaignState, year: number, now: Date): EvaluationWindows => {
  const calendar = evaluationCalendarOf(campaign.definition!);
  const recorded = campaign.evaluationWindows[year] ?? {};
  const opensAt = vnInstant(year, calendar.selfAssessmentOpens.month, calendar.selfAssessmentOpens.day);
  const closesAt = startOfNextVnDay({ year, ...calendar.selfAssessmentCloses });
  const appraisalClosesAt = startOfNextVnDay({ year, ...calendar.appraisalCloses });
  const selfClosed = campaign.ended || now >= closesAt || 'self-assessment-closed' in recorded;
  return {
    selfAssessment: { status: selfClosed ? 'closed' : now >= opensAt ? 'open' : 'not-open', opensAt, closesAt },
    // Appraisal runs alongside self-assessment (a sheet is appraised once submitted) and then until its own close.
    appraisal: { status: campaign.ended || now >= appraisalClosesAt || 'appraisal-closed' in recorded ? 'closed' : now >= opensAt ? 'open' : 'not-open', closesAt: appraisalClosesAt },
  };
};

/** When each window event falls due, for the scheduler. */
export const windowDueTimes = (campaign: CampaignState, year: number): Record<EvaluationWindowName, Date> => {
  const windows = evaluationWindows({ ...campaign, evaluationWindows: {}, ended: false }, year, new Date(0));
  return {
    'self-assessment-opened': windows.selfAssessment.opensAt,
    'self-assessment-closed': windows.selfAssessment.closesAt,
    'appraisal-closed': windows.appraisal.closesAt,
  };
};
