import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CCHC_CRITERIA } from '../../domain/campaign/templates';
import { vnInstant } from '../../domain/time';
import type { Runtime } from '../../infra/local/runtime';
import { ReminderEvent } from '../../events/reminder';
import { CAMPAIGN, type Client, as, memberPledge, paths, setUpOrganization, startTestRuntime } from '../support/runtime';
import { countEvents } from '../support/store';

const reminders = (year = 2025) => `${paths.cycle(year)}/reminders`;
const EMAILS = { 'truong-a': 'truong.a@bqlkkt.gov.vn', 'vien-a': 'vien.a@bqlkkt.gov.vn' } as const;

/** Reminders end to end: the schedule on the local clock, the outbox, the Office's reminder by hand, the list. */
describe('reminders over HTTP', () => {
  let runtime: Runtime;
  let office: Client;

  const at = async (instant: Date) => {
    runtime.clock.set(instant, true);
    office = await as(runtime, { role: 'office' });
  };
  const runSchedule = async () => {
    const response = await fetch(`${runtime.url}/_local/schedules/reminders`, { method: 'POST' });
    expect(response.status).toBe(200);
    return ((await response.json()) as { result: { reminded: number; queued: number } }).result;
  };
  const outbox = async () => ((await (await fetch(`${runtime.url}/_local/outbox`)).json()) as { messages: { at: string; to: string; subject: string; text: string }[] }).messages;

  beforeAll(async () => {
    runtime = await startTestRuntime(vnInstant(2025, 3, 20, 9));
    ({ office } = await setUpOrganization(runtime));
    // vien-b has no address: it is reminded (recorded) but cannot be written to.
    expect((await office.put(paths.member('truong-a'), { fullName: 'Trưởng Phòng A', departmentId: 'phong-a', position: 'Trưởng phòng', email: EMAILS['truong-a'] })).status).toBe(200);
    expect((await office.put(paths.member('vien-a'), { fullName: 'Nguyễn Văn A', departmentId: 'phong-a', email: EMAILS['vien-a'] })).status).toBe(200);
    const vienA = await as(runtime, { role: 'member', department: 'phong-a', member: 'vien-a' });
    expect((await vienA.put(paths.pledge(2025, 'vien-a'), memberPledge())).status).toBe(201);
    await runtime.settle();
  });
  afterAll(() => runtime.stop());

  it('at 22 March 23:59+07 (8 days before 30/3) reminds nobody', async () => {
    await at(vnInstant(2025, 3, 22, 23, 59));
    expect(await runSchedule()).toEqual({ reminded: 0, queued: 0 });
    expect(await outbox()).toEqual([]);
  });

  it('at 23 March 00:00+07 (7 days before) reminds everyone without a pledge, in Vietnamese, by e-mail where there is an address', async () => {
    await at(vnInstant(2025, 3, 23, 0, 0));
    // Phòng A and Phòng B, truong-a and vien-b; vien-a has registered. The local schedule run waits for the stream,
    // which delivers the messages.
    expect(await runSchedule()).toEqual({ reminded: 4, queued: 2 });
    const messages = await outbox();
    expect(messages.map((message) => message.to).sort()).toEqual([EMAILS['truong-a'], EMAILS['vien-a']]);
    for (const message of messages) {
      expect(message.subject).toBe('Nhắc việc: hạn đăng ký thi đua năm 2025 là 30/03/2025');
      expect(message.text).toContain('là ngày 30/03/2025 (còn 7 ngày)');
      expect(message.text.normalize('NFC')).toBe(message.text);
      expect(message.at).toBe(vnInstant(2025, 3, 23).toISOString());
    }
    const head = messages.find((message) => message.to === EMAILS['truong-a'])!;
    expect(head.text).toContain('Kính gửi ông/bà Trưởng Phòng A,');
    expect(head.text).toContain('- bản đăng ký thi đua của cá nhân ông/bà;\n- bản đăng ký thi đua của tập thể Phòng A;');
    // vien-a registered itself, but its department has not.
    expect(messages.find((message) => message.to === EMAILS['vien-a'])!.text).not.toContain('của cá nhân');
  });

  it('running the schedule again the same day writes and sends nothing', async () => {
    const events = await countEvents(runtime);
    expect(await runSchedule()).toEqual({ reminded: 0, queued: 0 });
    expect(await countEvents(runtime)).toBe(events);
    expect(await outbox()).toHaveLength(2);
  });

  it('by hand, the same day: who acted or was reminded today is skipped, and nothing is written', async () => {
    const events = await countEvents(runtime);
    const response = await office.post(reminders(), { deadline: 'registration', participantIds: ['vien-a', 'vien-b'] });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ deadline: 'registration', dueDate: '2025-03-30', day: '2025-03-23', reminded: [] });
    expect(response.body.skipped).toEqual([
      { participantId: 'vien-a', reason: 'already-acted' },
      { participantId: 'vien-b', reason: 'already-reminded' },
    ]);
    expect(await countEvents(runtime)).toBe(events);
  });

  it('by hand, another day: one click reminds one member; a retry with its Idempotency-Key sends nothing more', async () => {
    await at(vnInstant(2025, 3, 25, 10));
    const click = () => office.post(reminders(), { deadline: 'registration', participantIds: ['truong-a'] }, { 'idempotency-key': 'remind-truong-a-2503' });
    const first = await click();
    expect(first.status).toBe(200);
    expect(first.body.reminded).toEqual([{ participantKind: 'member', participantId: 'truong-a', departmentId: 'phong-a' }]);
    expect(first.body.delivery).toEqual({ queued: 1, withoutAddress: [] });
    const events = await countEvents(runtime);
    const retry = await click();
    expect(retry.body.reminded).toEqual(first.body.reminded);
    expect(retry.body.delivery).toEqual({ queued: 0, withoutAddress: [] });
    expect(await countEvents(runtime)).toBe(events);
    await runtime.settle();
    const messages = await outbox();
    expect(messages).toHaveLength(3);
    expect(messages[2]).toMatchObject({ to: EMAILS['truong-a'], subject: 'Nhắc việc: hạn đăng ký thi đua năm 2025 là 30/03/2025' });
    expect(messages[2].text).toContain('(còn 5 ngày)');
    expect(messages[2].text).not.toContain('tập thể');
  });

  it('refuses an id not on the roster, anyone but the Office, and a closed deadline, writing nothing', async () => {
    const events = await countEvents(runtime);
    const unknown = await office.post(reminders(), { deadline: 'registration', participantIds: ['nobody'] });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'not-found']);
    const head = await as(runtime, { role: 'head', department: 'phong-a', member: 'truong-a' });
    expect((await head.post(reminders(), { deadline: 'registration' })).status).toBe(403);
    const early = await office.post(reminders(), { deadline: 'self-assessment' });
    expect([early.status, early.body.code]).toEqual([409, 'evaluation-not-open']);
    await at(vnInstant(2025, 3, 31, 8));
    const late = await office.post(reminders(), { deadline: 'registration' });
    expect([late.status, late.body.code]).toEqual([409, 'registration-closed']);
    expect(await countEvents(runtime)).toBe(events);
  });

  it('lists the reminders sent: all for the Office, its department for a head, none for a member', async () => {
    await runtime.settle();
    const all = await office.get(reminders());
    expect(all.status).toBe(200);
    expect(all.body.reminders.map((row: { participantId: string; trigger: string; day: string }) => `${row.day} ${row.trigger} ${row.participantId}`)).toEqual([
      '2025-03-23 schedule phong-a',
      '2025-03-23 schedule phong-b',
      '2025-03-23 schedule truong-a',
      '2025-03-23 schedule vien-b',
      '2025-03-25 manual truong-a',
    ]);
    expect(all.body.reminders[0]).toMatchObject({ deadline: 'registration', dueDate: '2025-03-30', sentAt: vnInstant(2025, 3, 23).toISOString(), participantKind: 'department', departmentId: 'phong-a' });
    const head = await as(runtime, { role: 'head', department: 'phong-a', member: 'truong-a' });
    expect((await head.get(reminders())).body.reminders.map((row: { participantId: string }) => row.participantId)).toEqual(['phong-a', 'truong-a', 'truong-a']);
    expect((await office.get(`${reminders()}?deadline=self-assessment`)).body.reminders).toEqual([]);
    const member = await as(runtime, { role: 'member', department: 'phong-a', member: 'vien-a' });
    expect((await member.get(reminders())).status).toBe(403);
  });

  it("keeps the day's reminders as one record with its history, each event valid against its schema", async () => {
    const history = await office.get(paths.history('reminder', `${CAMPAIGN}:2025:registration:2025-03-23`));
    expect(history.status).toBe(200);
    expect(history.body.events).toHaveLength(1);
    const [event] = history.body.events;
    expect(event.actor.sub).toBe('system:reminders');
    expect(ReminderEvent.parse({ type: event.type, data: event.data }).data).toMatchObject({ trigger: 'schedule', dueDate: '2025-03-30', day: '2025-03-23' });
    const head = await as(runtime, { role: 'head', department: 'phong-a', member: 'truong-a' });
    expect((await head.get(paths.history('reminder', `${CAMPAIGN}:2025:registration:2025-03-23`))).status).toBe(403);
  });

  it('self-assessment (7 days before 10/12) and appraisal (1 day before 20/12): who has not submitted, then who has not appraised', async () => {
    await at(vnInstant(2025, 11, 15, 9));
    expect((await office.put(paths.member('vien-b'), { fullName: 'Trần Thị B', departmentId: 'phong-b', email: 'tran.thi.b@bqlkkt.gov.vn' })).status).toBe(200);
    const vienA = await as(runtime, { role: 'member', department: 'phong-a', member: 'vien-a' });
    const sheet = `${paths.cycle(2025)}/evaluations/vien-a`;
    const scores = CCHC_CRITERIA.map((criterion) => ({ criterion: criterion.code, score: 1, evidence: [{ title: 'Báo cáo', ref: 'Số 1/BC' }] }));
    expect((await vienA.put(`${sheet}/self-assessment`, { participantKind: 'member', submit: true, scores })).status).toBe(201);
    expect((await office.put(`${sheet}/appraisers`, { appraisers: ['vien-b'] })).status).toBe(200);
    await runtime.settle();

    await at(vnInstant(2025, 12, 3, 7));
    const before = (await outbox()).length;
    expect(await runSchedule()).toEqual({ reminded: 4, queued: 3 });
    const selfAssessment = (await outbox()).slice(before);
    expect(selfAssessment.map((message) => message.to).sort()).toEqual(['tran.thi.b@bqlkkt.gov.vn', EMAILS['truong-a'], EMAILS['vien-a']]);
    expect(selfAssessment[0].subject).toBe('Nhắc việc: hạn tự đánh giá, chấm điểm năm 2025 là 10/12/2025');

    await at(vnInstant(2025, 12, 19, 7));
    expect(await runSchedule()).toEqual({ reminded: 1, queued: 1 });
    const [appraisal] = (await outbox()).slice(before + 3);
    expect(appraisal.to).toBe('tran.thi.b@bqlkkt.gov.vn');
    expect(appraisal.subject).toBe('Nhắc việc: hạn thẩm định kết quả tự chấm điểm năm 2025 là 20/12/2025');
    expect(appraisal.text).toContain('- ý kiến thẩm định đối với bản tự chấm điểm của Nguyễn Văn A;');
    expect(appraisal.text).toContain('(còn 1 ngày)');
  });
});
