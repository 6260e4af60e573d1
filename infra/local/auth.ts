import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT, jwtVerify } from 'jose';
import * as z from 'zod';
import { slug } from '../../events/text';

/** Tokens as Cognito would issue them, signed by a local key: the local server checks them as the authorizer does. */
export const LOCAL_ISSUER = 'thidua-local';
export const LOCAL_AUDIENCE = 'thidua';

export const TokenRequest = z.strictObject({
  org: slug,
  role: z.enum(['office', 'leader', 'council', 'head', 'member', 'upward']),
  department: slug.optional(),
  member: slug.optional(),
  /** For an upward reader: the organizations it oversees, issued as Cognito would, one string "org-a org-b". */
  orgs: z.array(slug).max(100).optional(),
  sub: z.string().min(1).max(128).optional(),
  /** The person's full name, as Cognito's `name` attribute gives it in the ID token (the console greets with it). */
  name: z.string().min(1).max(200).optional(),
});
export type TokenRequest = z.output<typeof TokenRequest>;

export class LocalAuthority {
  private constructor(private readonly key: Uint8Array) {}

  /** The signing key lives beside the data, so tokens survive a restart; in memory it is new each run. */
  static forData(dataPath: string | 'memory'): LocalAuthority {
    if (dataPath === 'memory') return new LocalAuthority(randomBytes(32));
    const file = join(dataPath, 'local-jwt.key');
    if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
    return new LocalAuthority(Buffer.from(readFileSync(file, 'utf8'), 'base64'));
  }

  issue(request: TokenRequest, now: Date): Promise<string> {
    return new SignJWT({
      'cognito:groups': [request.role],
      'custom:org': request.org,
      ...(request.department ? { 'custom:department': request.department } : {}),
      ...(request.member ? { 'custom:member': request.member } : {}),
      ...(request.orgs ? { 'custom:orgs': request.orgs.join(' ') } : {}),
      ...(request.name ? { name: request.name } : {}),
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(request.sub ?? `${request.role}:${request.member ?? request.department ?? request.org}`)
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime(Math.floor(now.getTime() / 1000) + 12 * 3600)
      .sign(this.key);
  }

  /** Claims of a valid token, or null: signature, issuer, audience and expiry (required, as Cognito always sets it) against the local clock. */
  async verify(token: string, now: Date): Promise<Record<string, unknown> | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, currentDate: now, algorithms: ['HS256'], requiredClaims: ['exp'] });
      return payload;
    } catch {
      return null;
    }
  }
}
