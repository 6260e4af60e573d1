import { QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { CampaignCommand } from '../../domain/campaign/decider';
import { campaignDecider } from '../../domain/campaign/decider';
import { systemActor } from '../../domain/actor';
import type { CampaignState } from '../../domain/campaign/decider';
import type { Deps } from '../deps';
import { executeCommand } from '../command';
import { embeddedMetrics } from '../metrics';
import { campaignStateOf } from '../reference';
import type { ViewRecord } from '../store/views';
import { CAMPAIGN_INDEX } from '../store/view-keys';

export interface CampaignRef {
  readonly org: string;
  readonly campaignId: string;
  readonly state: CampaignState;
}

/** Every campaign of every organization, from the sparse index (schedules only; never in a request path). */
export const listCampaigns = async (deps: Deps): Promise<CampaignRef[]> => {
  const campaigns: CampaignRef[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page: QueryCommandOutput = await deps.db.send(
      new QueryCommand({
        TableName: deps.tables.views,
        IndexName: CAMPAIGN_INDEX.name,
        KeyConditionExpression: 'gsi1pk = :kind',
        ExpressionAttributeValues: { ':kind': CAMPAIGN_INDEX.partition },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of (page.Items ?? []) as ViewRecord[]) {
      campaigns.push({ org: item.org as string, campaignId: item.campaignId as string, state: campaignStateOf(item)! });
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return campaigns;
};

/**
 * Sends a system command to one campaign. The view only nominated the campaign: the command reloads the stream
 * and the decider says whether anything is due, so a repeated or late run writes nothing twice.
 */
export const runCampaignCommand = async (deps: Deps, job: string, campaign: CampaignRef, command: CampaignCommand) => {
  const result = await executeCommand(
    deps,
    campaignDecider,
    { org: campaign.org, type: 'campaign', id: campaign.campaignId },
    command,
    { actor: systemActor(campaign.org, job), now: deps.now() },
    // One request id per command: a request recognizes its own earlier write by it (functions/command.ts).
    { actor: systemActor(campaign.org, job), requestId: `${job}:${deps.now().toISOString()}:${JSON.stringify(command)}` },
  );
  return result.event === null || result.replayed ? 0 : 1;
};

/** One log line per run, with the run and what it changed as metrics: an alarm can tell a schedule that never fired. */
export const logRun = (deps: Deps, schedule: string, at: Date, changes: Record<string, number>) =>
  deps.log('info', `${schedule} ran`, {
    at: at.toISOString(),
    ...changes,
    ...embeddedMetrics({ schedule }, { Runs: { value: 1, unit: 'Count' }, Changes: { value: Object.values(changes).reduce((sum, each) => sum + each, 0), unit: 'Count' } }),
  });
