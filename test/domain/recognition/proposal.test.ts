import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../domain/actor';
import { ruleSetFor } from '../../../domain/awards/rule-sets';
import { fold } from '../../../domain/decider';
import { type ProposalCommand, type ProposalContext, proposalDecider, tally } from '../../../domain/voting/proposal';
import type { Nomination, Outcome, ProposalEvent, Vote } from '../../../events/voting';
import { actors, DEPARTMENT, MEMBER, nonOfficeActors, ORG, OTHER_MEMBER } from '../fixtures';
import { spec } from '../specification';

const proposal = spec(proposalDecider);

/** A council of seven, the first its chair. */
const COUNCIL = ['uv-1', 'uv-2', 'uv-3', 'uv-4', 'uv-5', 'uv-6', 'uv-7'] as const;
const CHAIR = 'uv-1';
const STRANGER = 'nguoi-ngoai';
const NONCE = 'nonce-2025';
const RECEIPT = 'receipt-fixed';
const seal = (nonce: string, member: string) => `${nonce}:${member}`;

const councilActor = (member: string): Actor => ({ sub: `user:${member}`, org: ORG, roles: ['council'], member });

const ctx = (actor: Actor = actors.office(), overrides: Partial<ProposalContext> = {}): ProposalContext => ({
  actor,
  council: COUNCIL.map((memberId) => ({ memberId, chair: memberId === CHAIR })),
  sessionNonce: NONCE,
  rulesFor: ruleSetFor,
  today: '2025-12-20',
  ldttHolders: 20,
  seal,
  receipt: RECEIPT,
  ...overrides,
});
const office = ctx();
const voter = (member: string) => ctx(councilActor(member));

const cstdcs: Nomination = { nomineeKind: 'member', nomineeId: MEMBER, title: 'chien-si-thi-dua-co-so', basis: 'Hoàn thành xuất sắc, có sáng kiến' };
const giayKhen: Nomination = { nomineeKind: 'department', nomineeId: DEPARTMENT, title: 'giay-khen', basis: 'Dẫn đầu phong trào' };
const giayKhen2: Nomination = { nomineeKind: 'member', nomineeId: OTHER_MEMBER, title: 'giay-khen', basis: 'Hoàn thành tốt' };
const NOMINATIONS = [cstdcs, giayKhen];

const REVIEW = '2025-12-31';
const draft = (nominations: readonly Nomination[] = NOMINATIONS, quota: number | null = null, reviewDate = REVIEW): ProposalCommand => ({ type: 'DraftProposal', nominations, quota, reviewDate });
const open: ProposalCommand = { type: 'OpenVoting' };
const cast = (...votes: Vote[]): ProposalCommand => ({ type: 'CastBallot', votes });
const written = (memberId: string, ...votes: Vote[]): ProposalCommand => ({ type: 'RecordWrittenOpinion', memberId, votes });
const close = (present: readonly string[] = COUNCIL, chairPreference?: readonly number[]): ProposalCommand =>
  chairPreference ? { type: 'CloseVoting', present, chairPreference } : { type: 'CloseVoting', present };

const drafted = (nominations: readonly Nomination[] = NOMINATIONS, quota: number | null = null, more: Record<string, unknown> = {}): ProposalEvent => ({
  type: 'ProposalDrafted',
  data: { nominations: [...nominations], reviewDate: REVIEW, ruleSet: 'nd152-2025', quota, quotaTitle: null, ...more },
});
const opened = (required: number[] = [6, 4], members: readonly string[] = COUNCIL): ProposalEvent => ({
  type: 'VotingOpened',
  data: { members: [...members], chair: CHAIR, required, sessionNonce: NONCE },
});
const ballot = (member: string, ...votes: Vote[]): ProposalEvent => ({ type: 'BallotCast', data: { seal: seal(NONCE, member), receipt: RECEIPT, votes } });
const opinion = (member: string, ...votes: Vote[]): ProposalEvent => ({ type: 'WrittenOpinionRecorded', data: { memberId: member, votes } });
const yes = (nomination: number): Vote => ({ nomination, approve: true });
const no = (nomination: number): Vote => ({ nomination, approve: false });

