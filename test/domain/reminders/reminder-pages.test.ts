import { describe, expect, it } from 'vitest';
import type { DeadlineWindow } from '../../../domain/reminders/deadlines';
import { type ReminderCommand, reminderDecider } from '../../../domain/reminders/decider';
import { REMINDER_PAGE_WEIGHT, type ReminderEvent, type ReminderTarget, reminderWeight } from '../../../events/reminder';
import { actors } from '../fixtures';
import { spec } from '../specification';

const reminders = spec(reminderDecider);
const scheduler = { actor: actors.system('reminders'), window: { deadline: 'registration', dueDate: '2025-03-30', status: 'open' } satisfies DeadlineWindow };
const member = (index: number): ReminderTarget => ({ participantKind: 'member', participantId: `m-${index}`, departmentId: `phong-${index % 100}` });
const send = (targets: readonly ReminderTarget[]): ReminderCommand => ({ type: 'SendReminders', day: '2025-03-23', targets });
const sent = (targets: readonly ReminderTarget[]): ReminderEvent => ({
  type: 'RemindersSent',
  data: { deadline: 'registration', dueDate: '2025-03-30', day: '2025-03-23', trigger: 'schedule', reminders: [...targets] },
});
const LATE = Array.from({ length: 5_000 }, (_, index) => member(index));

describe('a large reminder run is recorded in pages (no event grows with the agency)', () => {
  it('5,000 late members: twenty events of 250, in order', () => {
    const events = reminderDecider.decide(send(LATE), reminderDecider.initialState, scheduler);
    expect(events.map((event) => event.data.reminders.length)).toEqual(new Array(20).fill(REMINDER_PAGE_WEIGHT));
    expect(events.flatMap((event) => event.data.reminders)).toStrictEqual(LATE);
  });

  it('a run cut off after some pages, retried, reminds only the rest', () => {
    const firstPages = [sent(LATE.slice(0, 250)), sent(LATE.slice(250, 500))];
    const events = reminderDecider.decide(send(LATE), firstPages.reduce(reminderDecider.evolve, reminderDecider.initialState), scheduler);
    expect(events.flatMap((event) => event.data.reminders)).toStrictEqual(LATE.slice(500));
  });

  it('an appraiser waited on by 600 sheets is reminded of them in parts of a page each', () => {
    const evaluations = Array.from({ length: 600 }, (_, index) => `member:m-${index}`);
    const appraiser: ReminderTarget = { participantKind: 'member', participantId: 'uv-1', departmentId: 'hoi-dong', evaluations };
    const events = reminderDecider.decide(send([member(9_999), appraiser]), reminderDecider.initialState, { ...scheduler, window: { ...scheduler.window, deadline: 'appraisal' } });
    expect(events.map((event) => event.data.reminders.reduce((weight, target) => weight + reminderWeight(target), 0))).toEqual([1, 250, 250, 103]);
    expect(events.flatMap((event) => event.data.reminders.flatMap((target) => target.evaluations ?? []))).toStrictEqual(evaluations);
  });

  it('a small run is one event, as before pages existed', () => {
    reminders.given([]).when(send(LATE.slice(0, 3)), scheduler).then([sent(LATE.slice(0, 3))]);
  });
});
