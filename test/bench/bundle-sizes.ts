import { bundleEntry } from '../support/bundle';
import { CONTRACTS } from '../../functions/http/contracts';
import { ROUTES, SCHEDULES, STREAM_SUBSCRIPTIONS } from '../../infra/routes';

/** The entries that answer files (exports, reports): they carry exceljs or docx, and are measured apart. */
const downloadEntries = (): Set<string> => {
  const files = new Set(Object.values(CONTRACTS).flatMap((group) => Object.entries(group).flatMap(([key, contract]) => (contract.files ? [key] : []))));
  return new Set(ROUTES.filter((route) => files.has(`${route.method} ${route.path}`)).map((route) => route.entry));
};

/** Each Lambda entry bundled as the CDK stack bundles it (minified, SDK external): its size in KB. */
export const bundleSizes = async (): Promise<{ entry: string; kb: number; download: boolean }[]> => {
  const downloads = downloadEntries();
  const entries = [...new Set([...ROUTES, ...STREAM_SUBSCRIPTIONS, ...SCHEDULES].map((spec) => spec.entry))];
  return Promise.all(
    entries.map(async (entry) => {
      const bytes = await bundleEntry(entry);
      return { entry, kb: bytes.length / 1024, download: downloads.has(entry) };
    }),
  );
};
