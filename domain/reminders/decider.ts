import { REMINDER_PAGE_WEIGHT, type ReminderEvent, type ReminderTarget, reminderWeight } from '../../events/reminder';
import { type Actor, hasRole } from '../actor';
import type { Decider } from '../decider';
import { type DomainErrorCode, refuse } from '../errors';
import type { DeadlineWindow } from './deadlines';
import { participantKey } from './outstanding';

/**
 * Reminders of one deadline on one day (the aggregate): the scheduler's and the Office's by hand. Each participant
 * is reminded at most once a day, so a second run, a retried schedule or a double click writes nothing new. A
 * large run is written in pages (events/reminder.ts); one cut off between pages is completed by its retry, which
 * finds the rest not yet reminded.
 */
export type ReminderCommand = { readonly type: 'SendReminders'; readonly day: string; readonly targets: readonly ReminderTarget[] };

export interface ReminderState {
  /** `<kind>:<participantId>` of everyone reminded that day. */
  readonly reminded: ReadonlySet<string>;
}

export interface ReminderContext {
  readonly actor: Actor;
  /** The deadline as the cycle's calendar has it now; null when the cycle does not exist. */
  readonly window: DeadlineWindow | null;
}

/** Why nobody can be urged to meet a deadline that is not open. */
const NOT_OPEN: Record<DeadlineWindow['deadline'], Record<'not-open' | 'closed', DomainErrorCode>> = {
  registration: { 'not-open': 'registration-not-open', closed: 'registration-closed' },
  'self-assessment': { 'not-open': 'evaluation-not-open', closed: 'evaluation-closed' },
  appraisal: { 'not-open': 'evaluation-not-open', closed: 'appraisal-closed' },
};

const initialState: ReminderState = { reminded: new Set() };

const evolve = (state: ReminderState, event: ReminderEvent): ReminderState => ({
  reminded: new Set([...state.reminded, ...event.data.reminders.map(participantKey)]),
});

/** An appraiser with more sheets than a page holds is reminded of them in parts, each of them a page at most. */
const split = (target: ReminderTarget): ReminderTarget[] => {
  const { evaluations } = target;
  if (evaluations === undefined || reminderWeight(target) <= REMINDER_PAGE_WEIGHT) return [target];
  const size = REMINDER_PAGE_WEIGHT - 1;
  return Array.from({ length: Math.ceil(evaluations.length / size) }, (_, part) => ({ ...target, evaluations: evaluations.slice(part * size, (part + 1) * size) }));
};

/** The reminders in pages of at most REMINDER_PAGE_WEIGHT, in their order. */
const pages = (targets: readonly ReminderTarget[]): ReminderTarget[][] => {
  const result: ReminderTarget[][] = [];
  let weight = Infinity;
  for (const target of targets.flatMap(split)) {
    if (weight + reminderWeight(target) > REMINDER_PAGE_WEIGHT) {
      result.push([]);
      weight = 0;
    }
    result.at(-1)!.push(target);
    weight += reminderWeight(target);
  }
  return result;
};

const decide = (command: ReminderCommand, state: ReminderState, { actor, window }: ReminderContext): ReminderEvent[] => {
  if (!hasRole(actor, 'system', 'office')) refuse('forbidden', 'only the Office (Văn phòng) sends reminders');
  const open = window ?? refuse('not-found', 'this campaign has no such cycle');
  if (open.status !== 'open') refuse(NOT_OPEN[open.deadline][open.status], `the ${open.deadline} deadline is ${open.status}: there is nothing to remind of`);
  const fresh = command.targets.filter((target) => !state.reminded.has(participantKey(target)));
  const trigger = hasRole(actor, 'system') ? 'schedule' : 'manual';
  return pages(fresh).map((reminders) => ({ type: 'RemindersSent', data: { deadline: open.deadline, dueDate: open.dueDate, day: command.day, trigger, reminders } }));
};

export const reminderDecider: Decider<ReminderCommand, ReminderEvent, ReminderState, ReminderContext> = { initialState, evolve, decide };
