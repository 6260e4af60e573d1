import type { DisciplineEvent, DisciplineLevel } from '../../events/discipline';
import type { Actor } from '../actor';
import type { Decider } from '../decider';
import { refuse } from '../errors';
import { type ParticipantRef, requireOffice } from '../policies';

/** The Office records a member's disciplinary measure for a year (eligibility reads it), or clears it, with a reason. */
export type DisciplineCommand =
  | { readonly type: 'RecordDiscipline'; readonly year: number; readonly level: DisciplineLevel; readonly reason: string }
  | { readonly type: 'ClearDiscipline'; readonly reason: string };

export interface DisciplineState {
  readonly level: DisciplineLevel | null;
  readonly reason: string | null;
}

const initialState: DisciplineState = { level: null, reason: null };

const evolve = (_state: DisciplineState, event: DisciplineEvent): DisciplineState =>
  event.type === 'DisciplineRecorded' ? { level: event.data.level, reason: event.data.reason } : { level: null, reason: event.data.reason };

const decide = (command: DisciplineCommand, state: DisciplineState, { actor, member }: { actor: Actor; member: ParticipantRef | null }): DisciplineEvent[] => {
  requireOffice(actor);
  const who = member ?? refuse('not-found', 'no such member on the roster');
  if (command.type === 'ClearDiscipline') return state.level === null ? [] : [{ type: 'DisciplineCleared', data: { reason: command.reason } }];
  if (state.level === command.level && state.reason === command.reason) return [];
  return [{ type: 'DisciplineRecorded', data: { memberId: who.id, departmentId: who.departmentId, year: command.year, level: command.level, reason: command.reason } }];
};

export const disciplineDecider: Decider<DisciplineCommand, DisciplineEvent, DisciplineState, { actor: Actor; member: ParticipantRef | null }> = { initialState, evolve, decide };
