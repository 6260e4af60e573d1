import * as z from 'zod';
import { CampaignDefinition } from '../../events/campaign';
import { slug } from '../../events/text';

/** A template by name (the plan's own), or a whole definition. */
export const CampaignBody = z.union([z.strictObject({ template: slug }), CampaignDefinition]);
