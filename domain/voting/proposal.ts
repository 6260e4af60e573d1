import type { Nomination, Outcome, ProposalEvent, Vote } from '../../events/voting';
import { type Actor, hasRole } from '../actor';
import type { Decider } from '../decider';
import { refuse } from '../errors';
import { requireOffice } from '../policies';
import type { RuleSet } from '../awards/rule-sets';
import { requiredYes } from './thresholds';

export type ProposalCommand =
  | { readonly type: 'DraftProposal'; readonly nominations: readonly Nomination[]; readonly quota: number | null }
  | { readonly type: 'OpenVoting' }
  | { readonly type: 'CastBallot'; readonly votes: readonly Vote[] }
  | { readonly type: 'RecordWrittenOpinion'; readonly memberId: string; readonly votes: readonly Vote[] }
  | { readonly type: 'CloseVoting'; readonly present: readonly string[]; readonly chairPreference?: readonly number[] };

export interface ProposalState {
  readonly status: 'none' | 'draft' | 'open' | 'closed';
  readonly nominations: readonly Nomination[];
  readonly quota: number | null;
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
  /** The rules in force when the session opens: they set the thresholds. */
  readonly rules: RuleSet;
  readonly seal: (sessionNonce: string, memberId: string) => string;
  readonly receipt: string;
}

const initialState: ProposalState = {
  status: 'none',
  nominations: [],
  quota: null,
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
      return { ...state, status: 'draft', nominations: event.data.nominations, quota: event.data.quota };
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
 * The tally: yes votes against the threshold of ALL members; where a quota applies and more pass than it allows,
 * the highest counts win and a tie at the cut goes to the chair (whose preference the Office records at close).
 */
export const tally = (state: ProposalState, chairPreference: readonly number[] = []): Outcome[] => {
  const outcomes = state.nominations.map((_, nomination) => {
    const votes = state.ballots.flatMap((ballot) => ballot.filter((vote) => vote.nomination === nomination));
    const yes = votes.filter((vote) => vote.approve).length;
    return { nomination, yes, no: votes.length - yes, required: state.required[nomination], passed: yes >= state.required[nomination], withinQuota: yes >= state.required[nomination] };
  });
  const passed = outcomes.filter((outcome) => outcome.passed);
  if (state.quota === null || passed.length <= state.quota) return outcomes;
  const rank = (nomination: number) => (chairPreference.includes(nomination) ? chairPreference.indexOf(nomination) : Number.MAX_SAFE_INTEGER);
  const ordered = [...passed].sort((a, b) => b.yes - a.yes || rank(a.nomination) - rank(b.nomination));
  const cut = ordered[state.quota - 1];
  const next = ordered[state.quota];
  if (state.quota > 0 && next.yes === cut.yes && rank(next.nomination) === rank(cut.nomination)) {
    refuse('tie-needs-chair', 'nominations tie at the quota: record the chair’s preference', { tied: ordered.filter((outcome) => outcome.yes === cut.yes).map((outcome) => outcome.nomination) });
  }
  const winners = new Set(ordered.slice(0, state.quota).map((outcome) => outcome.nomination));
  return outcomes.map((outcome) => ({ ...outcome, withinQuota: winners.has(outcome.nomination) }));
};

const decide = (command: ProposalCommand, state: ProposalState, context: ProposalContext): ProposalEvent[] => {
  const { actor } = context;
  switch (command.type) {
    case 'DraftProposal':
      requireOffice(actor);
      if (state.status !== 'none' && state.status !== 'draft') refuse('invalid-transition', 'the list is fixed once voting has opened');
      return [{ type: 'ProposalDrafted', data: { nominations: [...command.nominations], quota: command.quota } }];
    case 'OpenVoting': {
      requireOffice(actor);
      if (state.status !== 'draft') refuse(state.status === 'none' ? 'not-found' : 'invalid-transition', 'only a drafted list can be opened for voting');
      if (context.council.length === 0) refuse('invalid-transition', 'constitute the council first');
      const members = context.council.map((member) => member.memberId);
      return [
        {
          type: 'VotingOpened',
          data: {
            members,
            chair: context.council.find((member) => member.chair)?.memberId ?? null,
            required: state.nominations.map((nomination) => requiredYes(context.rules, nomination.title, members.length)),
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
