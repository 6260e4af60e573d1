import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CCHC_CRITERIA } from '../../domain/campaign/templates';
import { vnInstant } from '../../domain/time';
import type { Runtime } from '../../infra/local/runtime';
import { type Client, as, memberPledge, paths, setUpOrganization, startTestRuntime } from '../support/runtime';
import { wholeAppraisal } from '../support/evaluation-fixtures';

const evidence = [{ title: 'Báo cáo', ref: 'Số 3/BC' }];
const sheet = (share: number) => CCHC_CRITERIA.map((criterion) => ({ criterion: criterion.code, score: Math.floor(criterion.maxScore * share * 4) / 4, evidence }));
const evaluation = (id: string, action: string) => `${paths.cycle(2025)}/evaluations/${id}/${action}`;

describe('eligibility of a cycle over HTTP', () => {
  let runtime: Runtime;
  let office: Client;

  beforeAll(async () => {
    runtime = await startTestRuntime(vnInstant(2025, 11, 15, 9));
    ({ office } = await setUpOrganization(runtime));
    const late = { reason: 'Đăng ký bằng văn bản, Văn phòng nhập sau' };
    expect((await office.put(paths.pledge(2025, 'vien-a'), { ...memberPledge(), late })).status).toBe(201);
    for (const [id, share] of [['vien-a', 0.95], ['vien-b', 0.85]] as const) {
      expect((await office.put(evaluation(id, 'self-assessment'), { participantKind: 'member', submit: true, scores: sheet(share) })).status).toBe(201);
      expect((await office.put(evaluation(id, 'appraisal'), wholeAppraisal(sheet(share)))).status).toBe(200);
      expect((await office.post(evaluation(id, 'finalize'), undefined)).status).toBe(200);
    }
    const initiative = `${paths.cycle(2025)}/initiatives/mot-cua-so`;
    await office.put(initiative, { authorKind: 'member', authorId: 'vien-a', title: 'Một cửa số', problem: 'Chậm', solution: 'Số hóa', results: 'Nhanh hơn', scope: 'Ban' });
    await office.post(`${initiative}/review`, undefined);
    expect((await office.post(`${initiative}/recognize`, { decisionNumber: '9/QĐ', decisionDate: '2025-11-20' })).status).toBe(200);
    expect((await office.put(`${paths.cycle(2025)}/discipline/vien-b`, { level: 'khien-trach', reason: 'Đi muộn nhiều lần' })).status).toBe(201);
    await runtime.settle();
  });
  afterAll(() => runtime.stop());

  const titles = (body: { members: { memberId: string; titles: { title: string; eligible: boolean }[] }[] }, memberId: string): Record<string, boolean> =>
    Object.fromEntries(body.members.find((member) => member.memberId === memberId)!.titles.map((title) => [title.title, title.eligible]));

  it('computes each title with its conditions under the rules in force at the end of the year (Decree 152)', async () => {
    const response = await office.get(`${paths.cycle(2025)}/eligibility`);
    expect(response.status).toBe(200);
    expect(response.body.ruleSet.code).toBe('nd152-2025');
    expect(response.body.ruleSet.thresholdsUnconfirmed).toBe(true);
    expect(titles(response.body, 'vien-a')).toMatchObject({ 'lao-dong-tien-tien': true, 'chien-si-thi-dua-co-so': true, 'chien-si-thi-dua-cap-tinh': false });
    expect(titles(response.body, 'vien-b')).toMatchObject({ 'lao-dong-tien-tien': false });
    const truong = response.body.members.find((member: { memberId: string }) => member.memberId === 'truong-a');
    const ldtt = truong.titles.find((title: { title: string }) => title.title === 'lao-dong-tien-tien');
    expect(ldtt.conditions.find((condition: { pending?: boolean }) => condition.pending)).toMatchObject({ met: false });
    expect(ldtt.warnings.map((warning: { code: string }) => warning.code)).toContain('thieu-dang-ky-thi-dua');
    expect(response.body.cstdcsQuota).toBeNull();
  });

  it('applies Decree 91 to a review dated in 2022, with its 15% quota', async () => {
    const response = await office.get(`${paths.cycle(2025)}/eligibility?date=2022-12-20`);
    expect(response.body.ruleSet.code).toBe('luat-2003-nd91-2017');
    expect(titles(response.body, 'vien-a')['chien-si-thi-dua-co-so']).toBe(true);
    // The cap's base is the LĐTT granted by the cycle's decisions (none yet), not the one member who meets LĐTT.
    expect(response.body.cstdcsQuota).toEqual({ ldttHolders: 0, ldttEligible: 1, allowed: 0, source: expect.stringContaining('Nghị định số 91/2017/NĐ-CP Điều 9 khoản 3') });
    expect((await office.get(`${paths.cycle(2025)}/eligibility?date=2010-01-01`)).body.code).toBe('invalid-request');
  });

  it('shows a member only itself, and a head its department', async () => {
    const member = await as(runtime, { role: 'member', department: 'phong-a', member: 'vien-a' });
    const own = await member.get(`${paths.cycle(2025)}/eligibility`);
    expect(own.body.members.map((each: { memberId: string }) => each.memberId)).toEqual(['vien-a']);
    expect(own.body.departments).toEqual([]);
    expect((await member.get(`${paths.cycle(2025)}/eligibility/vien-b`)).status).toBe(403);
    const head = await as(runtime, { role: 'head', department: 'phong-b' });
    const department = await head.get(`${paths.cycle(2025)}/eligibility`);
    expect(department.body.departments.map((each: { departmentId: string }) => each.departmentId)).toEqual(['phong-b']);
    expect((await office.get(`${paths.cycle(2025)}/eligibility/khong-co`)).status).toBe(404);
  });
  it('pages its rows department by department, and keeps one department on request', async () => {
    const ids = (body: { departments: { departmentId: string }[]; members: { memberId: string }[] }) => [...body.departments.map((each) => each.departmentId), ...body.members.map((each) => each.memberId)];
    const all = await office.get(`${paths.cycle(2025)}/eligibility`);
    expect(ids(all.body)).toEqual(['phong-a', 'phong-b', 'truong-a', 'vien-a', 'vien-b']);
    expect(all.body.nextCursor).toBeNull();
    const seen: string[] = []; // per page: its departments, then its members
    let cursor: string | null = null;
    do {
      const response = await office.get(`${paths.cycle(2025)}/eligibility?limit=2${cursor ? `&after=${cursor}` : ''}`);
      expect(response.status).toBe(200);
      expect(ids(response.body).length).toBeLessThanOrEqual(2);
      seen.push(...ids(response.body));
      cursor = response.body.nextCursor;
    } while (cursor);
    // Pages of 2 rows in row order (a department's row, then its members): every row once, none left out.
    expect(seen).toEqual(['phong-a', 'truong-a', 'phong-b', 'vien-a', 'vien-b']);
    const one = await office.get(`${paths.cycle(2025)}/eligibility?department=phong-b`);
    expect(ids(one.body)).toEqual(['phong-b', 'vien-b']);
    // The quota still counts the whole organization, whatever the page shows.
    expect(one.body.cstdcsQuota).toEqual(all.body.cstdcsQuota);
    for (const bad of ['limit=0', 'limit=501', 'after=phong-a', 'after=phong-a:chief:x', 'after=Phong:member:x']) {
      const refused = await office.get(`${paths.cycle(2025)}/eligibility?${bad}`);
      expect(refused.status, bad).toBe(400);
      expect(refused.body.code).toBe('invalid-request');
    }
  });
});
