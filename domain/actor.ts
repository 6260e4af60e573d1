/**
 * Who is acting: read from the verified token's claims by the HTTP layer, or the system for schedules.
 * `upward` is a reader above the organizations (the province's Sở Nội vụ), scoped to those it oversees.
 */
export type Role = 'office' | 'leader' | 'council' | 'head' | 'member' | 'upward' | 'system';

export interface Actor {
  readonly sub: string;
  readonly org: string;
  readonly roles: readonly Role[];
  /** The department a head runs or a member belongs to. */
  readonly department?: string;
  /** The member id the user is. */
  readonly member?: string;
  /** For an upward reader: the organizations it oversees (the token's `custom:orgs`). */
  readonly oversees?: readonly string[];
}

export const hasRole = (actor: Actor, ...roles: Role[]): boolean => roles.some((role) => actor.roles.includes(role));

export const systemActor = (org: string, job: string): Actor => ({ sub: `system:${job}`, org, roles: ['system'] });