const openSession = [drafted(), opened()];
const closed: ProposalEvent = { type: 'VotingClosed', data: { present: [...COUNCIL], outcomes: [] } };

/** `count` ballots, from the first members of the council, each voting `votes(i)`. */
const ballots = (count: number, votes: (i: number) => Vote[]): ProposalEvent[] => COUNCIL.slice(0, count).map((member, i) => ballot(member, ...votes(i)));

describe('proposalDecider: DraftProposal', () => {
  it('the Office drafts the list, with its quota', () => {
    const state = proposal.given([]).when(draft(NOMINATIONS, 1), office).then([drafted(NOMINATIONS, 1)]);
    expect(state).toMatchObject({ status: 'draft', nominations: NOMINATIONS, quota: 1 });
  });

  it('a draft may be redrafted before voting opens', () => {
    proposal.given([drafted()]).when(draft([giayKhen]), office).then([drafted([giayKhen])]);
  });

  it.each(nonOfficeActors)('the %s is forbidden', (_name, actor) => {
    proposal.given([]).when(draft(), ctx(actor)).thenThrows('forbidden');
  });

  it('once voting has opened, or closed, the list is fixed', () => {
    proposal.given(openSession).when(draft(), office).thenThrows('invalid-transition');
    proposal.given([...openSession, closed]).when(draft(), office).thenThrows('invalid-transition');
  });
});

describe('proposalDecider: OpenVoting', () => {
  it('snapshots the council, its chair, the nonce and the thresholds: of 7 members, 6 for CSTĐCS and 4 for giấy khen', () => {
    const state = proposal.given([drafted()]).when(open, office).then([opened([6, 4])]);
    expect(state).toMatchObject({ status: 'open', members: COUNCIL, chair: CHAIR, required: [6, 4], sessionNonce: NONCE });
  });

  it('a council without a chair opens with chair null', () => {
    proposal
      .given([drafted()])
      .when(open, ctx(actors.office(), { council: COUNCIL.map((memberId) => ({ memberId, chair: false })) }))
      .then([{ type: 'VotingOpened', data: { members: [...COUNCIL], chair: null, required: [6, 4], sessionNonce: NONCE } }]);
  });

  it('thresholds count all members: 10 members need 8 for CSTĐCS, 6 for giấy khen', () => {
    const ten = Array.from({ length: 10 }, (_, i) => ({ memberId: `m-${i}`, chair: i === 0 }));
    const [event] = proposalDecider.decide(open, fold(proposalDecider, [drafted()]), ctx(actors.office(), { council: ten }));
    expect(event).toMatchObject({ type: 'VotingOpened', data: { required: [8, 6], chair: 'm-0' } });
  });

  it.each(nonOfficeActors)('the %s is forbidden', (_name, actor) => {
    proposal.given([drafted()]).when(open, ctx(actor)).thenThrows('forbidden');
  });

  it('nothing drafted is not found', () => {
    proposal.given([]).when(open, office).thenThrows('not-found');
  });

  it('an empty council is an invalid transition', () => {
    proposal.given([drafted()]).when(open, ctx(actors.office(), { council: [] })).thenThrows('invalid-transition');
  });

  it('opening again, or after closing, is an invalid transition', () => {
    proposal.given(openSession).when(open, office).thenThrows('invalid-transition');
    proposal.given([...openSession, closed]).when(open, office).thenThrows('invalid-transition');
  });
});

