import type { Nomination, Outcome, ProposalEvent, Vote } from '../../events/voting';
import { type Actor, hasRole } from '../actor';
import type { Decider } from '../decider';
import { refuse } from '../errors';
import { requireOffice } from '../policies';
import { floorPercentOf } from '../awards/exact';
import { selectWithinQuota } from '../awards/eligibility';
import type { RuleSet } from '../awards/rule-sets';
import type { TitleCode } from '../titles';
import { requiredYes } from './thresholds';

export type ProposalCommand =
  /** `reviewDate`: the review's date (the handler defaults it to 31 December of the cycle's year). */
  | { readonly type: 'DraftProposal'; readonly nominations: readonly Nomination[]; readonly quota: number | null; readonly reviewDate: string }
  | { readonly type: 'OpenVoting' }
  | { readonly type: 'CastBallot'; readonly votes: readonly Vote[] }
  | { readonly type: 'RecordWrittenOpinion'; readonly memberId: string; readonly votes: readonly Vote[] }
  | { readonly type: 'CloseVoting'; readonly present: readonly string[]; readonly chairPreference?: readonly number[] };

export interface ProposalState {
  readonly status: 'none' | 'draft' | 'open' | 'closed';
  readonly nominations: readonly Nomination[];
  readonly quota: number | null;
  /** The title the quota limits; null: every nomination of the list. */
  readonly quotaTitle: TitleCode | null;
  readonly reviewDate: string | null;
  /** The rule set of the review date (its code), which the session follows. */
  readonly ruleSet: string | null;
  readonly members: readonly string[];
  readonly chair: string | null;
  readonly required: readonly number[];
  readonly sessionNonce: string | null;
  /** The ballots' seals, votes and receipts (written opinions are apart: they are signed, not secret). */
  readonly seals: readonly string[];
  readonly ballots: readonly (readonly Vote[])[];
  readonly receipts: readonly string[];
  readonly writtenOpinions: readonly { readonly memberId: string; readonly votes: readonly Vote[] }[];
  readonly present: readonly string[];
  /** Written opinions of members present at the close: not counted. */
  readonly writtenOpinionsSetAside: readonly string[];
  readonly outcomes: readonly Outcome[];
}

export interface ProposalContext {
  readonly actor: Actor;
  /** The cycle's council (reference data), snapshotted when voting opens. */
  readonly council: readonly { readonly memberId: string; readonly chair: boolean }[];
  /** Made by the handler (randomness and HMAC are not the domain's): a new session's nonce, a voter's seal and receipt. */
  readonly sessionNonce: string;
  /** The rule set in force on a date (throws RangeError before the first): the review's sets thresholds and caps. */
  readonly rulesFor: (date: string) => RuleSet;
  /** Today (Asia/Ho_Chi_Minh): the review date of a list drafted before lists carried one. */
  readonly today: string;
  /** Members granted Lao động tiên tiến in the cycle: the base of a rule set's cap (Decree 91: CSTĐCS ≤ 15%). */
  readonly ldttHolders: number;
  readonly seal: (sessionNonce: string, memberId: string) => string;
  readonly receipt: string;
}

const initialState: ProposalState = {
  status: 'none',
  nominations: [],
  quota: null,
  quotaTitle: null,
  reviewDate: null,
  ruleSet: null,
  members: [],
  chair: null,
  required: [],
  sessionNonce: null,
  seals: [],
  ballots: [],
  receipts: [],
  writtenOpinions: [],
  present: [],
  writtenOpinionsSetAside: [],
  outcomes: [],
};

const evolve = (state: ProposalState, event: ProposalEvent): ProposalState => {
  switch (event.type) {
    case 'ProposalDrafted':
      return {
        ...state,
        status: 'draft',
        nominations: event.data.nominations,
        quota: event.data.quota,
        quotaTitle: event.data.quotaTitle ?? null,
        reviewDate: event.data.reviewDate ?? null,
        ruleSet: event.data.ruleSet ?? null,
      };
    case 'VotingOpened':
      return { ...state, status: 'open', members: event.data.members, chair: event.data.chair, required: event.data.required, sessionNonce: event.data.sessionNonce };
    case 'BallotCast':
      return { ...state, seals: [...state.seals, event.data.seal], ballots: [...state.ballots, event.data.votes], receipts: [...state.receipts, event.data.receipt] };
    case 'WrittenOpinionRecorded':
      return { ...state, writtenOpinions: [...state.writtenOpinions, { memberId: event.data.memberId, votes: event.data.votes }] };
    case 'VotingClosed':
      return { ...state, status: 'closed', present: event.data.present, writtenOpinionsSetAside: event.data.writtenOpinionsSetAside ?? [], outcomes: event.data.outcomes };
  }
};

