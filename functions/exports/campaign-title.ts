import type { Deps } from '../deps';
import { campaignStateOf } from '../reference';
import { batchGetViews } from '../store/views';
import { viewKeys } from '../store/view-keys';

/** The campaign's title as files name it; its id when there is no such campaign (the boards are empty then, not 404). */
export const loadCampaignTitle = async (deps: Deps, org: string, campaignId: string): Promise<string> => {
  const [item] = await batchGetViews(deps, [viewKeys.campaign(org, campaignId)]);
  return campaignStateOf(item)?.definition?.title ?? campaignId;
};
