import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import { ROUTES } from '../../infra/routes';
import type { Runtime } from '../../infra/local/runtime';
import { CAMPAIGN, ORG, as, memberPledge, setUpOrganization, startTestRuntime } from '../support/runtime';

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
  // The province's Sở Nội vụ: overseeing this organization, or another one only.
  upward: { role: 'upward', org: 'so-noi-vu', orgs: [ORG] as string[] },
  'upward-other': { role: 'upward', org: 'so-noi-vu', orgs: ['other-org'] as string[] },
} as const;
type ActorName = keyof typeof ACTORS;

const ALL: ActorName[] = Object.keys(ACTORS) as ActorName[];
const SAME_ORG = ALL.filter((actor) => !['office-other-org', 'upward', 'upward-other'].includes(actor));
const FOR_VIEN_A: ActorName[] = ['office', 'head-own', 'member-self'];
const READ_VIEN_A: ActorName[] = ['office', 'leader', 'head-own', 'member-self'];
const ROSTER_READERS: ActorName[] = ['office', 'leader', 'head-own', 'head-other'];
/** Pledges are tried while the 2021 registration is open; evaluations while its self-assessment is. */
const REGISTRATION_TIME = vnInstant(2021, 2, 1, 9);
const EVALUATION_TIME = vnInstant(2021, 11, 15, 9);

const params: Record<string, string> = {
  org: ORG,
  campaignId: CAMPAIGN,
  year: '2021',
  departmentId: 'phong-a',
  memberId: 'vien-a',
  participantId: 'vien-a',
  aggregateType: 'pledge',
  aggregateId: `${CAMPAIGN}:2021:member:vien-a`,
  initiativeId: 'sk-1',
  decisionId: 'qd-1',
  recipientKind: 'member',
  recipientId: 'vien-a',
  proposalId: 'p-1',
  findingId: 'kt-1',
  fileId: '0b6f3c8e-5d1a-4f7e-9c2b-7a4e1d9f3b21',
};
const PROPOSAL = 'POST /orgs/{org}/campaigns/{campaignId}/cycles/{year}/proposals/{proposalId}';
const INITIATIVE = 'POST /orgs/{org}/campaigns/{campaignId}/cycles/{year}/initiatives/{initiativeId}';
const initiative = { authorKind: 'member', authorId: 'vien-a', title: 'Số hóa hồ sơ', problem: 'Hồ sơ giấy', solution: 'Quét và lưu trữ', results: 'Giảm 30% thời gian', scope: 'Ban Quản lý' };
const finding = { date: '2021-01-20', area: 'Cải cách thủ tục hành chính', shortcoming: 'Hồ sơ trễ hạn', correctiveAction: 'Xin lỗi, sửa quy trình', dueDate: '2021-03-01' };
const evidenceFile = { participantKind: 'member', criterion: 'cai-cach-the-che', fileName: 'Báo cáo.pdf', contentType: 'application/pdf', size: 1000, sha256: 'a'.repeat(64) };
// The matrix tests access, not eligibility (nobody's 2021 sheet is scored here): the decision records its legal basis.
const decision = { campaignId: CAMPAIGN, year: 2021, number: '12/QĐ-BQL', date: '2021-12-28', signer: 'Trưởng ban', legalBasis: 'Công văn số 8/SNV-TĐKT', awards: [{ title: 'lao-dong-tien-tien', recipientKind: 'member', recipientId: 'vien-a' }] };

const EVALUATION = 'PUT /orgs/{org}/campaigns/{campaignId}/cycles/{year}/evaluations/{participantId}';
const EVALUATION_POST = 'POST /orgs/{org}/campaigns/{campaignId}/cycles/{year}/evaluations/{participantId}';
const APPRAISERS: ActorName[] = ['office', 'council']; // the council member is assigned by the appraisers row, which runs first

/**
 * Per route: a body for writes, who may call it, and when. Every route of the table must have a row here.
 * `stateful` rows depend on the evaluation's state (a 409 not-submitted is past the access check): for them an
 * allowed actor must get anything but 401/403 (and never a 5xx).
 */
