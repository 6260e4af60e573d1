import { type DecisionContent, type DecisionEvent, type GrantedAward, awardPages } from '../../events/decision';
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
  /** The current edition (recorded, or the last correction), with the awards of its pages written so far. */
  readonly content: DecisionContent | null;
  /** Awards of the current edition still to come in further pages: 0 once it is whole. */
  readonly awardsToCome: number;
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

const initialState: DecisionState = { content: null, awardsToCome: 0, revoked: null };

/** An edition starts with its first page: `awardCount` says how many awards the pages after it bring. */
const edition = (state: DecisionState, { awardCount, ...content }: DecisionContent & { awardCount?: number }): DecisionState => ({
  ...state,
  content,
  awardsToCome: (awardCount ?? content.awards.length) - content.awards.length,
});

const evolve = (state: DecisionState, event: DecisionEvent): DecisionState => {
  switch (event.type) {
    case 'DecisionRecorded':
      return edition(state, event.data);
    case 'DecisionCorrected': {
      const { reason: _reason, ...content } = event.data;
      return edition(state, content);
    }
    case 'DecisionAwardsAdded':
      return { ...state, content: { ...state.content!, awards: [...state.content!.awards, ...event.data.awards] }, awardsToCome: state.awardsToCome - event.data.awards.length };
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

/** An edition as events: the first page with the count of all (when there is more than one page), then the rest. */
const editionEvents = (content: DecisionContent, reason: string | undefined): DecisionEvent[] => {
  const [first, ...rest] = awardPages(content.awards);
  const head = { ...content, awards: first, ...(rest.length > 0 ? { awardCount: content.awards.length } : {}) };
  return [
    reason === undefined ? { type: 'DecisionRecorded', data: head } : { type: 'DecisionCorrected', data: { ...head, reason } },
    ...rest.map((awards): DecisionEvent => ({ type: 'DecisionAwardsAdded', data: { awards } })),
  ];
};

/**
 * The pages still missing from an edition cut off while it was written (a crash between two pages), when the same
 * decision is sent again: the same header, and the awards so far the start of the same list. Otherwise null.
 */
const missingPages = (state: DecisionState, content: DecisionContent): DecisionEvent[] | null => {
  if (state.awardsToCome === 0 || !state.content) return null;
  const sofar = state.content.awards;
  if (content.awards.length !== sofar.length + state.awardsToCome) return null;
  if (!structurallyEqual({ ...state.content, awards: [] }, { ...content, awards: [] }) || !structurallyEqual(sofar, content.awards.slice(0, sofar.length))) return null;
  return awardPages(content.awards.slice(sofar.length)).map((awards) => ({ type: 'DecisionAwardsAdded', data: { awards } }));
};

/**
 * A decision becomes the granted awards. It is recorded once; a correction restates it whole, with a reason; a
 * revocation keeps it in the history but grants nothing any more. Old events stay. A large decision is written
 * in pages (DECISION_PAGE_SIZE awards, events/decision.ts); sent again after it was cut off, it is completed.
 */
const decide = (command: DecisionCommand, state: DecisionState, context: DecisionContext): DecisionEvent[] => {
  requireOffice(context.actor);
  if (state.revoked) refuse('decision-revoked', 'this decision was revoked; record a new one');
  if (command.type === 'RevokeDecision') {
    if (!state.content) refuse('not-found', 'no such decision');
    return [{ type: 'DecisionRevoked', data: { reason: command.reason } }];
  }
  const content = granted(command.draft, context);
  if (!state.content) return editionEvents(content, undefined);
  const missing = missingPages(state, content);
  if (missing) return missing;
  if (structurallyEqual(state.content, content)) return [];
  if (!command.reason) refuse('invalid-request', 'a correction of a recorded decision needs a reason');
  return editionEvents(content, command.reason);
};

export const decisionDecider: Decider<DecisionCommand, DecisionEvent, DecisionState, DecisionContext> = { initialState, evolve, decide };
