import type { DecisionContent, DecisionEvent, GrantedAward } from '../../events/decision';
import type { Actor } from '../actor';
import { structurallyEqual } from '../canonical-json';
import type { Decider } from '../decider';
import { refuse } from '../errors';
import { type ParticipantRef, requireOffice } from '../policies';
import type { RuleSet } from '../awards/rule-sets';
import { type TitleCode, titleByCode } from '../titles';
import type { ProposalState } from '../voting/proposal';
import type { CycleFacts } from '../awards/cycle-eligibility';
import { type AwardLine, type CycleGrants, requireCouncilPassed, requireWithinCap } from './council-passed';
import { requireEligible } from './eligible-recipients';

/** What the Office types from the signed decision: the rest (department, amount, rule set) is derived. */
export interface DecisionDraft extends Omit<DecisionContent, 'awards'> {
  readonly awards: readonly AwardLine[];
}

export type DecisionCommand =
  | { readonly type: 'RecordDecision'; readonly draft: DecisionDraft; readonly reason?: string }
  | { readonly type: 'RevokeDecision'; readonly reason: string };

export interface DecisionState {
  readonly content: DecisionContent | null;
  readonly revoked: { readonly reason: string } | null;
}

export interface DecisionContext {
  readonly actor: Actor;
  /** The recipients on the roster, by `<kind>:<id>` (reference data). */
  readonly recipients: ReadonlyMap<string, ParticipantRef>;
  /** The reward for a title granted on a date, by the rules in force then. */
  readonly rewardFor: (title: TitleCode, date: string, recipientKind: 'member' | 'department') => { readonly amount: number | null; readonly ruleSet: string };
  /** The rule set in force on the decision date (refused before the first). */
  readonly rulesFor: (date: string) => RuleSet;
  /** The council sessions the decision names (the cycle's proposal lists), by proposalId. */
  readonly sessions: ReadonlyMap<string, ProposalState>;
  /** What the cycle's other decisions already grant to members, per title (for a rule set's cap). */
  readonly cycleGrants: CycleGrants;
  /** The cycle's eligibility facts on its review date, without this decision's own grants (reference data). */
  readonly cycleFacts: CycleFacts;
}

const initialState: DecisionState = { content: null, revoked: null };

const evolve = (state: DecisionState, event: DecisionEvent): DecisionState => {
  switch (event.type) {
    case 'DecisionRecorded':
      return { ...state, content: event.data };
    case 'DecisionCorrected': {
      const { reason: _reason, ...content } = event.data;
      return { ...state, content };
    }
    case 'DecisionRevoked':
      return { ...state, revoked: { reason: event.data.reason } };
  }
};

const granted = (draft: DecisionDraft, context: DecisionContext): DecisionContent => {
  const content = {
    ...draft,
    awards: draft.awards.map(({ title, recipientKind, recipientId, proposalId }): GrantedAward => {
      const recipient = context.recipients.get(`${recipientKind}:${recipientId}`) ?? refuse('not-found', `no ${recipientKind} "${recipientId}" on the roster`);
      if (!titleByCode(title)!.for.includes(recipientKind)) refuse('title-not-for-recipient', `"${titleByCode(title)!.label}" is not granted to a ${recipientKind}`, { title, recipientId });
      return { title, recipientKind, recipientId, departmentId: recipient.departmentId, ...context.rewardFor(title, draft.date, recipientKind), ...(proposalId ? { proposalId } : {}) };
    }),
  };
  let rules: RuleSet;
  let reviewRules: RuleSet;
  try {
    rules = context.rulesFor(draft.date);
    // The cycle's review (31 December of its year) sets the cap, whatever the day the decision is signed.
    reviewRules = context.rulesFor(`${draft.year}-12-31`);
  } catch (error) {
    return refuse('invalid-request', (error as Error).message);
  }
  requireCouncilPassed(draft.awards, rules, context.sessions, draft.legalBasis);
  requireWithinCap(draft.awards, reviewRules, context.cycleGrants, draft.legalBasis);
  requireEligible(draft.awards, reviewRules, context.cycleFacts, draft.legalBasis);
  return content;
};

/**
 * A decision becomes the granted awards. It is recorded once; a correction restates it whole, with a reason; a
 * revocation keeps it in the history but grants nothing any more. Old events stay.
 */
const decide = (command: DecisionCommand, state: DecisionState, context: DecisionContext): DecisionEvent[] => {
  requireOffice(context.actor);
  if (state.revoked) refuse('decision-revoked', 'this decision was revoked; record a new one');
  if (command.type === 'RevokeDecision') {
    if (!state.content) refuse('not-found', 'no such decision');
    return [{ type: 'DecisionRevoked', data: { reason: command.reason } }];
  }
  const content = granted(command.draft, context);
  if (!state.content) return [{ type: 'DecisionRecorded', data: content }];
  if (structurallyEqual(state.content, content)) return [];
  if (!command.reason) refuse('invalid-request', 'a correction of a recorded decision needs a reason');
  return [{ type: 'DecisionCorrected', data: { ...content, reason: command.reason! } }];
};

export const decisionDecider: Decider<DecisionCommand, DecisionEvent, DecisionState, DecisionContext> = { initialState, evolve, decide };
