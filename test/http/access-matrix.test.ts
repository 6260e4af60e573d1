import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import { ROUTES } from '../../infra/routes';
import type { Runtime } from '../../infra/local/runtime';
import { type Client, CAMPAIGN, ORG, as, memberPledge, setUpOrganization, startTestRuntime } from '../support/runtime';

/** Who acts: every role, and for heads and members their own department/person versus another one. */
const ACTORS = {
  office: { role: 'office' },
  leader: { role: 'leader' },
  council: { role: 'council', member: 'vien-b', department: 'phong-b' },
  'head-own': { role: 'head', department: 'phong-a', member: 'truong-a' },
  'head-other': { role: 'head', department: 'phong-b' },
  'member-self': { role: 'member', department: 'phong-a', member: 'vien-a' },
  'member-other': { role: 'member', department: 'phong-b', member: 'vien-b' },
  'office-other-org': { role: 'office', org: 'other-org' },
} as const;
type ActorName = keyof typeof ACTORS;

const ALL: ActorName[] = Object.keys(ACTORS) as ActorName[];
const SAME_ORG = ALL.filter((actor) => actor !== 'office-other-org');
const FOR_VIEN_A: ActorName[] = ['office', 'head-own', 'member-self'];
const READ_VIEN_A: ActorName[] = ['office', 'leader', 'head-own', 'member-self'];
const ROSTER_READERS: ActorName[] = ['office', 'leader', 'head-own', 'head-other'];

const params: Record<string, string> = { org: ORG, campaignId: CAMPAIGN, year: '2021', departmentId: 'phong-a', memberId: 'vien-a', participantId: 'vien-a', aggregateType: 'pledge', aggregateId: `${CAMPAIGN}:2021:member:vien-a` };

/** Per route: a body for writes, and who may call it. Every route of the table must have a row here. */
const MATRIX: Record<string, { body?: unknown; allowed: ActorName[] }> = {
  'GET /health': { allowed: ALL },
  'PUT /orgs/{org}/departments/{departmentId}': { body: { name: 'Phòng A' }, allowed: ['office'] },
  'GET /orgs/{org}/departments': { allowed: ROSTER_READERS },
  'PUT /orgs/{org}/members/{memberId}': { body: { fullName: 'Nguyễn Văn A', departmentId: 'phong-a' }, allowed: ['office'] },
  'GET /orgs/{org}/members': { allowed: ROSTER_READERS },
  'PUT /orgs/{org}/campaigns/{campaignId}': { body: { template: CAMPAIGN }, allowed: ['office'] },
  'GET /orgs/{org}/campaigns/{campaignId}': { allowed: SAME_ORG },
  'GET /orgs/{org}/campaigns/{campaignId}/cycles/{year}': { allowed: SAME_ORG },
  'PUT /orgs/{org}/campaigns/{campaignId}/cycles/{year}/pledges/{participantId}': { body: memberPledge(), allowed: FOR_VIEN_A },
  'DELETE /orgs/{org}/campaigns/{campaignId}/cycles/{year}/pledges/{participantId}': { allowed: FOR_VIEN_A },
  'GET /orgs/{org}/campaigns/{campaignId}/cycles/{year}/pledges/{participantId}': { allowed: READ_VIEN_A },
  'PUT /orgs/{org}/campaigns/{campaignId}/pledges/{participantId}': { body: memberPledge(), allowed: FOR_VIEN_A },
  'DELETE /orgs/{org}/campaigns/{campaignId}/pledges/{participantId}': { allowed: FOR_VIEN_A },
  'GET /orgs/{org}/campaigns/{campaignId}/pledges/{participantId}': { allowed: READ_VIEN_A },
  'GET /orgs/{org}/campaigns/{campaignId}/cycles/{year}/registrations': { allowed: SAME_ORG.filter((actor) => actor !== 'council') },
  'GET /orgs/{org}/history/{aggregateType}/{aggregateId}': { allowed: READ_VIEN_A },
};

describe('access: every route × every role', () => {
  let runtime: Runtime;
  let office: Client;
  const clients = {} as Record<ActorName, Client>;

  beforeAll(async () => {
    // Early 2021: both the yearly and the campaign-wide registrations are open.
    runtime = await startTestRuntime(vnInstant(2021, 2, 1, 9));
    ({ office } = await setUpOrganization(runtime));
    for (const name of ALL) clients[name] = await as(runtime, ACTORS[name]);
  });
  afterAll(() => runtime.stop());

  it('has a row for every route in the route table', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(ROUTES.map((route) => `${route.method} ${route.path}`).sort());
  });

  for (const route of ROUTES) {
    const key = `${route.method} ${route.path}`;
    for (const actor of ALL) {
      const allowed = MATRIX[key]?.allowed.includes(actor);
      it(`${key} as ${actor}: ${allowed ? 'allowed' : 'forbidden'}`, async () => {
        // Reads and withdrawals need a pledge to exist; the Office puts one back before each case.
        if (key.includes('pledges') || key.includes('history')) {
          const pledgePath = key.includes('cycles') || key.includes('history') ? `/orgs/${ORG}/campaigns/${CAMPAIGN}/cycles/2021/pledges/vien-a` : `/orgs/${ORG}/campaigns/${CAMPAIGN}/pledges/vien-a`;
          expect((await office.put(pledgePath, memberPledge())).status).toBeLessThan(300);
        }
        const path = route.path.replace(/\{(\w+)\}/g, (_match, name: string) => params[name]);
        const response = await clients[actor].call(route.method, path, MATRIX[key]?.body);
        if (allowed) {
          expect(response.status, JSON.stringify(response.body)).toBeGreaterThanOrEqual(200);
          expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
        } else {
          expect(response.status).toBe(403);
          expect(response.body.code).toBe('forbidden');
        }
      });
    }
  }

  it('refuses an expired token with 401', async () => {
    const token = await runtime.token({ org: ORG, role: 'office' });
    runtime.clock.set(new Date(runtime.clock.now().getTime() + 13 * 3600 * 1000), true);
    const response = await fetch(`${runtime.url}/orgs/${ORG}/departments`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(401);
  });
});
