import type { Deadline, ReminderTarget } from '../../events/reminder';
import type { CampaignState } from '../../domain/campaign/decider';
import { refuse } from '../../domain/errors';
import { deadlineWindow } from '../../domain/reminders/deadlines';
import { reminderDecider } from '../../domain/reminders/decider';
import { type OutstandingItem, reminderText } from '../../domain/reminders/messages';
import { type CycleFacts, outstanding, participantKey } from '../../domain/reminders/outstanding';
import { vnIsoDate } from '../../domain/time';
import { type CommandRequest, executeCommand } from '../command';
import type { Deps } from '../deps';
import { reminderAggregateId } from '../projections/reminders';
import { type ViewRecord, queryViews } from '../store/views';
import { pledgePartition, scoresPartition, viewKeys } from '../store/view-keys';
import type { ScoreEntry } from '../projections/evaluation';
import { type EmailMessage, deliverAll } from './notifier';

export interface ReminderRequest {
  readonly org: string;
  readonly campaignId: string;
  readonly campaign: CampaignState;
  readonly year: number;
  readonly deadline: Deadline;
  /** Only these participants (appraisers, for the appraisal deadline); absent: everyone who has not acted. */
  readonly only?: readonly string[];
  readonly request: CommandRequest;
}

/** The roster and the cycle's pledges or score items: three Queries of the views, at once. */
const loadCycle = async (deps: Deps, { org, campaignId, year, deadline }: ReminderRequest) => {
  const [departments, members, records] = await Promise.all([
    queryViews(deps, viewKeys.department(org, '').pk),
    queryViews(deps, viewKeys.member(org, '').pk),
    queryViews(deps, deadline === 'registration' ? pledgePartition(org, campaignId, year) : scoresPartition(org, campaignId, year)),
  ]);
  const entries = deadline === 'registration' ? [] : records.flatMap((item) => Object.values((item.entries ?? {}) as Record<string, ScoreEntry>));
  const facts: CycleFacts = {
    roster: [
      ...departments.map((department) => ({ kind: 'department' as const, id: department.sk, departmentId: department.sk })),
      ...members.map((member) => ({ kind: 'member' as const, id: member.sk, departmentId: member.departmentId as string })),
    ],
    registered: new Set(records.filter((pledge) => pledge.status === 'active').map((pledge) => `${pledge.participantKind}:${pledge.participantId}`)),
    selfAssessed: new Set(entries.filter((entry) => entry.status === 'submitted' || entry.status === 'finalized').map(participantKey)),
    // Items projected before appraisers were tracked have no list: nobody to remind there.
    pendingAppraisals: entries.map((entry) => ({ evaluation: participantKey(entry), appraisers: entry.pendingAppraisers ?? [] })),
  };
  return { departments, members, facts };
};

/**
 * Who gets which e-mail. A member is written to about its own record; a department's record goes to every member of
 * the department (the roster does not say who heads it: heads are a role of the sign-in, not of the roster); an
 * appraiser about the sheets waiting for it. One message per person per deadline, whatever it lists.
 */
const messagesFor = (reminders: readonly ReminderTarget[], { departments, members }: { departments: ViewRecord[]; members: ViewRecord[] }) => {
  const nameOf = new Map<string, string>([
    ...departments.map((department) => [`department:${department.sk}`, department.name as string] as const),
    ...members.map((member) => [`member:${member.sk}`, member.fullName as string] as const),
  ]);
  const items = new Map<string, OutstandingItem[]>();
  const add = (memberId: string, item: OutstandingItem) => items.set(memberId, [...(items.get(memberId) ?? []), item]);
  for (const target of reminders) {
    if (target.evaluations) target.evaluations.forEach((evaluation) => add(target.participantId, { kind: 'appraisal', name: nameOf.get(evaluation) ?? evaluation }));
    else if (target.participantKind === 'member') add(target.participantId, { kind: 'own' });
    else members.filter((member) => member.departmentId === target.participantId).forEach((member) => add(member.sk, { kind: 'department', name: nameOf.get(participantKey(target))! }));
  }
  const recipients = members.filter((member) => items.has(member.sk));
  return { recipients, items, withoutAddress: recipients.filter((member) => !member.email).map((member) => member.sk) };
};

/**
 * Reminds whoever has not acted on a deadline of a cycle: records one RemindersSent (nobody twice the same day),
 * then delivers through the notifier. At most once: a send that failed is logged, and is not retried by a second
 * run that day (which finds everyone reminded already).
 */
export const sendReminders = async (deps: Deps, request: ReminderRequest) => {
  const { org, campaignId, campaign, year, deadline, only } = request;
  const cycle = await loadCycle(deps, request);
  const onRoster = new Set(cycle.facts.roster.map((participant) => participant.id));
  const unknown = (only ?? []).filter((id) => !onRoster.has(id));
  if (unknown.length > 0) refuse('not-found', `not on the roster: ${unknown.join(', ')}`, { unknown });
  const late = outstanding(deadline, cycle.facts);
  const targets = only ? late.filter((target) => only.includes(target.participantId)) : late;
  const now = deps.now();
  const day = vnIsoDate(now);
  const window = deadlineWindow(campaign, year, deadline, now);
  const id = { org, type: 'reminder', id: reminderAggregateId(campaignId, year, deadline, day) } as const;
  const result = await executeCommand(deps, reminderDecider, id, { type: 'SendReminders', day, targets }, { actor: request.request.actor, window }, request.request);

  const reminded = (result.event?.data as { reminders: ReminderTarget[] } | undefined)?.reminders ?? [];
  const fresh = result.replayed ? [] : reminded;
  const { recipients, items, withoutAddress } = messagesFor(fresh, cycle);
  const messages: EmailMessage[] = recipients
    .filter((member) => member.email)
    .map((member) => ({
      to: member.email as string,
      ...reminderText({ deadline, dueDate: window!.dueDate, day, year, campaignTitle: campaign.definition!.title, recipientName: member.fullName as string, items: items.get(member.sk)! }),
    }));
  const delivery = deps.notifier ? await deliverAll(deps.notifier, messages, deps.log) : { delivered: 0, failed: 0 };
  if (!deps.notifier && messages.length > 0) deps.log('warn', 'reminders recorded but not sent: no notifier is configured', { messages: messages.length });
  const remindedKeys = new Set(reminded.map(participantKey));
  return {
    deadline,
    dueDate: window!.dueDate,
    day,
    reminded,
    /** A retry of a request already answered: nothing was recorded or sent this time. */
    replayed: result.replayed,
    // Asked for (or late) but not in this send: acted already, or reminded earlier today.
    skipped: [
      ...(only ?? []).filter((participantId) => !targets.some((target) => target.participantId === participantId)).map((participantId) => ({ participantId, reason: 'already-acted' })),
      ...targets.filter((target) => !remindedKeys.has(participantKey(target))).map((target) => ({ participantId: target.participantId, reason: 'already-reminded' })),
    ],
    delivery: { messages: messages.length, ...delivery, withoutAddress },
  };
};
