import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../infra/local/auth';
import type { Runtime } from '../../infra/local/runtime';
import { ORG, paths, setUpOrganization, startTestRuntime } from '../support/runtime';
import { countEvents } from '../support/store';

/**
 * Tokens the authorizer must refuse (401), and valid tokens that carry no role of this application (403), minted
 * with the very key the local authority signs with: a runtime on a temporary disk folder keeps its HS256 key in
 * `<data>/local-jwt.key` (base64), which this test reads. Every case is tried on a read and on a write; each answer
 * must be problem+json, and no refused write may leave an event behind.
 */
const NOW = vnInstant(2021, 2, 1, 9);
const SECONDS = Math.floor(NOW.getTime() / 1000);

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The claims Cognito would put in an office user's token, minus what a case takes out or changes. */
const officeClaims = (): JWTPayload => ({ 'cognito:groups': ['office'], 'custom:org': ORG });

interface Mint {
  readonly claims?: JWTPayload;
  readonly key?: Uint8Array;
  readonly alg?: 'HS256' | 'HS384' | 'HS512';
  readonly issuer?: string;
  readonly audience?: string;
  readonly subject?: string | null;
  readonly issuedAt?: number;
  readonly notBefore?: number;
  /** null: no `exp` claim at all. */
  readonly expires?: number | null;
}