describe('proposalDecider: CastBallot', () => {
  it('a council member of the session votes: the event carries seal, receipt and votes, and no member id', () => {
    const state = proposal.given(openSession).when(cast(yes(0), no(1)), voter('uv-3')).then([ballot('uv-3', yes(0), no(1))]);
    expect(state.seals).toStrictEqual([`${NONCE}:uv-3`]);
    expect(state.receipts).toStrictEqual([RECEIPT]);
    const [event] = proposalDecider.decide(cast(yes(0)), fold(proposalDecider, openSession), voter('uv-3'));
    expect(Object.keys(event.data).sort()).toStrictEqual(['receipt', 'seal', 'votes']);
    expect(JSON.stringify(event)).not.toContain('"uv-3"');
  });

  it('a partial ballot (votes on some nominations only) is accepted', () => {
    proposal.given(openSession).when(cast(yes(1)), voter('uv-2')).then([ballot('uv-2', yes(1))]);
  });

  it.each([
    ['office', actors.office()],
    ['leader', actors.leader()],
    ['member', actors.member('uv-2', DEPARTMENT)],
    ['head', actors.head(DEPARTMENT)],
  ] as const)('a %s (not the council role) is forbidden, even when its member id is on the council', (_name, actor) => {
    proposal.given(openSession).when(cast(yes(0)), ctx(actor)).thenThrows('forbidden');
  });

  it('a council-role user not in the session is not a council member', () => {
    proposal.given(openSession).when(cast(yes(0)), voter(STRANGER)).thenThrows('not-a-council-member');
    proposal.given(openSession).when(cast(yes(0)), ctx(actors.council())).thenThrows('not-a-council-member');
  });

  it('a closed session is not open', () => {
    proposal.given([...openSession, closed]).when(cast(yes(0)), voter('uv-2')).thenThrows('voting-not-open');
  });

  // A drafted session has no members yet: a council member voting too early is told the session is not open.
  it('a drafted, not yet opened, session is not open', () => {
    proposal.given([drafted()]).when(cast(yes(0)), voter('uv-2')).thenThrows('voting-not-open');
  });

  it('a second ballot of the same member (same seal) is refused, even with other votes', () => {
    proposal.given([...openSession, ballot('uv-2', yes(0))]).when(cast(no(0)), voter('uv-2')).thenThrows('already-voted');
  });

  it('a member whose written opinion was recorded still casts its own ballot: the Office cannot vote in its place', () => {
    proposal.given([...openSession, opinion('uv-2', no(0))]).when(cast(yes(0)), voter('uv-2')).then([ballot('uv-2', yes(0))]);
  });

  it('another member may still vote after the first', () => {
    proposal.given([...openSession, ballot('uv-2', yes(0))]).when(cast(yes(0)), voter('uv-4')).then([ballot('uv-4', yes(0))]);
  });

  it('a vote for a nomination that does not exist is an invalid request', () => {
    proposal.given(openSession).when(cast(yes(2)), voter('uv-2')).thenThrows('invalid-request');
  });

  it('a nomination voted twice in one ballot is an invalid request', () => {
    proposal.given(openSession).when(cast(yes(0), no(0)), voter('uv-2')).thenThrows('invalid-request');
  });
});

describe('proposalDecider: RecordWrittenOpinion', () => {
  it("the Office records an absent member's written opinion, named (not secret), apart from the ballots", () => {
    const state = proposal.given(openSession).when(written('uv-7', yes(0), yes(1)), office).then([opinion('uv-7', yes(0), yes(1))]);
    expect(state).toMatchObject({ writtenOpinions: [{ memberId: 'uv-7', votes: [yes(0), yes(1)] }], seals: [], ballots: [], receipts: [] });
  });

  it.each(nonOfficeActors)('the %s is forbidden', (_name, actor) => {
    proposal.given(openSession).when(written('uv-7', yes(0)), ctx(actor)).thenThrows('forbidden');
  });

  it('a council member voting for someone else is forbidden', () => {
    proposal.given(openSession).when(written('uv-7', yes(0)), voter('uv-2')).thenThrows('forbidden');
  });

  it('a member not in the council is not a council member', () => {
    proposal.given(openSession).when(written(STRANGER, yes(0)), office).thenThrows('not-a-council-member');
  });

  it('the answer never tells whether the member has cast a ballot; a second written opinion of a member is refused', () => {
    proposal.given([...openSession, ballot('uv-7', yes(0))]).when(written('uv-7', yes(0)), office).then([opinion('uv-7', yes(0))]);
    proposal.given(openSession).when(written('uv-7', yes(0)), office).then([opinion('uv-7', yes(0))]);
    proposal.given([...openSession, opinion('uv-7', yes(0))]).when(written('uv-7', no(0)), office).thenThrows('written-opinion-recorded');
  });

  it('a session not open is refused', () => {
    proposal.given([drafted()]).when(written('uv-7', yes(0)), office).thenThrows('voting-not-open');
    proposal.given([...openSession, closed]).when(written('uv-7', yes(0)), office).thenThrows('voting-not-open');
  });

  it('votes for a missing nomination, or twice for one, are an invalid request', () => {
    proposal.given(openSession).when(written('uv-7', yes(5)), office).thenThrows('invalid-request');
    proposal.given(openSession).when(written('uv-7', yes(1), yes(1)), office).thenThrows('invalid-request');
  });
});

