import { systemActor } from '../../domain/actor';
import { currentCycleYear } from '../../domain/campaign/calendar';
import { remindersDue } from '../../domain/reminders/deadlines';
import { vnIsoDate } from '../../domain/time';
import { type Deps, lambdaDeps } from '../deps';
import { recordReminders } from '../notify/reminders';
import { listCampaigns, logRun } from './campaigns';

/**
 * Daily in the morning, Asia/Ho_Chi_Minh: for every running cycle whose registration, self-assessment or appraisal
 * deadline is N days away (N of the campaign's reminder days, 7 and 1 by default), reminds whoever has not acted.
 * A second run the same day writes and sends nothing: each deadline's reminders are recorded once per day. It only
 * records: the e-mails go out from the event stream (functions/streams/deliver-reminders.ts).
 */
export const run = async (deps: Deps) => {
  const now = deps.now();
  let reminded = 0;
  let queued = 0;
  for (const campaign of await listCampaigns(deps)) {
    const year = campaign.state.ended ? null : currentCycleYear(campaign.state.definition!, now);
    if (year === null) continue;
    for (const { deadline } of remindersDue(campaign.state, year, now)) {
      const actor = systemActor(campaign.org, 'reminders');
      const outcome = await recordReminders(deps, {
        org: campaign.org,
        campaignId: campaign.campaignId,
        campaign: campaign.state,
        year,
        deadline,
        // One request id per deadline and day: a retried run recognizes its own record (functions/command.ts).
        request: { actor, requestId: `reminders:${vnIsoDate(now)}:${campaign.campaignId}:${year}:${deadline}` },
      });
      if (!outcome.replayed) reminded += outcome.reminded.length;
      queued += outcome.delivery.queued;
    }
  }
  logRun(deps, 'reminders', now, { reminded });
  return { reminded, queued };
};

export const handler = async () => run(lambdaDeps());
