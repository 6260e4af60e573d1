/** The roles of the API's tokens (`cognito:groups`); `upward` reads other organizations, from above (Sở Nội vụ). */
export type Role = 'office' | 'leader' | 'council' | 'head' | 'member' | 'upward';

export interface Session {
  readonly token: string;
  readonly org: string;
  readonly roles: readonly Role[];
  readonly department?: string;
  readonly member?: string;
  /** The person's full name (the token's `name`, else its e-mail); empty for an office account, named by its agency. */
  readonly name: string;
}

const KEY = 'thidua.session';

const decodePayload = (token: string): Record<string, unknown> => {
  const part = token.split('.')[1] ?? '';
  const bytes = Uint8Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')), (char) => char.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
};

/** Cognito may give the groups as an array, or (through API Gateway) as the string "[a b]". */
const rolesOf = (groups: unknown): Role[] =>
  (Array.isArray(groups) ? groups.map(String) : String(groups ?? '').replace(/^\[|\]$/g, '').split(/[\s,]+/)).filter(Boolean) as Role[];

/**
 * The signed-in user, read from the token's claims for display and navigation only: the API checks the token and
 * decides what each role may do, so nothing here grants anything.
 */
const sessionFromToken = (token: string): Session => {
  const claims = decodePayload(token);
  const member = claims['custom:member'] as string | undefined;
  return {
    token,
    org: String(claims['custom:org'] ?? ''),
    roles: rolesOf(claims['cognito:groups']),
    department: claims['custom:department'] as string | undefined,
    member,
    name: String(claims.name ?? claims.email ?? ''),
  };
};

/** Kept for the tab only (sessionStorage): closing the browser signs out. */
export const storedSession = (): Session | null => {
  const token = sessionStorage.getItem(KEY);
  return token ? sessionFromToken(token) : null;
};

export const storeSession = (token: string): Session => {
  sessionStorage.setItem(KEY, token);
  return sessionFromToken(token);
};

export const clearSession = () => sessionStorage.removeItem(KEY);

export const hasRole = (session: Session, ...roles: Role[]) => roles.some((role) => session.roles.includes(role));

export const ROLE_LABELS: Record<Role, string> = {
  office: 'Văn phòng',
  leader: 'Lãnh đạo',
  council: 'Thành viên Hội đồng',
  head: 'Trưởng phòng',
  member: 'Công chức',
  upward: 'Sở Nội vụ (theo dõi các cơ quan)',
};
