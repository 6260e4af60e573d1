import { build } from 'esbuild';
import { LAMBDA_BUNDLE } from '../../infra/aws/bundle-options';

/** One Lambda entry bundled exactly as the CDK stack bundles it: the bytes of the .mjs. */
export const bundleEntry = async (entry: string): Promise<Uint8Array> => {
  const result = await build({
    ...LAMBDA_BUNDLE,
    mainFields: [...LAMBDA_BUNDLE.mainFields],
    external: [...LAMBDA_BUNDLE.external],
    banner: { js: LAMBDA_BUNDLE.banner },
    entryPoints: [entry],
    bundle: true,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].contents;
};
