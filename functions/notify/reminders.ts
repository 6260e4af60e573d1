import type { Deadline, ReminderTarget } from '../../events/reminder';
import type { CampaignState } from '../../domain/campaign/decider';
import { refuse } from '../../domain/errors';
import { deadlineWindow } from '../../domain/reminders/deadlines';
import { reminderDecider } from '../../domain/reminders/decider';
import { type CycleFacts, outstanding, participantKey } from '../../domain/reminders/outstanding';
import { vnIsoDate } from '../../domain/time';
import { type CommandRequest, executeCommand } from '../command';
import type { Deps } from '../deps';
import { reminderAggregateId } from '../projections/reminders';
import { queryViews } from '../store/views';
import { pledgePartition, scoresPartition } from '../store/view-keys';
import { scoreLinesOf } from '../projections/evaluation';
import { loadRoster, reminderMessages } from './reminder-messages';

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
  const [roster, records] = await Promise.all([
    loadRoster(deps, org, year),
    queryViews(deps, deadline === 'registration' ? pledgePartition(org, campaignId, year) : scoresPartition(org, campaignId, year)),
  ]);
  const entries = deadline === 'registration' ? [] : scoreLinesOf(records);
  const facts: CycleFacts = {
    roster: [
      ...roster.departments.map((department) => ({ kind: 'department' as const, id: department.sk, departmentId: department.sk })),
      ...roster.members.map((member) => ({ kind: 'member' as const, id: member.sk, departmentId: member.departmentId as string })),
    ],
    registered: new Set(records.filter((pledge) => pledge.status === 'active').map((pledge) => `${pledge.participantKind}:${pledge.participantId}`)),
    selfAssessed: new Set(entries.filter((entry) => entry.status === 'submitted' || entry.status === 'finalized').map(participantKey)),
    // Items projected before appraisers were tracked have no list: nobody to remind there.
    pendingAppraisals: entries.map((entry) => ({ evaluation: participantKey(entry), appraisers: entry.pendingAppraisers ?? [] })),
  };
  return { roster, facts };
};

/**
 * Reminds whoever has not acted on a deadline of a cycle: records one RemindersSent (nobody twice the same day), and
 * that is all. The e-mails leave from the event stream (functions/streams/deliver-reminders.ts), retried until they
 * are accepted, so a failed send or a crash after the write no longer loses them, and a large group does not hold
 * the request. The answer counts the messages queued that way.
 */
export const recordReminders = async (deps: Deps, request: ReminderRequest) => {
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

  // A large run is several events (pages): who was reminded is all of this request's.
  const reminded = result.written.flatMap((event) => (event.data as { reminders: ReminderTarget[] }).reminders);
  const fresh = result.replayed ? [] : reminded;
  const { messages, withoutAddress } = reminderMessages(fresh, cycle.roster, { deadline, dueDate: window!.dueDate, day, year, campaignTitle: campaign.definition!.title });
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
    /** Messages to be sent from the stream (none on a replay: they were queued the first time). */
    delivery: { queued: messages.length, withoutAddress },
  };
};
