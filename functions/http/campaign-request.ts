import * as z from 'zod';
import { CampaignDefinition } from '../../events/campaign';
import { slug } from '../../events/text';
import { campaignParams } from './respond';

/** …/campaigns/{campaignId} and …/cycles/{year} share their reader: a year, or none, says which. */
export const CampaignParams = campaignParams.extend({ year: z.coerce.number().int().min(2000).max(2100).optional() });

/** A template by name (the plan's own), or a whole definition. */
export const CampaignBody = z.union([z.strictObject({ template: slug }), CampaignDefinition]);
