import { bundleEntryWithKind } from '../support/bundle';
import { ROUTES, SCHEDULES, STREAM_SUBSCRIPTIONS } from '../../infra/routes';

/**
 * Each Lambda entry bundled as the CDK stack bundles it (minified, SDK external): its size in KB, and whether it
 * carries a document library (exceljs or docx: the exports, the reports, the roster import and its template), which
 * is measured apart from the JSON functions.
 */
export const bundleSizes = async (): Promise<{ entry: string; kb: number; download: boolean }[]> => {
  const entries = [...new Set([...ROUTES, ...STREAM_SUBSCRIPTIONS, ...SCHEDULES].map((spec) => spec.entry))];
  return Promise.all(
    entries.map(async (entry) => {
      const { bytes, documents } = await bundleEntryWithKind(entry);
      return { entry, kb: bytes.length / 1024, download: documents };
    }),
  );
};