describe('tokens the authorizer refuses (401) and tokens with no role here (403)', () => {
  let runtime: Runtime;
  let data: string;
  let key: Uint8Array;

  const mint = (options: Mint = {}): Promise<string> => {
    let jwt = new SignJWT(options.claims ?? officeClaims())
      .setProtectedHeader({ alg: options.alg ?? 'HS256', typ: 'JWT' })
      .setIssuer(options.issuer ?? LOCAL_ISSUER)
      .setAudience(options.audience ?? LOCAL_AUDIENCE)
      .setIssuedAt(options.issuedAt ?? SECONDS);
    if (options.expires !== null) jwt = jwt.setExpirationTime(options.expires ?? SECONDS + 3600);
    if (options.subject !== null) jwt = jwt.setSubject(options.subject ?? 'office:test');
    if (options.notBefore !== undefined) jwt = jwt.setNotBefore(options.notBefore);
    return jwt.sign(options.key ?? key);
  };

  /** A read and a write, both of which a valid office token may do. */
  const tryBoth = async (token: string | null, authorization = token === null ? undefined : `Bearer ${token}`) => {
    const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
    const read = await fetch(`${runtime.url}${paths.department('phong-a').replace(/\/phong-a$/, '')}`, { headers });
    const write = await fetch(`${runtime.url}${paths.department('phong-tokens')}`, {
      method: 'PUT',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Phòng Thử' }),
    });
    return Promise.all([read, write].map(async (response) => ({ status: response.status, contentType: response.headers.get('content-type'), body: (await response.json()) as Record<string, unknown> })));
  };

  const expectRefused = async (token: string | null, status: 401 | 403, authorization?: string) => {
    const code = status === 401 ? 'unauthorized' : 'forbidden';
    const before = await countEvents(runtime);
    for (const response of await tryBoth(token, authorization)) {
      expect(response.status, JSON.stringify(response.body)).toBe(status);
      expect(response.contentType).toBe('application/problem+json');
      expect(response.body).toMatchObject({ type: `urn:thidua:problem:${code}`, title: expect.any(String), status, code });
    }
    expect(await countEvents(runtime)).toBe(before);
  };

  beforeAll(async () => {
    data = mkdtempSync(join(tmpdir(), 'thidua-tokens-'));
    runtime = await startTestRuntime(NOW, { data });
    key = Buffer.from(readFileSync(join(data, 'local-jwt.key'), 'utf8'), 'base64');
    await setUpOrganization(runtime);
  });
  afterAll(async () => {
    await runtime?.stop();
    rmSync(data, { recursive: true, force: true });
  });

  describe('the key read from disk signs tokens the runtime accepts (the control cases)', () => {
    it('is the key the local authority signs with: its own tokens verify with it', async () => {
      const { jwtVerify } = await import('jose');
      const issued = await runtime.token({ org: ORG, role: 'office' });
      await expect(jwtVerify(issued, key, { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, currentDate: NOW })).resolves.toBeDefined();
    });

    it('a token minted here with every claim right reads (200) and writes (201)', async () => {
      const [read, write] = await tryBoth(await mint());
      expect(read.status).toBe(200);
      expect(write.status).toBe(201);
    });

    it('"cognito:groups" as the API Gateway string "[office leader]" works, and so does "[office]"', async () => {
      for (const groups of ['[office leader]', '[office]', '[leader office]']) {
        const response = await fetch(`${runtime.url}/orgs/${ORG}/departments`, { headers: { authorization: `Bearer ${await mint({ claims: { 'cognito:groups': groups, 'custom:org': ORG } })}` } });
        expect(response.status, groups).toBe(200);
      }
      // The string form gives the same powers as the array: an office write goes through, and is an event.
      const events = await countEvents(runtime);
      const write = await fetch(`${runtime.url}${paths.department('phong-chuoi')}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${await mint({ claims: { 'cognito:groups': '[office leader]', 'custom:org': ORG } })}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Phòng Chuỗi' }),
      });
      expect(write.status).toBe(201);
      expect(await countEvents(runtime)).toBe(events + 1);
      // "[leader]" alone is a leader: it reads the roster but may not write it.
      const leader = await fetch(`${runtime.url}${paths.department('phong-chuoi')}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${await mint({ claims: { 'cognito:groups': '[leader]', 'custom:org': ORG } })}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Phòng Khác' }),
      });
      expect(leader.status).toBe(403);
      expect(await countEvents(runtime)).toBe(events + 1);
    });

    it('a known group among unknown ones counts', async () => {
      const [read] = await tryBoth(await mint({ claims: { 'cognito:groups': ['admin', 'office', 'Domain Users'], 'custom:org': ORG } }));
      expect(read.status).toBe(200);
    });
  });

  describe('401: the authorizer rejects the token', () => {
    it('no token at all, or not a bearer token', async () => {
      await expectRefused(null, 401);
      await expectRefused(null, 401, `Basic ${Buffer.from('office:office').toString('base64')}`);
      await expectRefused(null, 401, 'Bearer');
      await expectRefused(null, 401, 'Bearer not.a.jwt');
    });

    it('a bad signature: signed with another key', async () => {
      await expectRefused(await mint({ key: new Uint8Array(32).fill(7) }), 401);
    });

    it('a bad signature: a valid token with its signature altered', async () => {
      const [header, payload, signature] = (await mint()).split('.');
      // Change a character in the middle (the last one may carry only padding bits).
      const middle = Math.floor(signature.length / 2);
      const altered = signature.slice(0, middle) + (signature[middle] === 'A' ? 'B' : 'A') + signature.slice(middle + 1);
      await expectRefused(`${header}.${payload}.${altered}`, 401);
    });

    it('a forged payload under a genuine signature (groups raised from member to office)', async () => {
      const genuine = await mint({ claims: { 'cognito:groups': ['member'], 'custom:org': ORG, 'custom:member': 'vien-a' } });
      const [header, , signature] = genuine.split('.');
      const forged = base64url({ 'cognito:groups': ['office'], 'custom:org': ORG, sub: 'office:test', iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, iat: SECONDS, exp: SECONDS + 3600 });
      await expectRefused(`${header}.${forged}.${signature}`, 401);
    });

    it('the wrong issuer', async () => {
      await expectRefused(await mint({ issuer: 'https://cognito-idp.ap-southeast-1.amazonaws.com/another-pool' }), 401);
    });

    it('the wrong audience', async () => {
      await expectRefused(await mint({ audience: 'another-app' }), 401);
    });

    it('expired (one second ago, on the runtime clock)', async () => {
      await expectRefused(await mint({ issuedAt: SECONDS - 7200, expires: SECONDS - 1 }), 401);
    });

    it('no "exp" at all, validly signed (Cognito tokens always carry one)', async () => {
      await expectRefused(await mint({ expires: null }), 401);
    });

    it('not yet valid (nbf one minute ahead, on the runtime clock)', async () => {
      await expectRefused(await mint({ notBefore: SECONDS + 60 }), 401);
    });

    it('alg "none", unsigned, with and without a signature part', async () => {
      const claims = { ...officeClaims(), sub: 'office:test', iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, iat: SECONDS, exp: SECONDS + 3600 };
      const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}`;
      await expectRefused(`${unsigned}.`, 401);
      await expectRefused(unsigned, 401);
      const [, , signature] = (await mint()).split('.');
      await expectRefused(`${unsigned}.${signature}`, 401);
    });

    it('another algorithm than HS256, with the right key (HS512)', async () => {
      await expectRefused(await mint({ alg: 'HS512' }), 401);
    });

    it('a missing "custom:org"', async () => {
      await expectRefused(await mint({ claims: { 'cognito:groups': ['office'] } }), 401);
    });

    it('a missing "sub"', async () => {
      await expectRefused(await mint({ subject: null }), 401);
    });

    it('a token the runtime issued itself, once its 12 hours are over', async () => {
      const issued = await runtime.token({ org: ORG, role: 'office' });
      runtime.clock.set(new Date(NOW.getTime() + 12 * 3600 * 1000 + 1000), true);
      try {
        await expectRefused(issued, 401);
      } finally {
        runtime.clock.set(NOW, true);
      }
    });
  });

  describe('403 forbidden: a valid token with no role of this application', () => {
    it('no "cognito:groups" claim', async () => {
      await expectRefused(await mint({ claims: { 'custom:org': ORG } }), 403);
    });

    it('an empty group list, as an array or as the string "[]"', async () => {
      await expectRefused(await mint({ claims: { 'cognito:groups': [], 'custom:org': ORG } }), 403);
      await expectRefused(await mint({ claims: { 'cognito:groups': '[]', 'custom:org': ORG } }), 403);
    });

    it('unknown groups only (including the internal "system" role, which no token may claim)', async () => {
      await expectRefused(await mint({ claims: { 'cognito:groups': ['admin', 'superuser'], 'custom:org': ORG } }), 403);
      await expectRefused(await mint({ claims: { 'cognito:groups': ['system'], 'custom:org': ORG } }), 403);
      await expectRefused(await mint({ claims: { 'cognito:groups': '[Office LEADER]', 'custom:org': ORG } }), 403);
    });

    it('a valid token of another organization', async () => {
      await expectRefused(await mint({ claims: { 'cognito:groups': ['office'], 'custom:org': 'other-org' } }), 403);
    });

    it("an upward reader's other roles stay in its own organization: here it only reads what upward readers read", async () => {
      const claims = { 'cognito:groups': '[office upward]', 'custom:org': 'so-noi-vu', 'custom:orgs': `other-org ${ORG}` };
      await expectRefused(await mint({ claims }), 403); // the roster: neither read nor written
      const scoreboard = await fetch(`${runtime.url}${paths.cycle(2021)}/scoreboard`, { headers: { authorization: `Bearer ${await mint({ claims })}` } });
      expect(scoreboard.status).toBe(200);
      // An organization not in its list, or an office token with a list but no upward role, gets nothing.
      await expectRefused(await mint({ claims: { ...claims, 'custom:orgs': 'other-org' } }), 403);
      await expectRefused(await mint({ claims: { ...claims, 'cognito:groups': ['office'] } }), 403);
    });
  });
});
