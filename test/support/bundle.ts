import { build } from 'esbuild';
import { LAMBDA_BUNDLE, bundleDefines } from '../../infra/aws/bundle-options';

/** The document libraries (and docx's zip): the functions carrying them are measured apart from the JSON ones. */
const DOCUMENT_LIBRARY = /node_modules\/(exceljs|docx|jszip)\//;

/**
 * One Lambda entry bundled exactly as the CDK stack bundles it: the bytes of the .mjs, and whether it carries a
 * document library (an export, a report, the roster import reading a spreadsheet).
 */
export const bundleEntryWithKind = async (entry: string): Promise<{ bytes: Uint8Array; documents: boolean }> => {
  const result = await build({
    ...LAMBDA_BUNDLE,
    mainFields: [...LAMBDA_BUNDLE.mainFields],
    external: [...LAMBDA_BUNDLE.external],
    banner: { js: LAMBDA_BUNDLE.banner },
    define: bundleDefines(entry),
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return { bytes: result.outputFiles[0].contents, documents: Object.keys(result.metafile.inputs).some((input) => DOCUMENT_LIBRARY.test(input)) };
};

/** One Lambda entry bundled exactly as the CDK stack bundles it: the bytes of the .mjs. */
export const bundleEntry = async (entry: string): Promise<Uint8Array> => (await bundleEntryWithKind(entry)).bytes;
