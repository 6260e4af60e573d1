import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import type { Runtime } from '../../infra/local/runtime';
import { type Client, ORG, as, paths, setUpOrganization, startTestRuntime } from '../support/runtime';
import { countEvents } from '../support/store';

const finding = (departmentId: string, findingId: string) => `${paths.department(departmentId)}/findings/${findingId}`;
const FINDINGS = `/orgs/${ORG}/findings`;
const CONTENT = {
  date: '2025-06-10',
  area: 'Cải cách thủ tục hành chính',
  shortcoming: 'Hồ sơ trễ hạn chưa có văn bản xin lỗi',
  correctiveAction: 'Gửi văn bản xin lỗi, cập nhật quy trình',
  dueDate: '2025-07-10',
};
const ids = (response: { body: { findings: { findingId: string }[] } }) => response.body.findings.map((each) => each.findingId);

/** Self-inspection findings end to end: recorded and closed by the Office, listed by role, on the department's page. */
describe('self-inspection findings over HTTP', () => {
  let runtime: Runtime;
  let office: Client;
  let head: Client;

  beforeAll(async () => {
    runtime = await startTestRuntime(vnInstant(2025, 6, 12, 9));
    ({ office } = await setUpOrganization(runtime));
    head = await as(runtime, { role: 'head', department: 'phong-a', member: 'truong-a' });
  });
  afterAll(() => runtime.stop());

  it('the Office records a finding (201), the same again changes nothing, an amendment is a new version', async () => {
    const created = await office.put(finding('phong-a', 'kt-01'), { ...CONTENT, area: 'Cải cách thủ tục hành chính'.normalize('NFD') });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...CONTENT, findingId: 'kt-01', departmentId: 'phong-a', status: 'open', closedOn: null, version: 1 });
    expect((await office.put(finding('phong-a', 'kt-01'), CONTENT)).body.version).toBe(1);
    const amended = await office.put(finding('phong-a', 'kt-01'), { ...CONTENT, dueDate: '2025-06-30' }, { 'if-match': '"1"' });
    expect([amended.status, amended.body.version, amended.body.dueDate]).toEqual([200, 2, '2025-06-30']);
    expect((await office.put(finding('phong-a', 'kt-02'), { ...CONTENT, area: 'Chính quyền số', dueDate: '2025-12-31' })).status).toBe(201);
    expect((await office.put(finding('phong-b', 'kt-01'), { ...CONTENT, date: '2024-11-01', dueDate: '2025-02-01' })).status).toBe(201);
  });

  it('refuses a bad finding, an unknown department and anyone but the Office, writing nothing', async () => {
    const events = await countEvents(runtime);
    const early = await office.put(finding('phong-a', 'kt-03'), { ...CONTENT, dueDate: '2025-06-01' });
    expect([early.status, early.body.code]).toEqual([400, 'invalid-request']);
    const nowhere = await office.put(finding('phong-z', 'kt-01'), CONTENT);
    expect([nowhere.status, nowhere.body.code]).toEqual([404, 'not-found']);
    expect((await head.put(finding('phong-a', 'kt-03'), CONTENT)).status).toBe(403);
    expect((await head.post(`${finding('phong-a', 'kt-01')}/close`, { closedOn: '2025-06-20', note: 'Xong' })).status).toBe(403);
    expect(await countEvents(runtime)).toBe(events);
  });

  it('closes a finding once, with its date and note', async () => {
    const close = (closedOn: string) => office.post(`${finding('phong-a', 'kt-01')}/close`, { closedOn, note: 'Đã gửi văn bản xin lỗi' });
    const closed = await close('2025-06-20');
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedOn: '2025-06-20', closureNote: 'Đã gửi văn bản xin lỗi', version: 3 });
    expect((await close('2025-06-20')).body.version).toBe(3);
    const again = await close('2025-06-21');
    expect([again.status, again.body.code]).toEqual([409, 'invalid-transition']);
    const missing = await office.post(`${finding('phong-a', 'kt-99')}/close`, { closedOn: '2025-06-20', note: 'Xong' });
    expect(missing.status).toBe(404);
    await runtime.settle();
  });

  it('keeps its history, which the head of the department may read', async () => {
    const history = await head.get(paths.history('finding', 'phong-a:kt-01'));
    expect(history.body.events.map((event: { type: string }) => event.type)).toEqual(['FindingRecorded', 'FindingAmended', 'FindingClosed']);
    const other = await as(runtime, { role: 'head', department: 'phong-b' });
    expect((await other.get(paths.history('finding', 'phong-a:kt-01'))).status).toBe(403);
  });

  it('lists them by department and status, marking the overdue; a head its own department only', async () => {
    expect(ids(await office.get(FINDINGS))).toEqual(['kt-01', 'kt-02', 'kt-01']);
    const open = await office.get(`${FINDINGS}?status=open`);
    expect(open.body.findings.map((each: { departmentId: string; findingId: string; overdue: boolean }) => `${each.departmentId}/${each.findingId} ${each.overdue}`)).toEqual([
      'phong-a/kt-02 false',
      'phong-b/kt-01 true',
    ]);
    expect(ids(await office.get(`${FINDINGS}?departmentId=phong-a&status=closed`))).toEqual(['kt-01']);
    expect(ids(await head.get(FINDINGS))).toEqual(['kt-01', 'kt-02']);
    expect(ids(await head.get(`${FINDINGS}?departmentId=phong-a&status=open`))).toEqual(['kt-02']);
    expect((await head.get(`${FINDINGS}?departmentId=phong-b`)).status).toBe(403);
    const member = await as(runtime, { role: 'member', department: 'phong-a', member: 'vien-a' });
    expect((await member.get(FINDINGS)).status).toBe(403);
  });

  it("show on the department's page (open ones) and as the self-inspection evidence of its score sheet (the year's)", async () => {
    runtime.clock.set(vnInstant(2025, 11, 15, 9), true);
    office = await as(runtime, { role: 'office' });
    head = await as(runtime, { role: 'head', department: 'phong-a', member: 'truong-a' });
    const page = `${paths.cycle(2025)}/departments/phong-a/scores`;
    expect(ids({ body: { findings: (await office.get(page)).body.openFindings } })).toEqual(['kt-02']);
    expect((await head.get(page)).body.openFindings).toMatchObject([{ findingId: 'kt-02', area: 'Chính quyền số', status: 'open' }]);
    const member = await as(runtime, { role: 'member', department: 'phong-a', member: 'vien-a' });
    const ownLine = await member.get(page);
    expect(ownLine.status).toBe(200);
    expect(ownLine.body).not.toHaveProperty('openFindings');

    const sheet = await office.get(`${paths.cycle(2025)}/evaluations/phong-a?participantKind=department`);
    expect(sheet.status).toBe(200);
    expect(sheet.body.evidence['tu-kiem-tra-cchc'].findings.map((each: { findingId: string; status: string }) => `${each.findingId} ${each.status}`)).toEqual(['kt-01 closed', 'kt-02 open']);
    // Phòng B's finding of November 2024, still open, bears on 2025 as well.
    const phongB = await office.get(`${paths.cycle(2025)}/evaluations/phong-b?participantKind=department`);
    expect(phongB.body.evidence['tu-kiem-tra-cchc'].findings).toHaveLength(1);
    expect((await member.get(`${paths.cycle(2025)}/evaluations/vien-a`)).body).not.toHaveProperty('evidence');
  });
});
