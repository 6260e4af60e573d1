import { currentCycleYear } from '../../domain/campaign/calendar';
import type { EvaluationWindowName } from '../../domain/evaluation/windows';
import { windowDueTimes } from '../../domain/evaluation/windows';
import { type Deps, lambdaDeps } from '../deps';
import { listCampaigns, logRun, runCampaignCommand } from './campaigns';

/**
 * Daily, just after midnight Asia/Ho_Chi_Minh: records the evaluation windows that fell due in the running year
 * (self-assessment opened, closed; appraisal closed). Commands check the clock themselves; these events confirm.
 */
export const run = async (deps: Deps) => {
  const now = deps.now();
  let recorded = 0;
  for (const campaign of await listCampaigns(deps)) {
    const year = campaign.state.ended ? null : currentCycleYear(campaign.state.definition!, now);
    if (year === null) continue;
    const done = campaign.state.evaluationWindows[year] ?? {};
    for (const [window, due] of Object.entries(windowDueTimes(campaign.state, year)) as [EvaluationWindowName, Date][]) {
      if (due <= now && !(window in done)) recorded += await runCampaignCommand(deps, 'evaluation-windows', campaign, { type: 'RecordEvaluationWindow', year, window });
    }
  }
  logRun(deps, 'evaluation-windows', now, { recorded });
  return { recorded };
};

export const handler = async () => run(lambdaDeps());
