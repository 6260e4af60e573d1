import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { REFERRER_POLICY, contentSecurityPolicy } from '../web/security-headers';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** `connect`: origins beyond the API (same origin) the console calls: the local S3 its evidence uploads go to. */
const securityHeaders = (connect: readonly string[]) => ({
  'content-security-policy': contentSecurityPolicy({ connect }),
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': REFERRER_POLICY,
});

/** What the console reads from /config.json when the local runtime serves it: the API on the same origin. */
export interface LocalConsoleConfig {
  readonly org: string;
  readonly defaultCampaign: string;
}

/**
 * The built web console (web/dist) beside the local API, as CloudFront serves it on AWS: its files, `/config.json`
 * (the local sign-in), and index.html for any other page a browser asks for (client routes survive a reload).
 * Answers true when it answered; API clients (no text/html in Accept) still get the API's 404 for unknown paths.
 */
export const staticFiles = (root: string, config: LocalConsoleConfig, connect: readonly string[] = []) => {
  const base = resolve(root);
  const headers = securityHeaders(connect);
  const send = (request: IncomingMessage, response: ServerResponse, status: number, type: string, body: Buffer | string, cache: string) => {
    response.writeHead(status, { 'content-type': type, 'cache-control': cache, ...headers });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
  return (request: IncomingMessage, response: ServerResponse, url: URL): boolean => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    if (url.pathname === '/config.json') {
      send(request, response, 200, TYPES['.json'], JSON.stringify({ mode: 'local', apiUrl: '', ...config }), 'no-store');
      return true;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return false; // the API's router answers bad percent-encoding
    }
    const file = join(base, normalize(pathname === '/' ? '/index.html' : pathname));
    if (file.startsWith(base + sep) && existsSync(file) && statSync(file).isFile()) {
      // Vite names assets by content hash: they never change under the same name.
      const cache = url.pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      send(request, response, 200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file), cache);
      return true;
    }
    const index = join(base, 'index.html');
    if (!(request.headers.accept ?? '').includes('text/html') || !existsSync(index)) return false;
    send(request, response, 200, TYPES['.html'], readFileSync(index), 'no-cache');
    return true;
  };
};
