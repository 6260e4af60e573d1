import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../domain/actor';
import { type DecisionCommand, type DecisionContext, type DecisionDraft, decisionDecider } from '../../../domain/decisions/decider';
import { ruleSetFor } from '../../../domain/awards/rule-sets';
import { fold } from '../../../domain/decider';
import type { ParticipantRef } from '../../../domain/policies';
import { proposalDecider } from '../../../domain/voting/proposal';
import type { ProposalEvent } from '../../../events/voting';
import type { TitleCode } from '../../../domain/titles';
import type { DecisionContent, DecisionEvent } from '../../../events/decision';
import type { CycleFacts } from '../../../domain/awards/cycle-eligibility';
import type { MemberFacts } from '../../../domain/awards/eligibility';
import { MAX_LISTED } from '../../../domain/decisions/eligible-recipients';
import { actors, DEPARTMENT, departmentRef, MEMBER, memberRef, nonOfficeActors, OTHER_DEPARTMENT, OTHER_MEMBER } from '../fixtures';
import { spec } from '../specification';

const decision = spec(decisionDecider);

const roster: ReadonlyMap<string, ParticipantRef> = new Map([
  [`member:${MEMBER}`, memberRef()],
  [`member:${OTHER_MEMBER}`, memberRef(OTHER_MEMBER, OTHER_DEPARTMENT)],
  [`department:${DEPARTMENT}`, departmentRef()],
]);

/** A fake reward table: the amount depends on the title, the rule set on the date, so both are seen to flow through. */
const AMOUNTS: Partial<Record<TitleCode, number | null>> = { 'lao-dong-tien-tien': 702_000, 'giay-khen': 2_340_000, 'tap-the-lao-dong-tien-tien': 1_872_000 };
const rewardFor = (title: TitleCode, date: string) => ({ amount: AMOUNTS[title] ?? null, ruleSet: `rules-of-${date}` });

/** A member who meets LĐTT under every rule set (graded "hoàn thành tốt", pledged, no discipline) and has an initiative. */
const good = (overrides: Partial<MemberFacts> = {}): MemberFacts => ({
  year: 2025,
  grade: 'hoan-thanh-tot',
  pledged: true,
  disciplineLevel: null,
  recognizedInitiatives: 1,
  provinceWideInitiatives: 0,
  acceptedResearch: false,
  previousCstdcsYears: [],
  ...overrides,
});

/** The cycle's facts: both members eligible for LĐTT (and CSTĐCS), DEPARTMENT graded "hoàn thành tốt" with MEMBER in it. */
const cycleFacts = (members: Partial<Record<string, Partial<MemberFacts>>> = {}, department: Partial<CycleFacts['departments'] extends ReadonlyMap<string, infer D> ? D : never> = {}): CycleFacts => ({
  members: new Map([
    [MEMBER, { ...good(members[MEMBER]), departmentId: DEPARTMENT, name: 'Nguyễn Văn An' }],
    [OTHER_MEMBER, { ...good(members[OTHER_MEMBER]), departmentId: OTHER_DEPARTMENT }],
  ]),
  departments: new Map([
    [DEPARTMENT, { collectiveGrade: 'hoan-thanh-tot', pledged: true, name: 'Phòng Quy hoạch', ...department }],
    [OTHER_DEPARTMENT, { collectiveGrade: 'hoan-thanh-tot', pledged: true }],
  ]),
});

const ctx = (actor: Actor = actors.office(), overrides: Partial<DecisionContext> = {}): DecisionContext => ({
  actor,
  recipients: roster,
  rewardFor,
  rulesFor: ruleSetFor,
  sessions: new Map(),
  cycleGrants: {},
  cycleFacts: cycleFacts(),
  ...overrides,
});

