import type { InitiativeContent, InitiativeEvent } from '../../events/initiative';
import type { Actor } from '../actor';
import type { Decider } from '../decider';
import { refuse } from '../errors';
import { type ParticipantRef, mayActFor, requireOffice } from '../policies';

export type InitiativeStatus = 'none' | 'submitted' | 'in-review' | 'recognized' | 'rejected';

export type InitiativeCommand =
  | { readonly type: 'SubmitInitiative'; readonly content: InitiativeContent }
  | { readonly type: 'SendToReview' }
  | { readonly type: 'RecognizeInitiative'; readonly decisionNumber: string; readonly decisionDate: string }
  | { readonly type: 'RejectInitiative'; readonly reason: string }
  | { readonly type: 'ProposeUpward'; readonly note?: string }
  | { readonly type: 'RecognizeProvinceWide'; readonly decisionNumber: string; readonly decisionDate: string };

export interface InitiativeState {
  readonly status: InitiativeStatus;
  readonly author: ParticipantRef | null;
  readonly content: InitiativeContent | null;
  readonly recognition: { readonly decisionNumber: string; readonly decisionDate: string } | null;
  readonly proposedUpward: boolean;
  /** The province's decision recognizing its effect province-wide (the Office records it), if any. */
  readonly provinceWide: { readonly decisionNumber: string; readonly decisionDate: string } | null;
  readonly rejection: string | null;
}

export interface InitiativeContext {
  readonly actor: Actor;
  /** The author on the roster (reference data), for a new initiative. */
  readonly author: ParticipantRef | null;
}

const initialState: InitiativeState = { status: 'none', author: null, content: null, recognition: null, proposedUpward: false, provinceWide: null, rejection: null };

const evolve = (state: InitiativeState, event: InitiativeEvent): InitiativeState => {
  switch (event.type) {
    case 'InitiativeSubmitted': {
      const { author, ...content } = event.data;
      return { ...state, status: 'submitted', author, content };
    }
    case 'InitiativeAmended':
      return { ...state, content: event.data };
    case 'InitiativeSentToReview':
      return { ...state, status: 'in-review' };
    case 'InitiativeRecognized':
      return { ...state, status: 'recognized', recognition: event.data };
    case 'InitiativeRejected':
      return { ...state, status: 'rejected', rejection: event.data.reason };
    case 'InitiativeProposedUpward':
      return { ...state, proposedUpward: true };
    case 'InitiativeRecognizedProvinceWide':
      return { ...state, provinceWide: event.data };
  }
};

/**
 * The life of an initiative: submitted (amendable) → in review → recognized at base level (→ proposed upward → its
 * province-wide effect recognized by the province, with its decision), or rejected.
 */
const decide = (command: InitiativeCommand, state: InitiativeState, { actor, author }: InitiativeContext): InitiativeEvent[] => {
  if (command.type === 'SubmitInitiative') {
    const who = state.author ?? author ?? refuse('not-found', 'no such author on the roster');
    if (!mayActFor(actor, who)) refuse('forbidden', 'you may not submit an initiative for this author');
    if (state.status === 'none') return [{ type: 'InitiativeSubmitted', data: { ...command.content, author: who } }];
    if (state.status !== 'submitted') refuse('invalid-transition', 'an initiative under review or decided can no longer be changed');
    return [{ type: 'InitiativeAmended', data: command.content }];
  }
  requireOffice(actor);
  switch (command.type) {
    case 'SendToReview':
      if (state.status !== 'submitted') refuse(state.status === 'none' ? 'not-found' : 'invalid-transition', 'only a submitted initiative goes to review');
      return [{ type: 'InitiativeSentToReview', data: {} }];
    case 'RecognizeInitiative':
      if (state.status !== 'in-review') refuse(state.status === 'none' ? 'not-found' : 'invalid-transition', 'only an initiative in review is recognized');
      return [{ type: 'InitiativeRecognized', data: { decisionNumber: command.decisionNumber, decisionDate: command.decisionDate } }];
    case 'RejectInitiative':
      if (state.status !== 'in-review' && state.status !== 'submitted') refuse(state.status === 'none' ? 'not-found' : 'invalid-transition', 'a decided initiative cannot be rejected');
      return [{ type: 'InitiativeRejected', data: { reason: command.reason } }];
    case 'ProposeUpward':
      if (state.status !== 'recognized') refuse(state.status === 'none' ? 'not-found' : 'invalid-transition', 'only a recognized initiative is proposed upward');
      if (state.proposedUpward) return [];
      return [{ type: 'InitiativeProposedUpward', data: command.note ? { note: command.note } : {} }];
    case 'RecognizeProvinceWide': {
      if (state.status !== 'recognized') refuse(state.status === 'none' ? 'not-found' : 'invalid-transition', 'only an initiative recognized at base level is recognized province-wide');
      const recognition = { decisionNumber: command.decisionNumber, decisionDate: command.decisionDate };
      if (state.provinceWide && state.provinceWide.decisionNumber === recognition.decisionNumber && state.provinceWide.decisionDate === recognition.decisionDate) return [];
      return [{ type: 'InitiativeRecognizedProvinceWide', data: recognition }];
    }
  }
};

export const initiativeDecider: Decider<InitiativeCommand, InitiativeEvent, InitiativeState, InitiativeContext> = { initialState, evolve, decide };
