import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import type { Runtime } from '../../infra/local/runtime';
import { type RawResponse, closeRawConnections, rawRequest } from '../support/raw-http';
import { startTestRuntime } from '../support/runtime';

const TOKEN_BODY = JSON.stringify({ org: 'bqlkkt-phuquoc', role: 'office' });
/** The values a header was sent with, each time it was sent. */
const header = (response: RawResponse, name: string) => response.rawHeaders.filter((_, index, all) => index % 2 === 1 && all[index - 1].toLowerCase() === name);

describe('the local runtime against other web pages (issue 16: CORS and DNS rebinding)', () => {
  let runtime: Runtime;
  let host: string;
  const token = (headers: Record<string, string>) =>
    rawRequest(runtime.url, { method: 'POST', target: '/_local/token', headers: { 'content-type': 'application/json', host, ...headers }, body: TOKEN_BODY });

  beforeAll(async () => {
    runtime = await startTestRuntime(vnInstant(2026, 3, 1, 9));
    host = `127.0.0.1:${runtime.port}`;
  });
  afterAll(async () => {
    closeRawConnections();
    await runtime.stop();
  });

  it('mints no token for a page of another origin, and never says any origin may read it', async () => {
    for (const origin of ['http://evil.example', 'https://127.0.0.1.evil.example', `http://localhost:${runtime.port + 1}`, 'null']) {
      const refused = await token({ origin });
      expect(refused.status, origin).toBe(403);
      expect(refused.json).toMatchObject({ code: 'forbidden' });
      expect(refused.text).not.toContain('token":');
      expect(header(refused, 'access-control-allow-origin')).toEqual([]);
    }
    // Nor does the clock move for it (a "simple" POST needs no preflight: the server itself must refuse).
    const before = await rawRequest(runtime.url, { method: 'GET', target: '/_local/clock', headers: { host } });
    const moved = await rawRequest(runtime.url, { method: 'POST', target: '/_local/clock', headers: { host, origin: 'http://evil.example', 'content-type': 'text/plain' }, body: '{"now":"2030-01-01T00:00:00+07:00"}' });
    expect(moved.status).toBe(403);
    expect((await rawRequest(runtime.url, { method: 'GET', target: '/_local/clock', headers: { host } })).json).toEqual(before.json);
    // A preflight from elsewhere gets no permission either.
    const preflight = await rawRequest(runtime.url, { method: 'OPTIONS', target: '/_local/token', headers: { host, origin: 'http://evil.example', 'access-control-request-method': 'POST' } });
    expect(header(preflight, 'access-control-allow-origin')).toEqual([]);
  });

  it('gives a token to the console on its own origin and to a client that sends no Origin (curl), without CORS headers', async () => {
    const own = await token({ origin: `http://${host}` });
    expect(own.status).toBe(200);
    expect(own.json).toMatchObject({ token: expect.any(String) });
    expect(header(own, 'access-control-allow-origin')).toEqual([]);
    expect((await token({})).status).toBe(200);
    const viaLocalhost = await token({ host: `localhost:${runtime.port}`, origin: `http://localhost:${runtime.port}` });
    expect(viaLocalhost.status).toBe(200);
  });

  it('answers only to a loopback Host: a rebound name is refused on every path', async () => {
    for (const rebound of ['evil.example', `evil.example:${runtime.port}`, `127.0.0.1.nip.io:${runtime.port}`, `localhost.evil.example:${runtime.port}`]) {
      for (const target of ['/_local/token', '/health', '/openapi.json']) {
        const refused = target === '/_local/token' ? await token({ host: rebound }) : await rawRequest(runtime.url, { method: 'GET', target, headers: { host: rebound } });
        expect(refused.status, `${rebound} ${target}`).toBe(403);
      }
    }
    for (const loopback of [`127.0.0.1:${runtime.port}`, `localhost:${runtime.port}`, `[::1]:${runtime.port}`, 'LOCALHOST']) {
      expect((await rawRequest(runtime.url, { method: 'GET', target: '/health', headers: { host: loopback } })).status, loopback).toBe(200);
    }
  });

  it('still lets any origin read the API itself, which needs a bearer token', async () => {
    const health = await rawRequest(runtime.url, { method: 'GET', target: '/health', headers: { host, origin: 'https://console.example' } });
    expect(health.status).toBe(200);
    expect(header(health, 'access-control-allow-origin')).toEqual(['*']);
  });
});