const draft = (overrides: Partial<DecisionDraft> = {}): DecisionDraft => ({
  campaignId: 'cchc-2021-2025',
  year: 2025,
  number: '120/QĐ-BQL',
  date: '2025-12-22',
  signer: 'Trưởng ban',
  awards: [
    { title: 'lao-dong-tien-tien', recipientKind: 'member', recipientId: MEMBER },
    { title: 'giay-khen', recipientKind: 'member', recipientId: OTHER_MEMBER },
    { title: 'tap-the-lao-dong-tien-tien', recipientKind: 'department', recipientId: DEPARTMENT },
  ],
  ...overrides,
});

const content = (overrides: Partial<DecisionContent> = {}): DecisionContent => ({
  campaignId: 'cchc-2021-2025',
  year: 2025,
  number: '120/QĐ-BQL',
  date: '2025-12-22',
  signer: 'Trưởng ban',
  awards: [
    { title: 'lao-dong-tien-tien', recipientKind: 'member', recipientId: MEMBER, departmentId: DEPARTMENT, amount: 702_000, ruleSet: 'rules-of-2025-12-22' },
    { title: 'giay-khen', recipientKind: 'member', recipientId: OTHER_MEMBER, departmentId: OTHER_DEPARTMENT, amount: 2_340_000, ruleSet: 'rules-of-2025-12-22' },
    { title: 'tap-the-lao-dong-tien-tien', recipientKind: 'department', recipientId: DEPARTMENT, departmentId: DEPARTMENT, amount: 1_872_000, ruleSet: 'rules-of-2025-12-22' },
  ],
  ...overrides,
});

const recordCmd = (d: DecisionDraft = draft(), reason?: string): DecisionCommand => (reason ? { type: 'RecordDecision', draft: d, reason } : { type: 'RecordDecision', draft: d });
const revoke: DecisionCommand = { type: 'RevokeDecision', reason: 'Quyết định ban hành sai thẩm quyền' };
const recorded: DecisionEvent = { type: 'DecisionRecorded', data: content() };
const revoked: DecisionEvent = { type: 'DecisionRevoked', data: { reason: 'Quyết định ban hành sai thẩm quyền' } };

const SIGNER_FIXED = 'Phó trưởng ban';

