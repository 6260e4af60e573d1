import * as z from 'zod';

/** `?format=`: the registration list as .xlsx (the official template) or .csv. */
export const ExportQuery = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') });
