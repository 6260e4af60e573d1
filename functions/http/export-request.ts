import * as z from 'zod';
import { ReportQuery } from './report-request';

/** `?format=`: the registration list as .xlsx (the official template) or .csv. */
export const ExportQuery = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') });

/**
 * `?agency=&parentBody=&place=`: who issues a document and where, for its header (as for the reports). Without
 * them the header leaves the place to fill in.
 */
export const DocumentHeaderQuery = ReportQuery.pick({ agency: true, parentBody: true, place: true });
