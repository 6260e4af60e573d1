import type { FindingClosure, FindingContent, FindingEvent } from '../../events/finding';
import type { Actor } from '../actor';
import type { Decider } from '../decider';
import { refuse } from '../errors';
import { type ParticipantRef, requireOffice } from '../policies';

/**
 * A self-inspection finding in a department (tự kiểm tra CCHC): the Office records it, may amend it while it is
 * open, and closes it once the corrective action is done. A closed finding stays as it was closed.
 */
export type FindingCommand =
  | { readonly type: 'SaveFinding'; readonly content: FindingContent }
  | { readonly type: 'CloseFinding'; readonly closure: FindingClosure };

export interface FindingState {
  readonly content: (FindingContent & { readonly departmentId: string }) | null;
  readonly closure: FindingClosure | null;
}

export interface FindingContext {
  readonly actor: Actor;
  /** The department in the path, from the roster; null when there is none. */
  readonly department: ParticipantRef | null;
}

const initialState: FindingState = { content: null, closure: null };

const evolve = (state: FindingState, event: FindingEvent): FindingState =>
  event.type === 'FindingClosed' ? { ...state, closure: event.data } : { ...state, content: event.data };

const sameContent = (a: FindingContent, b: FindingContent) =>
  a.date === b.date && a.area === b.area && a.shortcoming === b.shortcoming && a.correctiveAction === b.correctiveAction && a.dueDate === b.dueDate;

const decide = (command: FindingCommand, state: FindingState, { actor, department }: FindingContext): FindingEvent[] => {
  requireOffice(actor);
  if (command.type === 'SaveFinding') {
    const { id: departmentId } = department ?? refuse('not-found', 'no such department on the roster');
    if (state.closure) refuse('invalid-transition', 'the finding is closed: record a new one');
    if (state.content && sameContent(state.content, command.content)) return [];
    return [{ type: state.content ? 'FindingAmended' : 'FindingRecorded', data: { departmentId, ...command.content } }];
  }
  const content = state.content ?? refuse('not-found', 'no such finding');
  if (state.closure) {
    if (state.closure.closedOn === command.closure.closedOn && state.closure.note === command.closure.note) return [];
    refuse('invalid-transition', `the finding was closed on ${state.closure.closedOn}`);
  }
  if (command.closure.closedOn < content.date) refuse('invalid-request', 'a finding cannot be closed before it was found');
  return [{ type: 'FindingClosed', data: command.closure }];
};

export const findingDecider: Decider<FindingCommand, FindingEvent, FindingState, FindingContext> = { initialState, evolve, decide };
