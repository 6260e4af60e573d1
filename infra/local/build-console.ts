import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Builds the web console (web/) with vite into `outDir`: `npm start` into web/dist (every start: about two seconds,
 * so the console always matches the code), the browser tests into a folder of their own.
 */
export const buildConsole = async (outDir: string) => {
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'web/vite.config.ts'), logLevel: 'warn', build: { outDir: resolve(outDir), emptyOutDir: true } }); // vite would resolve a relative outDir against web/
};
