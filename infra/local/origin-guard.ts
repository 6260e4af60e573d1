/**
 * Who may talk to `npm start`. It listens on 127.0.0.1 only, but a browser can still be made to reach it: a page
 * on any site can post to http://127.0.0.1:3000, and a name the attacker controls can be re-pointed at 127.0.0.1
 * (DNS rebinding), which the browser then treats as the attacker's own origin. So the Host must be a loopback
 * name (its port is not checked: the console's vite dev server proxies with its own Host), and the local routes
 * (/_local/: tokens for anyone, the clock) answer a browser only from the console's own origin, the one the
 * request was sent to.
 */
const LOOPBACK_NAMES: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);
const HOST = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::\d{1,5})?$/;

export const isLoopbackHost = (host: string | undefined): boolean => {
  const name = HOST.exec((host ?? '').toLowerCase())?.[1];
  return name !== undefined && LOOPBACK_NAMES.has(name);
};

export const isLocalPath = (path: string): boolean => path === '/_local' || path.startsWith('/_local/');

/** No Origin (curl, a test client, a same-origin GET) or the origin the request was sent to (a loopback Host). */
export const isOwnOrigin = (origin: string | undefined, host: string | undefined): boolean =>
  origin === undefined || origin.toLowerCase() === `http://${(host ?? '').toLowerCase()}`;
