import { build } from 'esbuild';
import { ROUTES, SCHEDULES, STREAM_SUBSCRIPTIONS } from '../../infra/routes';

/** Each Lambda entry bundled as the CDK stack bundles it (minified, SDK external): its size in KB. */
export const bundleSizes = async (): Promise<{ entry: string; kb: number }[]> => {
  const entries = [...new Set([...ROUTES, ...STREAM_SUBSCRIPTIONS, ...SCHEDULES].map((spec) => spec.entry))];
  return Promise.all(
    entries.map(async (entry) => {
      const result = await build({ entryPoints: [entry], bundle: true, minify: true, platform: 'node', target: 'node22', format: 'esm', external: ['@aws-sdk/*'], write: false, logLevel: 'silent' });
      return { entry, kb: result.outputFiles[0].contents.length / 1024 };
    }),
  );
};