const outcome = (nomination: number, yesCount: number, noCount: number, required: number, passed: boolean, withinQuota = passed): Outcome => ({
  nomination,
  yes: yesCount,
  no: noCount,
  required,
  passed,
  withinQuota,
});

describe('proposalDecider: CloseVoting', () => {
  it('yes counts against ALL members: 5 of 7 fail CSTĐCS (6 needed), pass giấy khen (4 needed)', () => {
    const given = [...openSession, ...ballots(5, () => [yes(0), yes(1)])];
    const state = proposal
      .given(given)
      .when(close(['uv-1', 'uv-2', 'uv-3', 'uv-4', 'uv-5']), office)
      .then([{ type: 'VotingClosed', data: { present: ['uv-1', 'uv-2', 'uv-3', 'uv-4', 'uv-5'], outcomes: [outcome(0, 5, 0, 6, false), outcome(1, 5, 0, 4, true)], writtenOpinionsSetAside: [] } }]);
    expect(state.status).toBe('closed');
  });

  it('whoever cast a ballot is present, whatever the Office lists; a present member’s written opinion is set aside, an absent one’s counts', () => {
    const given = [...openSession, ballot('uv-1', yes(0)), opinion('uv-1', no(0)), opinion('uv-7', yes(0))];
    const state = proposal
      .given(given)
      .when(close(['uv-2']), office)
      .then([{ type: 'VotingClosed', data: { present: ['uv-1', 'uv-2'], outcomes: [outcome(0, 2, 0, 6, false), outcome(1, 0, 0, 4, false)], writtenOpinionsSetAside: ['uv-1'] } }]);
    expect(state.writtenOpinionsSetAside).toStrictEqual(['uv-1']);
  });

  it('6 yes of 7 pass CSTĐCS; no votes and written opinions are counted', () => {
    const given = [...openSession, ...ballots(5, (i) => [yes(0), i < 3 ? yes(1) : no(1)]), opinion('uv-6', yes(0), no(1)), opinion('uv-7', no(0))];
    proposal
      .given(given)
      .when(close(['uv-5', 'uv-1', 'uv-3', 'uv-2', 'uv-4']), office)
      .then([{ type: 'VotingClosed', data: { present: ['uv-1', 'uv-2', 'uv-3', 'uv-4', 'uv-5'], outcomes: [outcome(0, 6, 1, 6, true), outcome(1, 3, 3, 4, false)], writtenOpinionsSetAside: [] } }]);
  });

  it('the present list is sorted and without duplicates', () => {
    const [event] = proposalDecider.decide(close(['uv-4', 'uv-2', 'uv-4', 'uv-1']), fold(proposalDecider, openSession), office);
    expect(event).toMatchObject({ type: 'VotingClosed', data: { present: ['uv-1', 'uv-2', 'uv-4'] } });
  });

  it('thresholds are those snapshotted at opening, whatever the council now', () => {
    const given = [...openSession, ...ballots(6, () => [yes(0)])];
    const [event] = proposalDecider.decide(close(), fold(proposalDecider, given), ctx(actors.office(), { council: [] }));
    expect(event).toMatchObject({ data: { outcomes: [outcome(0, 6, 0, 6, true), outcome(1, 0, 0, 4, false)] } });
  });

  it('a stranger in the present list is not a council member', () => {
    proposal.given(openSession).when(close(['uv-1', STRANGER]), office).thenThrows('not-a-council-member');
  });

  it.each(nonOfficeActors)('the %s is forbidden', (_name, actor) => {
    proposal.given(openSession).when(close(), ctx(actor)).thenThrows('forbidden');
  });

  it('a session not open is refused: drafted, or already closed', () => {
    proposal.given([drafted()]).when(close(), office).thenThrows('voting-not-open');
    proposal.given([...openSession, closed]).when(close(), office).thenThrows('voting-not-open');
  });

  it('with a quota and a tie at the cut, closing without the chair states the tie in the minutes; with it, the chair decides', () => {
    const given = [drafted([giayKhen, giayKhen2], 1), opened([4, 4]), ...ballots(5, () => [yes(0), yes(1)])];
    proposal
      .given(given)
      .when(close(), office)
      .then([{ type: 'VotingClosed', data: { present: [...COUNCIL], outcomes: [{ ...outcome(0, 5, 0, 4, true, false), tiedAtCut: true }, { ...outcome(1, 5, 0, 4, true, false), tiedAtCut: true }], writtenOpinionsSetAside: [] } }]);
    proposal
      .given(given)
      .when(close(COUNCIL, [1, 0]), office)
      .then([{ type: 'VotingClosed', data: { present: [...COUNCIL], outcomes: [outcome(0, 5, 0, 4, true, false), outcome(1, 5, 0, 4, true, true)], writtenOpinionsSetAside: [] } }]);
  });
});

