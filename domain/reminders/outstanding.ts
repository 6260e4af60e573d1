import type { Deadline, ReminderTarget } from '../../events/reminder';
import type { ParticipantRef } from '../policies';

/** What the reminders need to know of a cycle, read from the views. Keys are `<kind>:<participantId>`. */
export interface CycleFacts {
  /** Every department and member on the roster. */
  readonly roster: readonly ParticipantRef[];
  /** Who holds an active yearly pledge. */
  readonly registered: ReadonlySet<string>;
  /** Who has submitted its self-assessment (or has a final result). */
  readonly selfAssessed: ReadonlySet<string>;
  /** Submitted sheets and the assigned council members that have not appraised them yet. */
  readonly pendingAppraisals: readonly { readonly evaluation: string; readonly appraisers: readonly string[] }[];
}

export const participantKey = (participant: { readonly participantKind: string; readonly participantId: string }) =>
  `${participant.participantKind}:${participant.participantId}`;

const targetOf = (participant: ParticipantRef): ReminderTarget => ({ participantKind: participant.kind, participantId: participant.id, departmentId: participant.departmentId });

const notIn = (acted: ReadonlySet<string>) => (facts: CycleFacts) =>
  facts.roster.map(targetOf).filter((target) => !acted.has(participantKey(target)));

/** An appraiser is a council member: reminded once, with every sheet still waiting for it. */
const notAppraised = (facts: CycleFacts): ReminderTarget[] => {
  const waiting = new Map<string, string[]>();
  for (const { evaluation, appraisers } of facts.pendingAppraisals) {
    for (const appraiser of appraisers) waiting.set(appraiser, [...(waiting.get(appraiser) ?? []), evaluation]);
  }
  // Appraisers no longer on the roster cannot be written to: they are left out.
  return facts.roster
    .filter((participant) => participant.kind === 'member' && waiting.has(participant.id))
    .map((member) => ({ ...targetOf(member), evaluations: waiting.get(member.id)!.sort() }));
};

/** Who has not acted on a deadline: no pledge; no submitted self-assessment; an assigned appraisal not given. */
export const outstanding = (deadline: Deadline, facts: CycleFacts): ReminderTarget[] =>
  ({ registration: notIn(facts.registered), 'self-assessment': notIn(facts.selfAssessed), appraisal: notAppraised })[deadline](facts);