const checkVotes = (votes: readonly Vote[], nominations: readonly Nomination[]) => {
  const seen = new Set<number>();
  for (const vote of votes) {
    if (!Number.isInteger(vote.nomination) || vote.nomination < 0 || vote.nomination >= nominations.length) refuse('invalid-request', `there is no nomination ${vote.nomination}`);
    if (seen.has(vote.nomination)) refuse('invalid-request', `nomination ${vote.nomination} is voted twice`);
    seen.add(vote.nomination);
  }
};

/**
 * The tally: yes votes against the threshold of ALL members; where a quota applies (to `quotaTitle`'s nominations,
 * or the whole list) and more pass than it allows, the highest counts win and a tie at the cut goes to the chair's
 * preference (recorded by the Office at close). Ties the chair did not rank are stated (`tiedAtCut`) for the chair
 * to settle, never picked arbitrarily.
 */
export const tally = (state: ProposalState, chairPreference: readonly number[] = []): Outcome[] => {
  const outcomes = state.nominations.map((_, nomination) => {
    const votes = state.ballots.flatMap((ballot) => ballot.filter((vote) => vote.nomination === nomination));
    const yes = votes.filter((vote) => vote.approve).length;
    const passed = yes >= state.required[nomination];
    return { nomination, yes, no: votes.length - yes, required: state.required[nomination], passed, withinQuota: passed };
  });
  if (state.quota === null) return outcomes;
  const limited = outcomes.filter((outcome) => outcome.passed && (state.quotaTitle === null || state.nominations[outcome.nomination].title === state.quotaTitle));
  const selection = selectWithinQuota(
    limited.map((outcome) => ({ nomineeId: String(outcome.nomination), yes: outcome.yes })),
    state.quota,
    chairPreference.map(String),
  );
  const limitedIds = new Set(limited.map((outcome) => outcome.nomination));
  return outcomes.map((outcome) => {
    if (!limitedIds.has(outcome.nomination)) return outcome;
    const id = String(outcome.nomination);
    return { ...outcome, withinQuota: selection.selected.includes(id), ...(selection.unresolved.includes(id) ? { tiedAtCut: true } : {}) };
  });
};

/**
 * The quota of a list: where the rule set of its review caps a nominated title (Decree 91: CSTĐCS ≤ 15% of the LĐTT
 * holders, art. 9(3)), the Office's quota may not exceed the cap and, when it gives none, is the cap.
 */
const quotaOf = (command: Extract<ProposalCommand, { type: 'DraftProposal' }>, rules: RuleSet, ldttHolders: number) => {
  const capped = [...rules.memberTitles, ...rules.departmentTitles].find((rule) => rule.quota !== null && command.nominations.some((each) => each.title === rule.title));
  if (capped === undefined) return { quota: command.quota, quotaTitle: null };
  const { quota: rule } = capped as { quota: NonNullable<typeof capped.quota> };
  const base = rule.ofTitle === 'lao-dong-tien-tien' ? ldttHolders : 0;
  if (base === 0) refuse('quota-base-missing', `“${capped.label}” is capped at ${rule.percent}% of the holders of ${rule.ofTitle}: record their decision first`, { title: capped.title, source: rule.source });
  const cap = floorPercentOf(rule.percent, base);
  if (command.quota !== null && command.quota > cap) refuse('quota-exceeds-cap', `the quota ${command.quota} exceeds the cap of ${cap} (${rule.percent}% of ${base})`, { cap, source: rule.source });
  return { quota: command.quota ?? cap, quotaTitle: capped.title, quotaSource: rule.source };
};

const rulesOn = (context: ProposalContext, date: string) => {
  try {
    return context.rulesFor(date);
  } catch (error) {
    return refuse('invalid-request', (error as Error).message);
  }
};