describe('tally with a quota', () => {
  const THREE = [giayKhen, giayKhen2, { ...giayKhen2, nomineeId: 'le-van-cuong' }];
  /** The state of a session with three giấy khen nominations (4 of 7 needed) and these yes counts. */
  const session = (quota: number | null, yesCounts: readonly number[]) =>
    fold(proposalDecider, [drafted(THREE, quota), opened([4, 4, 4]), ...ballots(7, (i) => yesCounts.map((count, n) => (i < count ? yes(n) : no(n))))]);
  const winners = (outcomes: readonly Outcome[]) => outcomes.filter((o) => o.withinQuota).map((o) => o.nomination);

  it('without a quota every passing nomination is within it', () => {
    expect(winners(tally(session(null, [7, 5, 3])))).toStrictEqual([0, 1]);
  });

  it('when no more pass than the quota, all that pass are within it', () => {
    expect(winners(tally(session(2, [7, 5, 3])))).toStrictEqual([0, 1]);
  });

  it('the highest counts win, whatever their order in the list', () => {
    expect(winners(tally(session(1, [5, 7, 6])))).toStrictEqual([1]);
    expect(winners(tally(session(2, [5, 7, 6])))).toStrictEqual([1, 2]);
  });

  it('counts come before the chair: the chair only breaks ties', () => {
    expect(winners(tally(session(1, [5, 7, 6]), [0, 2, 1]))).toStrictEqual([1]);
  });

  it('a failing nomination is never within the quota', () => {
    const outcomes = tally(session(1, [3, 3, 5]));
    expect(outcomes.map((o) => [o.passed, o.withinQuota])).toStrictEqual([[false, false], [false, false], [true, true]]);
  });

  it('a tie at the cut without chairPreference is stated for the chair, never picked', () => {
    const outcomes = tally(session(1, [6, 6, 5]));
    expect(outcomes.map((o) => [o.withinQuota, o.tiedAtCut ?? false])).toStrictEqual([[false, true], [false, true], [false, false]]);
  });

  it('a tie below the cut does not need the chair', () => {
    expect(winners(tally(session(1, [7, 5, 5])))).toStrictEqual([0]);
  });

  it("with chairPreference the chair's order decides the tie", () => {
    expect(winners(tally(session(1, [6, 6, 5]), [1, 0]))).toStrictEqual([1]);
    expect(winners(tally(session(1, [6, 6, 5]), [0, 1]))).toStrictEqual([0]);
    expect(winners(tally(session(2, [6, 6, 6]), [2, 0, 1]))).toStrictEqual([0, 2]);
  });

  it('a preference that does not separate the tied at the cut leaves the rest stated for the chair', () => {
    // Three tie for two places; the chair ranks only one of them: the other two still tie for the last place.
    const outcomes = tally(session(2, [6, 6, 6]), [2]);
    expect(outcomes.map((o) => [o.withinQuota, o.tiedAtCut ?? false])).toStrictEqual([[false, true], [false, true], [true, false]]);
    expect(winners(tally(session(1, [6, 6, 6]), [2]))).toStrictEqual([2]);
  });
});

