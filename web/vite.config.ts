import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

/** The web console: a static single-page app in web/dist, served by `npm start` locally and by CloudFront on AWS. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [preact()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 400 },
  // The local API answers on 3000; `npx vite web` then works against a running `npm start`.
  server: { proxy: { '/orgs': 'http://127.0.0.1:3000', '/_local': 'http://127.0.0.1:3000', '/config.json': 'http://127.0.0.1:3000', '/openapi.json': 'http://127.0.0.1:3000', '/upward': 'http://127.0.0.1:3000' } },
});
