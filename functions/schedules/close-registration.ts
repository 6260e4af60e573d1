import { firstYear, lastYear, registrationClosesAt } from '../../domain/campaign/calendar';
import { type Deps, lambdaDeps } from '../deps';
import { listCampaigns, logRun, runCampaignCommand } from './campaigns';

/**
 * Daily, just after midnight Asia/Ho_Chi_Minh: records an explicit RegistrationClosed for every cycle whose
 * deadline has passed and is not yet recorded (catching up any run that was missed). Commands check the clock
 * themselves, so this event confirms the close for the record and the views; it never is what enforces it.
 */
export const run = async (deps: Deps) => {
  const now = deps.now();
  let closed = 0;
  for (const campaign of await listCampaigns(deps)) {
    const definition = campaign.state.definition!;
    if (campaign.state.ended) continue;
    for (let year = firstYear(definition); year <= lastYear(definition); year++) {
      if (registrationClosesAt(definition, year) <= now && !(year in campaign.state.closedRegistrations)) {
        closed += await runCampaignCommand(deps, 'close-registration', campaign, { type: 'CloseRegistration', year });
      }
    }
  }
  logRun(deps, 'close-registration', now, { closed });
  return { closed };
};

export const handler = async () => run(lambdaDeps());
