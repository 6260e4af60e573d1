import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../functions/log';
import { vnInstant } from '../../domain/time';
import { type Runtime, type RuntimeOptions, startRuntime } from '../../infra/local/runtime';
import { ORG, as, paths, setUpOrganization } from '../support/runtime';

/**
 * Issue 16: reminders written but not yet sent when the process is killed must still be sent after the restart, as
 * an event source mapping resumes a DynamoDB stream from its checkpoint (records are kept 24 hours).
 */
describe('local stream delivery across a restart', () => {
  const folder = mkdtempSync(join(tmpdir(), 'thidua-resume-'));
  const options: RuntimeOptions = { data: folder, port: 0, now: vnInstant(2025, 3, 23, 7), frozenClock: true, seed: false, autoSchedules: false, log: silentLogger };
  let runtime: Runtime | undefined;
  afterAll(async () => {
    await runtime?.stop();
    rmSync(folder, { recursive: true, force: true });
  });
  const outbox = async (running: Runtime) => ((await (await fetch(`${running.url}/_local/outbox`)).json()) as { messages: { to: string }[] }).messages;

  it('sends after the restart the reminders that were in flight when the process died, once', { timeout: 60_000 }, async () => {
    const first = await startRuntime(options);
    const { office } = await setUpOrganization(first);
    expect((await office.put(paths.member('vien-a'), { fullName: 'Nguyễn Văn A', departmentId: 'phong-a', email: 'vien.a@bqlkkt.gov.vn' })).status).toBe(200);
    await first.settle();
    // The reminders' consumer is down (as a Lambda that is throttled or failing would be) when the reminder is recorded.
    first.streams.of('deliver-reminders').pause();
    const reminded = await office.post(`${paths.cycle(2025)}/reminders`, { deadline: 'registration' });
    expect(reminded.status, JSON.stringify(reminded.body)).toBeLessThan(300);
    await first.settle();
    expect(first.streams.of('deliver-reminders').pending).toBeGreaterThan(0);
    expect(await outbox(first)).toEqual([]);
    await first.stop({ crash: true });

    runtime = await startRuntime(options);
    await runtime.settle();
    const sent = await outbox(runtime);
    expect(sent.map((message) => message.to)).toEqual(['vien.a@bqlkkt.gov.vn']);

    // Delivered and checkpointed: a further restart sends nothing again.
    await runtime.stop();
    runtime = await startRuntime(options);
    await runtime.settle();
    expect(await outbox(runtime)).toHaveLength(1);
    // The resumed numbering goes on: a new record is delivered too, after the old ones.
    const office2 = await as(runtime, { role: 'office' });
    expect((await office2.put(paths.department('phong-c'), { name: 'Phòng C' })).status).toBe(201);
    await runtime.settle();
    expect(JSON.stringify((await office2.get(`/orgs/${ORG}/departments`)).body)).toContain('"phong-c"');
  });
});