describe('decisionDecider: RecordDecision', () => {
  it('the Office records a decision: amounts and rule set from rewardFor, the department from the roster', () => {
    const state = decision.given([]).when(recordCmd(), ctx()).then([recorded]);
    expect(state).toStrictEqual({ content: content(), awardsToCome: 0, revoked: null });
  });

  it('the reward is asked for each title on the decision date', () => {
    const asked: [TitleCode, string][] = [];
    decision
      .given([])
      .when(recordCmd(draft({ date: '2024-06-30', awards: [{ title: 'giay-khen', recipientKind: 'department', recipientId: DEPARTMENT }] })), ctx(actors.office(), {
        rewardFor: (title, date) => (asked.push([title, date]), { amount: 123, ruleSet: 'luat-2022-nd98-2023' }),
      }))
      .then([
        {
          type: 'DecisionRecorded',
          data: content({ date: '2024-06-30', awards: [{ title: 'giay-khen', recipientKind: 'department', recipientId: DEPARTMENT, departmentId: DEPARTMENT, amount: 123, ruleSet: 'luat-2022-nd98-2023' }] }),
        },
      ]);
    expect(asked).toStrictEqual([['giay-khen', '2024-06-30']]);
  });

  it('a null amount from the rules is kept as null', () => {
    decision
      .given([])
      .when(recordCmd(draft({ awards: [{ title: 'bang-khen-cap-tinh', recipientKind: 'member', recipientId: MEMBER }] })), ctx())
      .then([{ type: 'DecisionRecorded', data: content({ awards: [{ title: 'bang-khen-cap-tinh', recipientKind: 'member', recipientId: MEMBER, departmentId: DEPARTMENT, amount: null, ruleSet: 'rules-of-2025-12-22' }] }) }]);
  });

  it.each(nonOfficeActors)('the %s is forbidden', (_name, actor) => {
    decision.given([]).when(recordCmd(), ctx(actor)).thenThrows('forbidden');
  });

  it('a recipient not on the roster is not found', () => {
    decision.given([]).when(recordCmd(draft({ awards: [{ title: 'lao-dong-tien-tien', recipientKind: 'member', recipientId: 'le-van-khong-co' }] })), ctx()).thenThrows('not-found');
  });

  it('a recipient of the wrong kind is not found (the roster is keyed by kind)', () => {
    decision.given([]).when(recordCmd(draft({ awards: [{ title: 'giay-khen', recipientKind: 'department', recipientId: MEMBER }] })), ctx()).thenThrows('not-found');
  });

  it('a member title for a department, or a collective title for a member, is refused', () => {
    decision
      .given([])
      .when(recordCmd(draft({ awards: [{ title: 'lao-dong-tien-tien', recipientKind: 'department', recipientId: DEPARTMENT }] })), ctx())
      .thenThrows('title-not-for-recipient', { title: 'lao-dong-tien-tien', recipientId: DEPARTMENT });
    decision
      .given([])
      .when(recordCmd(draft({ awards: [{ title: 'tap-the-lao-dong-xuat-sac', recipientKind: 'member', recipientId: MEMBER }] })), ctx())
      .thenThrows('title-not-for-recipient', { title: 'tap-the-lao-dong-xuat-sac', recipientId: MEMBER });
  });

  it('recording the identical decision again yields no event, reason or not', () => {
    decision.given([recorded]).when(recordCmd(), ctx()).thenNothing();
    decision.given([recorded]).when(recordCmd(draft(), 'nhập lại'), ctx()).thenNothing();
  });

  it('a change without a reason is an invalid request', () => {
    decision.given([recorded]).when(recordCmd(draft({ signer: SIGNER_FIXED })), ctx()).thenThrows('invalid-request');
  });

  it('a change with a reason is a DecisionCorrected restating the whole decision', () => {
    const state = decision
      .given([recorded])
      .when(recordCmd(draft({ signer: SIGNER_FIXED }), 'Sai người ký'), ctx())
      .then([{ type: 'DecisionCorrected', data: { ...content({ signer: SIGNER_FIXED }), reason: 'Sai người ký' } }]);
    expect(state.content).toStrictEqual(content({ signer: SIGNER_FIXED }));
  });

  it('a change of the rules behind an amount is a change too', () => {
    decision.given([recorded]).when(recordCmd(), ctx(actors.office(), { rewardFor: (title, date) => ({ ...rewardFor(title, date), amount: 1 }) })).thenThrows('invalid-request');
  });

  it('after a correction, the corrected decision is the one compared', () => {
    const corrected: DecisionEvent = { type: 'DecisionCorrected', data: { ...content({ signer: SIGNER_FIXED }), reason: 'Sai người ký' } };
    decision.given([recorded, corrected]).when(recordCmd(draft({ signer: SIGNER_FIXED })), ctx()).thenNothing();
    decision.given([recorded, corrected]).when(recordCmd(), ctx()).thenThrows('invalid-request');
  });
});

describe('decisionDecider: RevokeDecision', () => {
  it('the Office revokes a recorded decision; the content is kept', () => {
    const state = decision.given([recorded]).when(revoke, ctx()).then([revoked]);
    expect(state).toStrictEqual({ content: content(), awardsToCome: 0, revoked: { reason: 'Quyết định ban hành sai thẩm quyền' } });
  });

  it('no decision is not found', () => {
    decision.given([]).when(revoke, ctx()).thenThrows('not-found');
  });

  it.each(nonOfficeActors)('the %s is forbidden', (_name, actor) => {
    decision.given([recorded]).when(revoke, ctx(actor)).thenThrows('forbidden');
  });

  it.each([
    ['revoke again', revoke],
    ['record the same', recordCmd()],
    ['record a correction with a reason', recordCmd(draft({ signer: SIGNER_FIXED }), 'Sai người ký')],
  ] as const)('after revocation, %s is refused as decision-revoked', (_name, command) => {
    decision.given([recorded, revoked]).when(command, ctx()).thenThrows('decision-revoked');
  });
});

