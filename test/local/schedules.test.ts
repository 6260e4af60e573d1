import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import { SCHEDULES } from '../../infra/routes';
import { latestOccurrence } from '../../infra/local/scheduler';
import type { Runtime } from '../../infra/local/runtime';
import { CAMPAIGN, type Client, as, paths, setUpOrganization, startTestRuntime } from '../support/runtime';
import { countEvents } from '../support/store';

const schedule = (name: string) => SCHEDULES.find((each) => each.name === name)!;

describe('schedule times in Asia/Ho_Chi_Minh', () => {
  it('close-registration is due daily at 00:05 local time', () => {
    const close = schedule('close-registration');
    expect(latestOccurrence(close, vnInstant(2025, 3, 31, 0, 5))).toEqual(vnInstant(2025, 3, 31, 0, 5));
    expect(latestOccurrence(close, vnInstant(2025, 3, 31, 0, 4, 59))).toEqual(vnInstant(2025, 3, 30, 0, 5));
  });
  it('rollover is due on 1 January at 00:01 local time (17:01 UTC on 31 December)', () => {
    const rollover = schedule('rollover');
    expect(latestOccurrence(rollover, vnInstant(2026, 1, 1, 0, 1)).toISOString()).toBe('2025-12-31T17:01:00.000Z');
    expect(latestOccurrence(rollover, vnInstant(2026, 1, 1, 0, 0))).toEqual(vnInstant(2025, 1, 1, 0, 1));
  });
});

describe('scheduled jobs', () => {
  let runtime: Runtime;
  let office: Client;

  beforeAll(async () => {
    runtime = await startTestRuntime(vnInstant(2025, 3, 30, 12));
    ({ office } = await setUpOrganization(runtime));
    expect((await office.put(paths.campaign('cchc-2026-2030'), { template: 'cchc-2026-2030' })).status).toBe(201);
    await runtime.settle();
  });
  afterAll(() => runtime.stop());

  const refresh = async () => {
    office = await as(runtime, { role: 'office' });
  };

  it('before the deadline, close-registration records only the years already past', async () => {
    const result = (await runtime.runSchedule('close-registration')) as { closed: number };
    expect(result.closed).toBe(4); // 2021..2024 of the plan's campaign; 2025 is still open
    expect((await office.get(paths.cycle(2025))).body).toMatchObject({ registrationStatus: 'open', registrationClosedRecorded: false });
  });

  it('after the deadline, closes the year once: running it twice changes nothing', async () => {
    runtime.clock.set(vnInstant(2025, 3, 31, 0, 5), true);
    await refresh();
    expect(((await runtime.runSchedule('close-registration')) as { closed: number }).closed).toBe(1);
    const events = await countEvents(runtime);
    expect(((await runtime.runSchedule('close-registration')) as { closed: number }).closed).toBe(0);
    expect(await countEvents(runtime)).toBe(events);
    expect((await office.get(paths.cycle(2025))).body).toMatchObject({ registrationStatus: 'closed', registrationClosedRecorded: true });
    const history = await office.get(paths.history('campaign', CAMPAIGN));
    expect(history.body.events.at(-1)).toMatchObject({ type: 'RegistrationClosed', data: { year: 2025, deadline: '2025-03-30T17:00:00.000Z' }, actor: { sub: 'system:close-registration' } });
  });

  it('on 1 January, rollover ends the finished campaign and opens the new cycle of the next one, once', async () => {
    runtime.clock.set(vnInstant(2026, 1, 1, 0, 1), true);
    await refresh();
    expect(await runtime.runSchedule('rollover')).toEqual({ opened: 1, ended: 1 });
    expect(await runtime.runSchedule('rollover')).toEqual({ opened: 0, ended: 0 });
    expect((await office.get(paths.campaign())).body.ended).toBe(true);
    expect((await office.get(paths.cycle(2026, 'cchc-2026-2030'))).body).toMatchObject({ status: 'current', registrationStatus: 'open', opened: true });
    const redefine = await office.put(paths.campaign(), { template: CAMPAIGN });
    expect(redefine.status).toBe(409);
    expect(redefine.body.code).toBe('campaign-ended');
  });
});

describe('the local scheduler on a movable clock', () => {
  let runtime: Runtime;

  beforeAll(async () => {
    runtime = await startTestRuntime(vnInstant(2025, 3, 30, 23, 0), { autoSchedules: true });
    await setUpOrganization(runtime);
  });
  afterAll(() => runtime.stop());

  it('fires close-registration when POST /_local/clock moves past 00:05 on 31 March', async () => {
    const office = await as(runtime, { role: 'office' });
    expect((await office.get(paths.cycle(2025))).body.registrationClosedRecorded).toBe(false);
    const moved = await fetch(`${runtime.url}/_local/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: '2025-03-31T00:06:00+07:00', frozen: true }) });
    expect(moved.status).toBe(200);
    expect(((await moved.json()) as { now: string }).now).toBe('2025-03-30T17:06:00.000Z');
    expect((await office.get(paths.cycle(2025))).body.registrationClosedRecorded).toBe(true);
  });

  it('refuses a malformed clock request with a problem', async () => {
    const response = await fetch(`${runtime.url}/_local/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"now":"tomorrow"}' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { code: string }).code).toBe('invalid-request');
  });
});
