import type { Deadline, ReminderTarget } from '../../events/reminder';
import { type OutstandingItem, reminderText } from '../../domain/reminders/messages';
import { participantKey } from '../../domain/reminders/outstanding';
import type { Deps } from '../deps';
import { rosterOfCycle } from '../roster';
import { type ViewRecord, queryViews } from '../store/views';
import { viewKeys } from '../store/view-keys';
import type { EmailMessage } from './notifier';

/** The organization's departments and members as the views hold them: names, departments and addresses. */
export interface Roster {
  readonly departments: readonly ViewRecord[];
  readonly members: readonly ViewRecord[];
}

/** The roster a cycle's reminders go to: whoever has left before the review date is reminded of nothing. */
export const loadRoster = async (deps: Deps, org: string, year: number): Promise<Roster> => {
  const [departments, members] = await Promise.all([queryViews(deps, viewKeys.department(org, '').pk), queryViews(deps, viewKeys.member(org, '').pk)]);
  return { departments, members: rosterOfCycle(members, year) };
};

/** What every message of one deadline's reminders says besides its recipient. */
export interface ReminderContext {
  readonly deadline: Deadline;
  readonly dueDate: string;
  readonly day: string;
  readonly year: number;
  readonly campaignTitle: string;
}

/**
 * Who gets which e-mail. A member is written to about its own record; a department's record goes to every member of
 * the department (the roster does not say who heads it: heads are a role of the sign-in, not of the roster); an
 * appraiser about the sheets waiting for it. One message per person per deadline, whatever it lists; members
 * without an address are reminded on record only (`withoutAddress`).
 */
export const reminderMessages = (reminders: readonly ReminderTarget[], { departments, members }: Roster, context: ReminderContext) => {
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
  const messages: EmailMessage[] = recipients
    .filter((member) => member.email)
    .map((member) => ({ to: member.email as string, ...reminderText({ ...context, recipientName: member.fullName as string, items: items.get(member.sk)! }) }));
  return { messages, withoutAddress: recipients.filter((member) => !member.email).map((member) => member.sk) };
};