describe('a title that needs the council’s vote is granted only as the session passed it (Decree 98 art. 30(7); Decree 91 art. 9(3))', () => {
  const PROPOSAL = 'cstdcs-2023';
  const nomination = (id: string) => ({ nomineeKind: 'member' as const, nomineeId: id, title: 'chien-si-thi-dua-co-so' as const, basis: 'Có sáng kiến' });
  /** A closed session of the 2023 review: MEMBER passed within the quota of 1, OTHER_MEMBER passed outside it. */
  const session = (outcomes: { passed: boolean; withinQuota: boolean; tiedAtCut?: boolean }[], quota = 1) =>
    fold(proposalDecider, [
      { type: 'ProposalDrafted', data: { nominations: [nomination(MEMBER), nomination(OTHER_MEMBER)], quota, quotaTitle: 'chien-si-thi-dua-co-so', reviewDate: '2023-12-31' } },
      { type: 'VotingOpened', data: { members: ['uv-1'], chair: 'uv-1', required: [1, 1], sessionNonce: 'n' } },
      { type: 'VotingClosed', data: { present: ['uv-1'], outcomes: outcomes.map((o, nomination) => ({ nomination, yes: 1, no: 0, required: 1, ...o })) } },
    ] as ProposalEvent[]);
  const sessions = (state = session([{ passed: true, withinQuota: true }, { passed: true, withinQuota: false }])) => new Map([[PROPOSAL, state]]);
  /** The cycle's LĐTT decision granted 7: a cap of ⌊15% × 7⌋ = 1 CSTĐCS. */
  const SEVEN_LDTT = { 'lao-dong-tien-tien': 7 };
  const cstdcsTo = (...ids: string[]) => ids.map((recipientId) => ({ title: 'chien-si-thi-dua-co-so' as const, recipientKind: 'member' as const, recipientId, proposalId: PROPOSAL }));
  const decision2023 = (awards: DecisionDraft['awards'], legalBasis?: string) => recordCmd(draft({ year: 2023, date: '2023-12-28', awards, ...(legalBasis ? { legalBasis } : {}) }));

  it('a grant of CSTĐCS that names no session is refused: vote-session-required', () => {
    decision.given([]).when(decision2023([{ title: 'chien-si-thi-dua-co-so', recipientKind: 'member', recipientId: MEMBER }]), ctx()).thenThrows('vote-session-required');
  });

  it('the nominee the session passed within its quota is granted, and the line names the session', () => {
    const [event] = decisionDecider.decide(decision2023(cstdcsTo(MEMBER)), decisionDecider.initialState, ctx(actors.office(), { sessions: sessions(), cycleGrants: SEVEN_LDTT }));
    expect((event.data as DecisionContent).awards[0]).toMatchObject({ title: 'chien-si-thi-dua-co-so', recipientId: MEMBER, proposalId: PROPOSAL });
  });

  it('granting one who passed outside the cap is refused (exceeds-quota) unless the Office records the legal basis', () => {
    decision.given([]).when(decision2023(cstdcsTo(MEMBER, OTHER_MEMBER)), ctx(actors.office(), { sessions: sessions(), cycleGrants: SEVEN_LDTT })).thenThrows('exceeds-quota');
    const basis = 'Công văn số 12/SNV-TĐKT của Sở Nội vụ cho phép vượt tỷ lệ';
    const [event] = decisionDecider.decide(decision2023(cstdcsTo(MEMBER, OTHER_MEMBER), basis), decisionDecider.initialState, ctx(actors.office(), { sessions: sessions(), cycleGrants: SEVEN_LDTT }));
    expect((event.data as DecisionContent).legalBasis).toBe(basis);
  });

  it('granting one the council did not pass, or from a session not closed or not named in the cycle, is refused: not-passed-by-council', () => {
    const failed = session([{ passed: true, withinQuota: true }, { passed: false, withinQuota: false }]);
    decision.given([]).when(decision2023(cstdcsTo(OTHER_MEMBER)), ctx(actors.office(), { sessions: sessions(failed) })).thenThrows('not-passed-by-council');
    decision.given([]).when(decision2023(cstdcsTo(MEMBER)), ctx(actors.office(), { sessions: new Map() })).thenThrows('not-passed-by-council');
  });

  it('a tie stated at the cut is the chair’s to settle: one of the tied may be granted, not both', () => {
    const tied = sessions(session([{ passed: true, withinQuota: false, tiedAtCut: true }, { passed: true, withinQuota: false, tiedAtCut: true }]));
    decisionDecider.decide(decision2023(cstdcsTo(OTHER_MEMBER)), decisionDecider.initialState, ctx(actors.office(), { sessions: tied, cycleGrants: SEVEN_LDTT }));
    decision.given([]).when(decision2023(cstdcsTo(MEMBER, OTHER_MEMBER)), ctx(actors.office(), { sessions: tied, cycleGrants: SEVEN_LDTT })).thenThrows('exceeds-quota');
  });

  it('the cap holds over the whole cycle (Decree 91 art. 9(3)): a CSTĐCS beyond it, from any session, is refused unless a legal basis is recorded', () => {
    const already = { 'lao-dong-tien-tien': 7, 'chien-si-thi-dua-co-so': 1 };
    decision.given([]).when(decision2023(cstdcsTo(MEMBER)), ctx(actors.office(), { sessions: sessions(), cycleGrants: already })).thenThrows('exceeds-quota', { cap: 1, granted: 2 });
    // Without LĐTT holders in the cycle there is no room at all.
    decision.given([]).when(decision2023(cstdcsTo(MEMBER)), ctx(actors.office(), { sessions: sessions() })).thenThrows('exceeds-quota', { cap: 0 });
    decisionDecider.decide(decision2023(cstdcsTo(MEMBER), 'Văn bản của Sở Nội vụ'), decisionDecider.initialState, ctx(actors.office(), { sessions: sessions(), cycleGrants: already }));
    // From 2024 (Decree 98) there is no cap.
    const in2024 = recordCmd(draft({ year: 2024, date: '2024-12-28', awards: cstdcsTo(MEMBER) }));
    decisionDecider.decide(in2024, decisionDecider.initialState, ctx(actors.office(), { sessions: sessions() }));
  });

  it('titles without a vote (LĐTT, giấy khen) need no session', () => {
    decisionDecider.decide(recordCmd(), decisionDecider.initialState, ctx());
  });
});