describe('the rule set of the review, and its cap (Decree 91 art. 9(3): CSTĐCS ≤ 15% of LĐTT holders)', () => {
  const member = (id: string): Nomination => ({ ...cstdcs, nomineeId: id });
  const FOUR = ['a', 'b', 'c', 'd'].map(member);
  const CAP_SOURCE = 'Nghị định số 91/2017/NĐ-CP Điều 9 khoản 3: không quá 15% tổng số cá nhân đạt danh hiệu “Lao động tiên tiến”';

  it('a 2023 review without a quota takes the cap from the rule set: 15% of 20 LĐTT holders is 3, for CSTĐCS only', () => {
    proposal
      .given([])
      .when(draft([...FOUR, giayKhen], null, '2023-12-31'), office)
      .then([drafted([...FOUR, giayKhen], 3, { reviewDate: '2023-12-31', ruleSet: 'luat-2003-nd91-2017', quotaTitle: 'chien-si-thi-dua-co-so', quotaSource: CAP_SOURCE })]);
  });

  it("the Office's quota may be smaller than the cap, never larger", () => {
    proposal.given([]).when(draft(FOUR, 2, '2023-12-31'), office).then([drafted(FOUR, 2, { reviewDate: '2023-12-31', ruleSet: 'luat-2003-nd91-2017', quotaTitle: 'chien-si-thi-dua-co-so', quotaSource: CAP_SOURCE })]);
    proposal.given([]).when(draft(FOUR, 4, '2023-12-31'), office).thenThrows('quota-exceeds-cap', { cap: 3, source: CAP_SOURCE });
  });

  it('without LĐTT holders granted yet the cap has no base: the list is refused until their decision is recorded', () => {
    proposal.given([]).when(draft(FOUR, null, '2023-12-31'), ctx(actors.office(), { ldttHolders: 0 })).thenThrows('quota-base-missing');
  });

  it('the tally grants at most the cap, highest votes first, and states a tie at the cut for the chair', () => {
    const state = fold(proposalDecider, [
      drafted([...FOUR, giayKhen], 2, { quotaTitle: 'chien-si-thi-dua-co-so' }),
      opened([6, 6, 6, 6, 4]),
      ...ballots(7, (i) => [yes(0), ...(i < 6 ? [yes(1), yes(2)] : []), yes(3), yes(4)]),
    ]);
    const outcomes = tally(state);
    // a: 7 and d: 7 win the 2 places; b, c (6) passed but are outside; the giấy khen is not limited by the cap.
    expect(outcomes.map((o) => [o.passed, o.withinQuota])).toStrictEqual([[true, true], [true, false], [true, false], [true, true], [true, true]]);
  });

  it('from 2024 (Decree 98) there is no cap: the quota stays the Office’s', () => {
    proposal.given([]).when(draft(FOUR, null, '2024-12-31'), office).then([drafted(FOUR, null, { reviewDate: '2024-12-31', ruleSet: 'luat-2022-nd98-2023' })]);
  });

  it('a session opened on 30/06/2025 for a review dated 31/12/2025 follows Decree 152, not Decree 98 (the day it opens)', () => {
    const state = proposal.given([]).when(draft(NOMINATIONS, null, '2025-12-31'), ctx(actors.office(), { today: '2025-06-30' })).then([drafted()]);
    expect(state.reviewDate).toBe('2025-12-31');
  });

  it('a list drafted before lists carried a review date follows the rules of the day it opens', () => {
    const legacy: ProposalEvent = { type: 'ProposalDrafted', data: { nominations: [cstdcs], quota: null } };
    proposal.given([legacy]).when(open, ctx(actors.office(), { today: '2023-06-30' })).then([opened([6])]);
  });

  it("Chiến sĩ thi đua cấp tỉnh: the 90% belongs to the provincial council (Decree 91 art. 45(8)); the agency's session only proposes, by a majority", () => {
    const provincial: Nomination = { ...cstdcs, title: 'chien-si-thi-dua-cap-tinh' };
    proposal.given([drafted([provincial, cstdcs], null, { reviewDate: '2023-12-31', ruleSet: 'luat-2003-nd91-2017' })]).when(open, office).then([opened([4, 6])]);
  });
});