const MATRIX: Record<string, { body?: unknown; allowed: ActorName[]; stateful?: boolean; at?: Date }> = {
  'GET /health': { allowed: ALL },
  'GET /openapi.json': { allowed: ALL },
  // The PUT row comes first in the table, so the profile exists when the GET row reads it.
  'PUT /orgs/{org}/profile': { body: { name: 'Ban Quản lý Khu kinh tế Phú Quốc', parentBody: 'UBND tỉnh Kiên Giang', place: 'Phú Quốc', abbreviation: 'BQLKKTPQ' }, allowed: ['office'] },
  'GET /orgs/{org}/profile': { allowed: [...SAME_ORG, 'upward'] },
  'PUT /orgs/{org}/departments/{departmentId}': { body: { name: 'Phòng A' }, allowed: ['office'] },
  'GET /orgs/{org}/departments': { allowed: ROSTER_READERS },
  'PUT /orgs/{org}/members/{memberId}': { body: { fullName: 'Nguyễn Văn A', departmentId: 'phong-a' }, allowed: ['office'] },
  'GET /orgs/{org}/members': { allowed: ROSTER_READERS },
  // A staff list naming vien-a as it is: applying it writes nothing.
  'GET /orgs/{org}/roster-imports/template': { allowed: ['office'] },
  'POST /orgs/{org}/roster-imports/preview': { body: { content: 'U1RULEjhu40gdsOgIHTDqm4sQ2jhu6ljIHbhu6UsUGjDsm5nL8SQxqFuIHbhu4ssRW1haWwKMSxOZ3V54buFbiBWxINuIEEsLFBow7JuZyBBLAo=' }, allowed: ['office'] },
  'POST /orgs/{org}/roster-imports/apply': { body: { content: 'U1RULEjhu40gdsOgIHTDqm4sQ2jhu6ljIHbhu6UsUGjDsm5nL8SQxqFuIHbhu4ssRW1haWwKMSxOZ3V54buFbiBWxINuIEEsLFBow7JuZyBBLAo=' }, allowed: ['office'] },
  // vien-a is moved where it is (a no-op), leaves in January and comes back before the pledges' rows run.
  'POST /orgs/{org}/members/{memberId}/transfer': { body: { departmentId: 'phong-a', on: '2021-01-15' }, allowed: ['office'] },
  'POST /orgs/{org}/members/{memberId}/leave': { body: { on: '2021-01-10', reason: 'Biệt phái' }, allowed: ['office'], stateful: true },
  'POST /orgs/{org}/members/{memberId}/return': { body: { departmentId: 'phong-a', on: '2021-01-20' }, allowed: ['office'], stateful: true },
  'PUT /orgs/{org}/members/{memberId}/roles': { body: { roles: ['council'] }, allowed: ['office'] },
  'GET /orgs/{org}/accounts': { allowed: ['office'] },
  'PUT /orgs/{org}/campaigns/{campaignId}': { body: { template: CAMPAIGN }, allowed: ['office'] },
  'GET /orgs/{org}/campaigns': { allowed: SAME_ORG },
  'GET /orgs/{org}/campaigns/{campaignId}': { allowed: SAME_ORG },
  'GET /orgs/{org}/campaigns/{campaignId}/cycles/{year}': { allowed: SAME_ORG },
  'PUT /orgs/{org}/campaigns/{campaignId}/cycles/{year}/pledges/{participantId}': { body: memberPledge(), allowed: FOR_VIEN_A },
  'DELETE /orgs/{org}/campaigns/{campaignId}/cycles/{year}/pledges/{participantId}': { allowed: FOR_VIEN_A },
  'GET /orgs/{org}/campaigns/{campaignId}/cycles/{year}/pledges/{participantId}': { allowed: READ_VIEN_A },
  'PUT /orgs/{org}/campaigns/{campaignId}/pledges/{participantId}': { body: memberPledge(), allowed: FOR_VIEN_A },
  'DELETE /orgs/{org}/campaigns/{campaignId}/pledges/{participantId}': { allowed: FOR_VIEN_A },
  'GET /orgs/{org}/campaigns/{campaignId}/pledges/{participantId}': { allowed: READ_VIEN_A },
  'GET /orgs/{org}/campaigns/{campaignId}/cycles/{year}/registrations': { allowed: [...SAME_ORG.filter((actor) => actor !== 'council'), 'upward'] },
  'GET /orgs/{org}/campaigns/{campaignId}/cycles/{year}/exports/registrations': { allowed: SAME_ORG.filter((actor) => actor !== 'council') },
  'GET /orgs/{org}/history/{aggregateType}/{aggregateId}': { allowed: READ_VIEN_A },
  [`${EVALUATION}/self-assessment`]: { body: { participantKind: 'member', scores: [] }, allowed: FOR_VIEN_A, at: EVALUATION_TIME },
  [`${EVALUATION_POST}/return`]: { body: { reason: 'Thiếu tài liệu' }, allowed: ['office'], stateful: true, at: EVALUATION_TIME },
  [`${EVALUATION}/appraisers`]: { body: { appraisers: ['vien-b'] }, allowed: ['office'], at: EVALUATION_TIME },
  [`${EVALUATION}/appraisal`]: { body: { scores: [] }, allowed: APPRAISERS, stateful: true, at: EVALUATION_TIME },
  [`${EVALUATION_POST}/finalize`]: { allowed: ['office'], stateful: true, at: EVALUATION_TIME },
  [`${EVALUATION_POST}/correct`]: { body: { reason: 'Sai số liệu', scores: [{ criterion: 'cai-cach-the-che', score: 5 }] }, allowed: ['office'], stateful: true, at: EVALUATION_TIME },
  'GET /orgs/{org}/campaigns/{campaignId}/cycles/{year}/evaluations/{participantId}': { allowed: [...READ_VIEN_A, 'council'], at: EVALUATION_TIME },
  'GET /orgs/{org}/campaigns/{campaignId}/cycles/{year}/evaluations/{participantId}/export': { allowed: [...READ_VIEN_A, 'council'], at: EVALUATION_TIME },
  // Nothing is uploaded, so a confirmation is 409 evidence-not-uploaded and the file to remove or open is 404, past access.
  [`${EVALUATION_POST}/evidence-uploads`]: { body: evidenceFile, allowed: FOR_VIEN_A, at: EVALUATION_TIME },
  [`${EVALUATION_POST}/evidence-files`]: { body: { ...evidenceFile, fileId: params.fileId }, allowed: FOR_VIEN_A, stateful: true, at: EVALUATION_TIME },
  'DELETE /orgs/{org}/campaigns/{campaignId}/cycles/{year}/evaluations/{participantId}/evidence-files/{fileId}': { allowed: FOR_VIEN_A, stateful: true, at: EVALUATION_TIME },
  'GET /orgs/{org}/campaigns/{campaignId}/cycles/{year}/evaluations/{participantId}/evidence-files/{fileId}': { allowed: [...READ_VIEN_A, 'council'], stateful: true, at: EVALUATION_TIME },
  'GET /orgs/{org}/campaigns/{campaignId}/cycles/{year}/departments/{departmentId}/evidence-archive': { allowed: ['office'], at: EVALUATION_TIME },
  'GET /orgs/{org}/campaigns/{campaignId}/cycles/{year}/scoreboard': { allowed: [...SAME_ORG, 'upward'], at: EVALUATION_TIME },
  'GET /orgs/{org}/campaigns/{campaignId}/cycles/{year}/exports/scoreboard': { allowed: SAME_ORG, at: EVALUATION_TIME },
  'GET /orgs/{org}/campaigns/{campaignId}/cycles/{year}/departments/{departmentId}/scores': { allowed: ['office', 'leader', 'council', 'head-own', 'member-self'], at: EVALUATION_TIME },
  'PUT /orgs/{org}/campaigns/{campaignId}/cycles/{year}/initiatives/{initiativeId}': { body: initiative, allowed: FOR_VIEN_A },
  [`${INITIATIVE}/review`]: { allowed: ['office'] },
  [`${INITIATIVE}/recognize`]: { body: { decisionNumber: '5/QĐ-BQL', decisionDate: '2021-06-01' }, allowed: ['office'] },
  [`${INITIATIVE}/reject`]: { body: { reason: 'Không mới' }, allowed: ['office'], stateful: true },
  [`${INITIATIVE}/propose-upward`]: { allowed: ['office'] },
  [`${INITIATIVE}/recognize-province-wide`]: { body: { decisionNumber: '90/QĐ-UBND', decisionDate: '2021-12-01' }, allowed: ['office'] },
  'GET /orgs/{org}/campaigns/{campaignId}/cycles/{year}/initiatives': { allowed: SAME_ORG },
  'PUT /orgs/{org}/campaigns/{campaignId}/cycles/{year}/discipline/{memberId}': { body: { level: 'khien-trach', reason: 'Vi phạm quy chế' }, allowed: ['office'] },
  'POST /orgs/{org}/campaigns/{campaignId}/cycles/{year}/reminders': { body: { deadline: 'registration' }, allowed: ['office'] },
  'GET /orgs/{org}/campaigns/{campaignId}/cycles/{year}/reminders': { allowed: ['office', 'leader', 'head-own', 'head-other'] },
  'PUT /orgs/{org}/departments/{departmentId}/findings/{findingId}': { body: finding, allowed: ['office'] },
  'POST /orgs/{org}/departments/{departmentId}/findings/{findingId}/close': { body: { closedOn: '2021-02-01', note: 'Đã khắc phục' }, allowed: ['office'] },
  'GET /orgs/{org}/findings': { allowed: ['office', 'leader', 'council', 'head-own', 'head-other'] },
  'PUT /orgs/{org}/decisions/{decisionId}': { body: decision, allowed: ['office'] },
  'POST /orgs/{org}/decisions/{decisionId}/revoke': { body: { reason: 'Sai đối tượng' }, allowed: ['office'], stateful: true },
  'GET /orgs/{org}/decisions/{decisionId}/annex': { allowed: SAME_ORG },
  'GET /orgs/{org}/campaigns/{campaignId}/cycles/{year}/awards': { allowed: SAME_ORG },
  'GET /orgs/{org}/campaigns/{campaignId}/cycles/{year}/eligibility': { allowed: SAME_ORG },
  'GET /orgs/{org}/campaigns/{campaignId}/cycles/{year}/eligibility/{participantId}': { allowed: ['office', 'leader', 'council', 'head-own', 'member-self'] },
  'PUT /orgs/{org}/campaigns/{campaignId}/cycles/{year}/council': { body: { members: [{ memberId: 'vien-b', chair: true }] }, allowed: ['office'] },
  'PUT /orgs/{org}/campaigns/{campaignId}/cycles/{year}/proposals/{proposalId}': { body: { nominations: [{ nomineeKind: 'member', nomineeId: 'vien-a', title: 'giay-khen', basis: 'Thành tích' }] }, allowed: ['office'] },
  [`${PROPOSAL}/open`]: { allowed: ['office'] },
  [`${PROPOSAL}/ballot`]: { body: { votes: [{ nomination: 0, approve: true }] }, allowed: ['council'] },
  [`${PROPOSAL}/written-opinion`]: { body: { memberId: 'vien-b', votes: [] }, allowed: ['office'], stateful: true },
  [`${PROPOSAL}/close`]: { body: { present: ['vien-b'] }, allowed: ['office'] },
  'GET /orgs/{org}/campaigns/{campaignId}/cycles/{year}/proposals/{proposalId}': { allowed: ['office', 'leader', 'council'] },
  // Closed or not by the time this row runs (409 minutes-not-ready), only the Office, the leadership and the council get past access.
  'GET /orgs/{org}/campaigns/{campaignId}/cycles/{year}/proposals/{proposalId}/minutes': { allowed: ['office', 'leader', 'council'], stateful: true },
  'GET /orgs/{org}/campaigns/{campaignId}/cycles/{year}/proposals': { allowed: ['office', 'leader', 'council'] },
  'GET /orgs/{org}/awards/{recipientKind}/{recipientId}': { allowed: READ_VIEN_A },
  'GET /orgs/{org}/campaigns/{campaignId}/reports': { allowed: ['office', 'leader', 'upward'] },
  'GET /upward/cycles/{year}': { allowed: ['upward', 'upward-other'] },
};

