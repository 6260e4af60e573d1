import * as z from 'zod';
import { campaignParams } from './respond';

const Year = z.coerce.number().int().min(2000).max(2100);

export const ReportParams = campaignParams;

/**
 * `?from=2021&to=2023`: the years reported (both default to the campaign's period; all of it is the final report,
 * tổng kết, a part a preliminary one, sơ kết). The header is the organization's profile's (PUT /orgs/{org}/profile).
 */
export const ReportQuery = z.object({ from: Year.optional(), to: Year.optional() });

/** GET /upward/cycles/{year}: the agencies side by side. */
export const UpwardCycleParams = z.object({ year: Year });
