import { ruleSetFor } from '../../domain/awards/rule-sets';
import { type DecisionContext, decisionDecider } from '../../domain/decisions/decider';
import { reminderDecider } from '../../domain/reminders/decider';
import type { StoredEvent, StreamId } from '../../events/envelope';
import type { ReminderTarget } from '../../events/reminder';
import { groupContributions, viewContributions } from '../../functions/projections';
import { decisionContributions } from '../../functions/projections/awards';
import { entriesItem } from '../../functions/store/write-entries';
import { everyoneEligible } from '../domain/fixtures';
import { median, round } from './stats';

const ORG = 'bench-items';
const meta = { at: '2025-12-26T02:00:00.000Z', actor: { sub: 'bench', roles: ['office'] }, requestId: 'bench-request-0001' };
const office = { sub: 'bench', org: ORG, roles: ['office' as const] };

/**
 * An item's size as DynamoDB counts it (what its 400 KB limit applies to): attribute names and strings in UTF-8,
 * numbers at about one byte per two digits plus one, booleans and nulls one byte, three bytes per list or map and
 * one per element of it.
 */
export const dynamoItemBytes = (value: unknown): number => {
  if (value === null || value === undefined || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number') return Math.ceil(String(Math.abs(value)).replace(/[.-]/g, '').length / 2) + 1;
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, each) => sum + 1 + dynamoItemBytes(each), 0);
  return (
    3 +
    Object.entries(value as Record<string, unknown>)
      .filter(([, each]) => each !== undefined)
      .reduce((sum, [name, each]) => sum + Buffer.byteLength(name) + 1 + dynamoItemBytes(each), 0)
  );
};
const topLevelBytes = (item: Record<string, unknown>) => dynamoItemBytes(item) - 3;

/** Slugs as long as real ones get (a member id of a full Vietnamese name and a number). */
const memberId = (index: number) => `nguyen-thi-thanh-huong-${String(index).padStart(5, '0')}`;
const departmentId = (index: number) => `phong-quan-ly-quy-hoach-va-xay-dung-${index % 100}`;

/** The events a decision of `count` awards is recorded as (its pages), decided by the real decider. */
const decisionEvents = (count: number): { id: StreamId; events: StoredEvent[] } => {
  const members = Array.from({ length: count }, (_, index) => memberId(index));
  const context: DecisionContext = {
    actor: office,
    recipients: new Map(members.map((id, index) => [`member:${id}`, { kind: 'member', id, departmentId: departmentId(index) }])),
    rewardFor: () => ({ amount: 702_000, ruleSet: 'nd98-2023' }),
    rulesFor: ruleSetFor,
    sessions: new Map(),
    cycleGrants: {},
    cycleFacts: everyoneEligible(members.map((id, index) => ({ id, departmentId: departmentId(index) }))),
  };
  const draft = { campaignId: 'cchc-2021-2025', year: 2025, number: '15/QĐ-BQLKKTPQ', date: '2025-12-22', signer: 'Nguyễn Văn Trưởng', signerPosition: 'Trưởng ban' };
  const decided = decisionDecider.decide(
    { type: 'RecordDecision', draft: { ...draft, awards: members.map((recipientId) => ({ title: 'lao-dong-tien-tien', recipientKind: 'member', recipientId })) } },
    decisionDecider.initialState,
    context,
  );
  const id = { org: ORG, type: 'decision', id: `qd-${count}` } as const;
  return { id, events: decided.map((event, index) => ({ pk: `${ORG}#decision#${id.id}`, version: index + 1, type: event.type, data: event.data, meta })) };
};

/** A reminder run of `count` late members, decided by the real decider. */
const reminderEvents = (count: number): { id: StreamId; events: StoredEvent[] } => {
  const targets: ReminderTarget[] = Array.from({ length: count }, (_, index) => ({ participantKind: 'member', participantId: memberId(index), departmentId: departmentId(index) }));
  const decided = reminderDecider.decide({ type: 'SendReminders', day: '2025-03-23', targets }, reminderDecider.initialState, {
    actor: { sub: 'system:reminders', org: ORG, roles: ['system'] },
    window: { deadline: 'registration', dueDate: '2025-03-30', status: 'open' },
  });
  const id = { org: ORG, type: 'reminder', id: 'cchc-2021-2025:2025:registration:2025-03-23' } as const;
  return { id, events: decided.map((event, index) => ({ pk: `${ORG}#reminder#${id.id}`, version: index + 1, type: event.type, data: event.data, meta })) };
};

/** CPU ms of building a decision's view from its events (the projector's and the command answer's work), median of `rounds`. */
const viewCpuMs = (count: number, rounds: number) => {
  const { id, events } = decisionEvents(count);
  const times = Array.from({ length: rounds }, () => {
    const started = process.cpuUsage();
    decisionContributions(id, events);
    const used = process.cpuUsage(started);
    return (used.user + used.system) / 1000;
  });
  return median(times);
};

/** The largest item (by DynamoDB's count) of the events and the views a stream becomes. */
const largestItems = ({ id, events }: { id: StreamId; events: StoredEvent[] }) => {
  const { items, shared } = groupContributions(viewContributions(id, events).map((contribution) => ({ source: id.id, contribution })));
  const views = [...items.map(({ item }) => item), ...shared.map((group) => entriesItem(group.pk, group.sk, group.base, group.entries))];
  const eventItems = events.map(({ pk, version, type, data, meta: eventMeta }) => ({ pk, sk: version, type, data, meta: eventMeta }));
  return {
    events: events.length,
    largestEventKb: round(Math.max(...eventItems.map(topLevelBytes)) / 1024, 1),
    viewItems: views.length,
    largestViewKb: round(Math.max(...views.map((view) => topLevelBytes(view as Record<string, unknown>))) / 1024, 1),
  };
};

/**
 * Issue 17: no item may grow with the organization. Building a decision's view at 1,000 and 4,000 awards (linear:
 * the ratio of CPU time near 4), and the largest event and view item of a decision of 5,000 awards and a reminder
 * run of 5,000 people, with ids as long as real ones. `BENCH_ONLY=items npm run bench`.
 */
export const largeItems = ({ rounds }: { readonly rounds: number }) => {
  viewCpuMs(1_000, 3); // warm the JIT before measuring
  const at1000 = viewCpuMs(1_000, rounds);
  const at4000 = viewCpuMs(4_000, rounds);
  return {
    decisionViewCpuMs: { awards1000: round(at1000, 1), awards4000: round(at4000, 1), ratio: round(at4000 / at1000, 2), linearRatio: 4 },
    decisionOf5000Awards: largestItems(decisionEvents(5_000)),
    reminderRunOf5000: largestItems(reminderEvents(5_000)),
    itemGoalKb: 100,
  };
};
