import * as z from 'zod';
import { text } from '../../events/text';
import { campaignParams } from './respond';

const Year = z.coerce.number().int().min(2000).max(2100);

export const ReportParams = campaignParams;

/**
 * `?from=2021&to=2023`: the years reported (both default to the campaign's period; all of it is the final report,
 * tổng kết, a part a preliminary one, sơ kết). The issuer's name, its governing body and the place go in the
 * document's header; without them the header names the organization by its id and leaves the place blank.
 */
export const ReportQuery = z.object({
  from: Year.optional(),
  to: Year.optional(),
  agency: text(300).optional(),
  parentBody: text(300).optional(),
  place: text(100).optional(),
});

/** GET /upward/cycles/{year}: the agencies side by side. */
export const UpwardCycleParams = z.object({ year: Year });
