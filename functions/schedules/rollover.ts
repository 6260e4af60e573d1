import { currentCycleYear, periodEndsAt } from '../../domain/campaign/calendar';
import { type Deps, lambdaDeps } from '../deps';
import { listCampaigns, logRun, runCampaignCommand } from './campaigns';

/**
 * On 1 January (Asia/Ho_Chi_Minh): opens the new year's cycle of every running campaign, and ends the campaigns
 * whose period is over. Idempotent: the decider opens a cycle once and ends a campaign once.
 */
export const run = async (deps: Deps) => {
  const now = deps.now();
  let opened = 0;
  let ended = 0;
  for (const campaign of await listCampaigns(deps)) {
    const definition = campaign.state.definition!;
    if (campaign.state.ended) continue;
    if (now >= periodEndsAt(definition)) {
      ended += await runCampaignCommand(deps, 'rollover', campaign, { type: 'EndCampaign' });
      continue;
    }
    const year = currentCycleYear(definition, now);
    if (year !== null && !campaign.state.openedCycles.includes(year)) {
      opened += await runCampaignCommand(deps, 'rollover', campaign, { type: 'OpenCycle', year });
    }
  }
  logRun(deps, 'rollover', now, { opened, ended });
  return { opened, ended };
};

export const handler = async () => run(lambdaDeps());
