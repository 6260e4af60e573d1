import { silentLogger } from '../../functions/log';
import type { TokenRequest } from '../../infra/local/auth';
import { type Runtime, type RuntimeOptions, startRuntime } from '../../infra/local/runtime';

export const ORG = 'test-org';
export const CAMPAIGN = 'cchc-2021-2025';

/** A runtime for a test: in memory, no demo, schedules run by hand, clock frozen where the test says. */
export const startTestRuntime = (now: Date, options: Partial<RuntimeOptions> = {}): Promise<Runtime> =>
  startRuntime({ data: 'memory', port: 0, now, frozenClock: true, seed: false, autoSchedules: false, log: silentLogger, ...options });

export interface ApiResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: any;
}

/** A client of the local HTTP API acting as one user. */
export const client = (runtime: Runtime, token: string | null) => {
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse> => {
    const response = await fetch(`${runtime.url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    // A download (an export) is not JSON: its body stays text here; read its bytes with fetch.
    const json = /json/.test(response.headers.get('content-type') ?? 'json');
    return { status: response.status, headers: response.headers, body: text === '' ? undefined : json ? JSON.parse(text) : text };
  };
  return {
    get: (path: string, headers?: Record<string, string>) => call('GET', path, undefined, headers),
    put: (path: string, body: unknown, headers?: Record<string, string>) => call('PUT', path, body, headers),
    post: (path: string, body: unknown, headers?: Record<string, string>) => call('POST', path, body, headers),
    delete: (path: string, headers?: Record<string, string>) => call('DELETE', path, undefined, headers),
    call,
  };
};
export type Client = ReturnType<typeof client>;

export const as = async (runtime: Runtime, request: Omit<TokenRequest, 'org'> & { org?: string }) =>
  client(runtime, await runtime.token({ org: ORG, ...request }));

export const paths = {
  department: (id: string) => `/orgs/${ORG}/departments/${id}`,
  member: (id: string) => `/orgs/${ORG}/members/${id}`,
  campaign: (id = CAMPAIGN) => `/orgs/${ORG}/campaigns/${id}`,
  cycle: (year: number, id = CAMPAIGN) => `/orgs/${ORG}/campaigns/${id}/cycles/${year}`,
  pledge: (year: number, participantId: string, id = CAMPAIGN) => `/orgs/${ORG}/campaigns/${id}/cycles/${year}/pledges/${participantId}`,
  campaignPledge: (participantId: string, id = CAMPAIGN) => `/orgs/${ORG}/campaigns/${id}/pledges/${participantId}`,
  board: (year: number, id = CAMPAIGN) => `/orgs/${ORG}/campaigns/${id}/cycles/${year}/registrations`,
  history: (type: string, id: string) => `/orgs/${ORG}/history/${type}/${id}`,
};

/**
 * A small organization: two departments, a head and two members in the first, one member in the second, and the
 * plan's campaign. Written through the API by the Office, then the projector is let to catch up.
 */
export const setUpOrganization = async (runtime: Runtime) => {
  const office = await as(runtime, { role: 'office' });
  const expectOk = (response: ApiResponse) => {
    if (response.status >= 300) throw new Error(`set-up failed: ${response.status} ${JSON.stringify(response.body)}`);
  };
  expectOk(await office.put(paths.department('phong-a'), { name: 'Phòng A' }));
  expectOk(await office.put(paths.department('phong-b'), { name: 'Phòng B' }));
  expectOk(await office.put(paths.member('truong-a'), { fullName: 'Trưởng Phòng A', departmentId: 'phong-a', position: 'Trưởng phòng' }));
  expectOk(await office.put(paths.member('vien-a'), { fullName: 'Nguyễn Văn A', departmentId: 'phong-a' }));
  expectOk(await office.put(paths.member('vien-b'), { fullName: 'Trần Thị B', departmentId: 'phong-b' }));
  expectOk(await office.put(paths.campaign(), { template: CAMPAIGN }));
  await runtime.settle();
  return { office };
};

/** Members put on the roster in a department of their own, such as a council's (references must exist: issue 16). */
export const addMembers = async (office: Client, departmentId: string, memberIds: readonly string[]) => {
  const statuses = [(await office.put(paths.department(departmentId), { name: `Phòng ${departmentId}` })).status];
  for (const memberId of memberIds) statuses.push((await office.put(paths.member(memberId), { fullName: `Thành viên ${memberId}`, departmentId })).status);
  if (statuses.some((status) => status >= 300)) throw new Error(`adding members failed: ${statuses.join(', ')}`);
};

export const memberPledge = (titles: string[] = ['lao-dong-tien-tien'], text = 'Giải quyết hồ sơ đúng hạn') => ({
  participantKind: 'member',
  targetTitles: titles,
  commitments: [{ text, criterion: 'cai-cach-thu-tuc-hanh-chinh' }],
});

export const departmentPledge = (titles: string[] = ['tap-the-lao-dong-tien-tien']) => ({
  participantKind: 'department',
  targetTitles: titles,
  commitments: [{ text: '100% hồ sơ đúng hạn' }],
});