describe('a decision grants a title only to a recipient eligible on the review date (Law 2022 art. 28; Law 2003 art. 23-24, 28; Decree 152/2025 art. 4(2))', () => {
  const ldtt = (recipientId = MEMBER) => ({ title: 'lao-dong-tien-tien' as const, recipientKind: 'member' as const, recipientId });
  const record = (awards: DecisionDraft['awards'], more: Partial<DecisionDraft> = {}) => recordCmd(draft({ awards, ...more }));
  const given = (facts: CycleFacts) => ctx(actors.office(), { cycleFacts: facts });

  it('LĐTT to a member graded only “hoàn thành” is refused with the failed condition and its article; with a legal basis it is recorded', () => {
    const facts = cycleFacts({ [MEMBER]: { grade: 'hoan-thanh' } });
    const error = decision.given([]).when(record([ldtt()]), given(facts)).thenThrows('recipient-not-eligible', { ruleSet: 'nd152-2025' });
    expect(error.details!.ineligible).toEqual([
      {
        title: 'lao-dong-tien-tien',
        recipientKind: 'member',
        recipientId: MEMBER,
        recipientName: 'Nguyễn Văn An',
        titleLabel: 'Lao động tiên tiến',
        failed: [{ code: 'xep-loai-hoan-thanh-tot', label: 'Được đánh giá, xếp loại từ “Hoàn thành tốt nhiệm vụ” trở lên', source: expect.stringContaining('Luật Thi đua, khen thưởng số 06/2022/QH15') }],
      },
    ]);
    const [event] = decisionDecider.decide(record([ldtt()], { legalBasis: 'Văn bản số 3/SNV-TĐKT' }), decisionDecider.initialState, given(facts));
    expect((event.data as DecisionContent).legalBasis).toBe('Văn bản số 3/SNV-TĐKT');
  });

  it('a refusal lists at most MAX_LISTED lines and counts them all', () => {
    const many = Array.from({ length: MAX_LISTED + 5 }, (_, index) => `vien-${index}`);
    const facts: CycleFacts = { ...cycleFacts(), members: new Map(many.map((id) => [id, { ...good({ grade: 'hoan-thanh' }), departmentId: DEPARTMENT }])) };
    const recipients = new Map(many.map((id) => [`member:${id}`, memberRef(id)]));
    const error = decision.given([]).when(record(many.map((id) => ldtt(id))), ctx(actors.office(), { cycleFacts: facts, recipients })).thenThrows('recipient-not-eligible', { ineligibleCount: MAX_LISTED + 5 });
    expect(error.details!.ineligible).toHaveLength(MAX_LISTED);
  });

  it('a grade not final yet is a pending condition, and refused as such', () => {
    const error = decision.given([]).when(record([ldtt()]), given(cycleFacts({ [MEMBER]: { grade: null } }))).thenThrows('recipient-not-eligible');
    expect((error.details!.ineligible as { failed: unknown[] }[])[0].failed).toEqual([expect.objectContaining({ code: 'xep-loai-hoan-thanh-tot', pending: true })]);
  });

  it('a member not on the cycle’s roster on its review date is refused', () => {
    const facts: CycleFacts = { ...cycleFacts(), members: new Map([...cycleFacts().members].filter(([id]) => id !== MEMBER)) };
    const error = decision.given([]).when(record([ldtt()]), given(facts)).thenThrows('recipient-not-eligible');
    expect((error.details!.ineligible as { failed: { code: string }[] }[])[0].failed.map((each) => each.code)).toEqual(['khong-co-trong-danh-sach-ngay-xet']);
  });

  it('Giấy khen is the council’s judgment: an ungraded member is granted it, a disciplined one is refused on the discipline bar', () => {
    const giayKhen = [{ title: 'giay-khen' as const, recipientKind: 'member' as const, recipientId: MEMBER }];
    decisionDecider.decide(record(giayKhen), decisionDecider.initialState, given(cycleFacts({ [MEMBER]: { grade: null, pledged: false } })));
    const error = decision.given([]).when(record(giayKhen), given(cycleFacts({ [MEMBER]: { disciplineLevel: 'khien-trach' } }))).thenThrows('recipient-not-eligible');
    expect((error.details!.ineligible as { failed: { code: string }[] }[])[0].failed.map((each) => each.code)).toEqual(['khong-bi-ky-luat']);
  });

  it('Tập thể lao động tiên tiến asks the unit’s own grade and more than 50% LĐTT; LĐTT granted in the same decision counts', () => {
    const tt = { title: 'tap-the-lao-dong-tien-tien' as const, recipientKind: 'department' as const, recipientId: DEPARTMENT };
    const graded = decision.given([]).when(record([tt]), given(cycleFacts({}, { collectiveGrade: 'hoan-thanh' }))).thenThrows('recipient-not-eligible');
    expect((graded.details!.ineligible as { failed: { code: string }[] }[])[0].failed.map((each) => each.code)).toEqual(['tap-the-hoan-thanh-tot']);
    // Its one member is not LĐTT on its facts (graded "hoàn thành"): 0% of members.
    const weak = cycleFacts({ [MEMBER]: { grade: 'hoan-thanh' } });
    const share = decision.given([]).when(record([tt]), given(weak)).thenThrows('recipient-not-eligible');
    expect((share.details!.ineligible as { failed: { code: string }[] }[])[0].failed.map((each) => each.code)).toEqual(['ty-le-lao-dong-tien-tien']);
    // Granted LĐTT in the same decision, that member counts for the unit: only its own LĐTT line is refused.
    const together = decision.given([]).when(record([ldtt(), tt]), given(weak)).thenThrows('recipient-not-eligible');
    expect((together.details!.ineligible as { title: string }[]).map((line) => line.title)).toEqual(['lao-dong-tien-tien']);
    // LĐTT granted to that member by an earlier decision of the cycle (an exception on its legal basis) counts.
    const earlier = cycleFacts({ [MEMBER]: { grade: 'hoan-thanh', grantedTitles: ['lao-dong-tien-tien'] } });
    decisionDecider.decide(record([tt]), decisionDecider.initialState, given(earlier));
  });

  describe('CSTĐCS needs LĐTT in the same cycle (Law 2003 art. 23(1)): granted by this decision or an earlier one counts', () => {
    const PROPOSAL = 'cstdcs-2023';
    const passed = fold(proposalDecider, [
      { type: 'ProposalDrafted', data: { nominations: [{ nomineeKind: 'member', nomineeId: MEMBER, title: 'chien-si-thi-dua-co-so', basis: 'Có sáng kiến' }], quota: 1, quotaTitle: 'chien-si-thi-dua-co-so', reviewDate: '2023-12-31' } },
      { type: 'VotingOpened', data: { members: ['uv-1'], chair: 'uv-1', required: [1], sessionNonce: 'n' } },
      { type: 'VotingClosed', data: { present: ['uv-1'], outcomes: [{ nomination: 0, yes: 1, no: 0, required: 1, passed: true, withinQuota: true }] } },
    ] as ProposalEvent[]);
    const cstdcs = { title: 'chien-si-thi-dua-co-so' as const, recipientKind: 'member' as const, recipientId: MEMBER, proposalId: PROPOSAL };
    // Decree 91 requires the pledge for LĐTT: MEMBER did not pledge, so it does not meet LĐTT on its own facts.
    const unpledged = (more: Partial<MemberFacts> = {}) => cycleFacts({ [MEMBER]: { year: 2023, pledged: false, ...more } });
    const in2023 = (awards: DecisionDraft['awards'], facts: CycleFacts, cycleGrants = { 'lao-dong-tien-tien': 7 }) =>
      [recordCmd(draft({ year: 2023, date: '2023-12-28', awards })), ctx(actors.office(), { sessions: new Map([[PROPOSAL, passed]]), cycleGrants, cycleFacts: facts })] as const;

    it('neither earned nor granted: refused on “đạt tiêu chuẩn Lao động tiên tiến”', () => {
      const error = decision.given([]).when(...in2023([cstdcs], unpledged())).thenThrows('recipient-not-eligible', { ruleSet: 'luat-2003-nd91-2017' });
      expect((error.details!.ineligible as { failed: { code: string; source: string }[] }[])[0].failed).toEqual([expect.objectContaining({ code: 'dat-lao-dong-tien-tien', source: expect.stringContaining('Điều 23 khoản 1') })]);
    });

    it('LĐTT granted by an earlier decision of the cycle counts', () => {
      const [command, context] = in2023([cstdcs], unpledged({ grantedTitles: ['lao-dong-tien-tien'] }));
      decisionDecider.decide(command, decisionDecider.initialState, context);
    });

    it('LĐTT granted in the same decision counts for CSTĐCS; the LĐTT line itself is judged on its own conditions', () => {
      // Unpledged, MEMBER does not meet LĐTT under Decree 91: that line is refused, the CSTĐCS beside it is not.
      const error = decision.given([]).when(...in2023([ldtt(), cstdcs], unpledged(), { 'lao-dong-tien-tien': 6 })).thenThrows('recipient-not-eligible');
      expect((error.details!.ineligible as { title: string; failed: { code: string }[] }[]).map((line) => [line.title, line.failed.map((each) => each.code)])).toEqual([
        ['lao-dong-tien-tien', ['dang-ky-thi-dua']],
      ]);
      // Pledged, both lines pass together.
      const [command, context] = in2023([ldtt(), cstdcs], cycleFacts({ [MEMBER]: { year: 2023 } }), { 'lao-dong-tien-tien': 6 });
      decisionDecider.decide(command, decisionDecider.initialState, context);
    });
  });
});