describe('access: every route × every role', () => {
  let runtime: Runtime;

  beforeAll(async () => {
    // Early 2021: both the yearly and the campaign-wide registrations are open.
    runtime = await startTestRuntime(REGISTRATION_TIME);
    await setUpOrganization(runtime);
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
        runtime.clock.set(MATRIX[key]?.at ?? REGISTRATION_TIME, true);
        const office = await as(runtime, ACTORS.office);
        const client = await as(runtime, ACTORS[actor]);
        // Reads and withdrawals need a pledge to exist; the Office puts one back before each case.
        if (key.includes('pledges') || key.includes('history')) {
          const pledgePath = key.includes('cycles') || key.includes('history') ? `/orgs/${ORG}/campaigns/${CAMPAIGN}/cycles/2021/pledges/vien-a` : `/orgs/${ORG}/campaigns/${CAMPAIGN}/pledges/vien-a`;
          expect((await office.put(pledgePath, memberPledge())).status).toBeLessThan(300);
        }
        const path = route.path.replace(/\{(\w+)\}/g, (_match, name: string) => params[name]);
        // Every actor sends the same Idempotency-Key with the same body: a retry belongs to its caller, so an actor
        // after the Office gets its own answer (a 403), never a replay of the Office's.
        const response = await client.call(route.method, path, MATRIX[key]?.body, route.method === 'GET' ? {} : { 'idempotency-key': `matrix:${route.method}:${route.path}` });
        expect(response.status).toBeLessThan(500);
        if (allowed && MATRIX[key]?.stateful) {
          expect([401, 403], JSON.stringify(response.body)).not.toContain(response.status);
        } else if (allowed) {
          expect(response.status, JSON.stringify(response.body)).toBeGreaterThanOrEqual(200);
          expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
        } else {
          expect(response.status).toBe(403);
          // The Office's leave (the row's first case) has vien-a away until the return row: its own token is refused
          // before any route, as a left member's (functions/http/on-staff.ts).
          const away = key.endsWith('/leave') && actor === 'member-self';
          expect(response.body.code).toBe(away ? 'account-disabled' : 'forbidden');
        }
        // A read answers HEAD as GET without a body (issue 13), and names each CORS header once.
        if (route.method === 'GET') {
          const head = await client.call('HEAD', path);
          expect(head.status).toBe(response.status);
          expect(head.body).toBeUndefined();
          expect(head.headers.get('content-type')).toBe(response.headers.get('content-type'));
          for (const each of [response, head]) expect(each.headers.get('access-control-expose-headers')).toBe('etag,content-disposition');
        }
      });
    }
  }

  // A department's history is read as the departments are: by the Office, the leadership and its own head.
  for (const actor of ALL) {
    const allowed = ['office', 'leader', 'head-own'].includes(actor);
    it(`GET a department's history as ${actor}: ${allowed ? 'allowed' : 'forbidden'}`, async () => {
      const response = await (await as(runtime, ACTORS[actor])).get(`/orgs/${ORG}/history/department/phong-a`);
      expect(response.status, JSON.stringify(response.body)).toBe(allowed ? 200 : 403);
    });
  }

  it('refuses an expired token with 401', async () => {
    const token = await runtime.token({ org: ORG, role: 'office' });
    runtime.clock.set(new Date(runtime.clock.now().getTime() + 13 * 3600 * 1000), true);
    const response = await fetch(`${runtime.url}/orgs/${ORG}/departments`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(401);
  });
});
