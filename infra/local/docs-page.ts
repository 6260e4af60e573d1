import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** swagger-ui-dist, from node_modules: no CDN (the machine may be offline), and only these files of it. */
const DIST = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>thidua API</title>
  <link rel="stylesheet" href="/docs/swagger-ui.css">
  <link rel="icon" type="image/png" href="/docs/favicon-32x32.png">
</head>
<body>
  <form id="local-token" style="font-family: sans-serif; padding: 12px 20px; background: #f4f4f4">
    A local token (POST /_local/token), then “Try it out”:
    <input name="org" value="bqlkkt-phuquoc" aria-label="organization">
    <select name="role" aria-label="role"><option>office</option><option>leader</option><option>council</option><option>head</option><option>member</option><option>upward</option></select>
    <input name="department" placeholder="department (head, member)" aria-label="department">
    <input name="member" placeholder="member (member, council)" aria-label="member">
    <button>Authorize</button> <output></output>
  </form>
  <div id="swagger-ui"></div>
  <script src="/docs/swagger-ui-bundle.js"></script>
  <script src="/docs/init.js"></script>
</body>
</html>
`;

/** The reference, then a demo user's token straight into its Authorize dialog (a token can also be pasted there). */
const INIT = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true, persistAuthorization: true });
const form = document.getElementById('local-token');
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const fields = Object.fromEntries([...new FormData(form)].filter(([, value]) => value !== ''));
  const response = await fetch('/_local/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields) });
  const body = await response.json();
  if (response.ok) window.ui.preauthorizeApiKey('bearerAuth', body.token);
  form.querySelector('output').textContent = response.ok ? 'authorized as ' + fields.role : body.detail;
});
`;

const SCRIPT = 'text/javascript; charset=utf-8';
const files = new Map<string, { type: string; body: Buffer | string }>([
  ['/docs', { type: 'text/html; charset=utf-8', body: PAGE }],
  ['/docs/init.js', { type: SCRIPT, body: INIT }],
]);

const fileAt = (path: string) => {
  const name = path.slice('/docs/'.length);
  if (!files.has(path) && path.startsWith('/docs/') && Object.hasOwn(ASSETS, name)) files.set(path, { type: ASSETS[name], body: readFileSync(join(DIST, name)) });
  return files.get(path);
};

/**
 * GET /docs: the interactive reference of /openapi.json (Swagger UI), local runtime only. Answers true when the
 * path was its own; anything else under /docs/ falls through to the API's 404.
 */
export const docsPage = (request: IncomingMessage, response: ServerResponse, url: URL): boolean => {
  const file = request.method === 'GET' || request.method === 'HEAD' ? fileAt(url.pathname === '/docs/' ? '/docs' : url.pathname) : undefined;
  if (!file) return false;
  response.writeHead(200, {
    'content-type': file.type,
    'cache-control': 'no-cache',
    // Swagger UI styles its elements inline and draws some icons as data: URLs; scripts come only from here.
    'content-security-policy': "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
    'x-content-type-options': 'nosniff',
  });
  response.end(request.method === 'HEAD' ? undefined : file.body);
  return true;
};
