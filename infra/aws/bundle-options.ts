import { EMBEDDED_OPENAPI, embeddedOpenApi } from '../../functions/http/openapi-document';

/**
 * How every Lambda entry is bundled: by CDK for AWS, and by the bench and the bundle test here, so what is
 * measured and tested is what is deployed.
 */
export const LAMBDA_BUNDLE = {
  format: 'esm',
  platform: 'node',
  target: 'node22',
  // Prefer the ESM builds of dependencies (zod, middy) so esbuild can drop what a handler never imports.
  mainFields: ['module', 'main'],
  minify: true,
  // Vietnamese text as UTF-8, not \uXXXX escapes: an escaped letter with diacritics takes 6 bytes instead of 2-3, and
  // every handler carries the problem catalogue's titles (5.5 KB of decision-commands' 151 KB was escapes).
  charset: 'utf8',
  // The Node.js runtime ships AWS SDK v3; bundling it would only add cold-start weight.
  external: ['@aws-sdk/*'],
  // CommonJS dependencies (exceljs and its streams, docx's jszip) call require() for Node's built-ins, and an ES
  // module has no require: without this the export functions fail on their first import ("Dynamic require of
  // "stream" is not supported").
  banner: "import { createRequire as __thiduaCreateRequire } from 'node:module'; const require = __thiduaCreateRequire(import.meta.url);",
} as const;

/**
 * Constants an entry's bundle is built with (esbuild `define`), by CDK and by the bench and the bundle test alike:
 * get-openapi gets its document built now, not at run time (functions/http/get-openapi.ts).
 */
export const bundleDefines = (entry: string): Record<string, string> =>
  entry === 'functions/http/get-openapi.ts' ? { [EMBEDDED_OPENAPI]: JSON.stringify(embeddedOpenApi()) } : {};