const decide = (command: ProposalCommand, state: ProposalState, context: ProposalContext): ProposalEvent[] => {
  const { actor } = context;
  switch (command.type) {
    case 'DraftProposal':
      requireOffice(actor);
      if (state.status !== 'none' && state.status !== 'draft') refuse('invalid-transition', 'the list is fixed once voting has opened');
      const rules = rulesOn(context, command.reviewDate);
      return [
        {
          type: 'ProposalDrafted',
          data: { nominations: [...command.nominations], reviewDate: command.reviewDate, ruleSet: rules.code, ...quotaOf(command, rules, context.ldttHolders) },
        },
      ];
    case 'OpenVoting': {
      requireOffice(actor);
      if (state.status !== 'draft') refuse(state.status === 'none' ? 'not-found' : 'invalid-transition', 'only a drafted list can be opened for voting');
      if (context.council.length === 0) refuse('invalid-transition', 'constitute the council first');
      const members = context.council.map((member) => member.memberId);
      // The review's rule set, not the one in force on the day the session opens.
      const rules = rulesOn(context, state.reviewDate ?? context.today);
      return [
        {
          type: 'VotingOpened',
          data: {
            members,
            chair: context.council.find((member) => member.chair)?.memberId ?? null,
            required: state.nominations.map((nomination) => requiredYes(rules, nomination.title, members.length)),
            sessionNonce: context.sessionNonce,
          },
        },
      ];
    }
    case 'CastBallot': {
      if (!hasRole(actor, 'council')) refuse('forbidden', 'only council members vote');
      // The session's members are known once it opens: before that, "not open" is the true answer.
      if (state.status !== 'open') refuse('voting-not-open', 'the session is not open');
      if (!actor.member || !state.members.includes(actor.member)) refuse('not-a-council-member', 'only a member of this council votes');
      if (state.seals.includes(context.seal(state.sessionNonce!, actor.member!))) refuse('already-voted', 'you have already voted in this session');
      checkVotes(command.votes, state.nominations);
      return [{ type: 'BallotCast', data: { seal: context.seal(state.sessionNonce!, actor.member!), receipt: context.receipt, votes: [...command.votes] } }];
    }
    case 'RecordWrittenOpinion':
      // Never checked against the ballots: the answer must not tell the Office whether the member has voted, and
      // a written opinion never keeps a member from casting its own ballot (the close sorts out who was there).
      requireOffice(actor);
      if (state.status !== 'open') refuse('voting-not-open', 'the session is not open');
      if (!state.members.includes(command.memberId)) refuse('not-a-council-member', `"${command.memberId}" is not a member of this council`);
      if (state.writtenOpinions.some((opinion) => opinion.memberId === command.memberId)) refuse('written-opinion-recorded', 'this member’s written opinion is already recorded');
      checkVotes(command.votes, state.nominations);
      return [{ type: 'WrittenOpinionRecorded', data: { memberId: command.memberId, votes: [...command.votes] } }];
    case 'CloseVoting': {
      requireOffice(actor);
      if (state.status !== 'open') refuse('voting-not-open', 'the session is not open');
      const stranger = command.present.find((memberId) => !state.members.includes(memberId));
      if (stranger) refuse('not-a-council-member', `"${stranger}" is not a member of this council`);
      // Consistent by construction: whoever cast a ballot was present; a written opinion counts only for a member
      // absent at the close, and a present member's is set aside. The close is never refused over a ballot.
      const voters = state.members.filter((memberId) => state.seals.includes(context.seal(state.sessionNonce!, memberId)));
      const present = [...new Set([...command.present, ...voters])].sort();
      const counted = state.writtenOpinions.filter((opinion) => !present.includes(opinion.memberId));
      const setAside = state.writtenOpinions.filter((opinion) => present.includes(opinion.memberId)).map((opinion) => opinion.memberId).sort();
      const outcomes = tally({ ...state, ballots: [...state.ballots, ...counted.map((opinion) => opinion.votes)] }, command.chairPreference);
      return [{ type: 'VotingClosed', data: { present, outcomes, writtenOpinionsSetAside: setAside } }];
    }
  }
};

export const proposalDecider: Decider<ProposalCommand, ProposalEvent, ProposalState, ProposalContext> = { initialState, evolve, decide };
