import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import { Faults } from '../../infra/local/faults';
import type { Runtime } from '../../infra/local/runtime';
import { type Client, paths, setUpOrganization, startTestRuntime } from '../support/runtime';

const ADDRESS = 'vien.a@bqlkkt.gov.vn';

/**
 * Reminders leave from the event stream, not from the request that records them: the outbox fills only once the
 * `deliver-reminders` subscription has the RemindersSent event, and a failed send is retried until it goes out.
 */
describe('reminder delivery from the stream', () => {
  // No fault at first; the retry test turns send failures on, then off.
  const faults = new Faults({});
  let runtime: Runtime;
  let office: Client;
  const outbox = async () => ((await (await fetch(`${runtime.url}/_local/outbox`)).json()) as { messages: { to: string; subject: string }[] }).messages;
  const remind = (participantId: string) => office.post(`${paths.cycle(2025)}/reminders`, { deadline: 'registration', participantIds: [participantId] });
  const deliveries = () => runtime.streams.of('deliver-reminders');

  beforeAll(async () => {
    // Retries a tenth of a second apart: time enough to see the failure before the retry comes.
    runtime = await startTestRuntime(vnInstant(2025, 3, 23, 9), { faults, streams: { retryDelayMs: 100 } });
    ({ office } = await setUpOrganization(runtime));
    expect((await office.put(paths.member('vien-a'), { fullName: 'Nguyễn Văn A', departmentId: 'phong-a', email: ADDRESS })).status).toBe(200);
    expect((await office.put(paths.member('vien-b'), { fullName: 'Trần Thị B', departmentId: 'phong-b', email: 'tran.thi.b@bqlkkt.gov.vn' })).status).toBe(200);
    await runtime.settle();
  });
  afterAll(() => runtime.stop());

  it('is never invoked for other events: its filter lets only RemindersSent in', () => {
    expect(runtime.streams.of('project-views').delivered).toBeGreaterThan(0);
    expect(deliveries().delivered).toBe(0);
  });

  it('the POST only records: the message is queued, and sent once the stream delivers it', async () => {
    deliveries().pause();
    const response = await remind('vien-a');
    expect(response.status).toBe(200);
    expect(response.body.delivery).toEqual({ queued: 1, withoutAddress: [] });
    await runtime.settle();
    expect(await outbox()).toEqual([]);
    expect(deliveries().pending).toBe(1);

    deliveries().resume();
    await runtime.settle();
    expect((await outbox()).map((message) => message.to)).toEqual([ADDRESS]);
    expect(deliveries().delivered).toBe(1);
  });

  it('a send that fails is retried: the message goes out once the notifier takes it', async () => {
    faults.config = { sendFailureRate: 1 };
    expect((await remind('vien-b')).status).toBe(200);
    // The first attempt fails; turn the failures off before the retry comes.
    while (!faults.counts['send-failure']) await new Promise((resolve) => setTimeout(resolve, 2));
    faults.config = {};
    expect(await outbox()).toHaveLength(1);
    await runtime.settle();
    expect(faults.counts['send-failure']).toBe(1);
    expect((await outbox()).map((message) => message.to)).toEqual([ADDRESS, 'tran.thi.b@bqlkkt.gov.vn']);
    expect(deliveries().failed).toEqual([]);
  });
});
