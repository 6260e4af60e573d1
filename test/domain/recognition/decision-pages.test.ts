import { describe, expect, it } from 'vitest';
import { ruleSetFor } from '../../../domain/awards/rule-sets';
import { fold } from '../../../domain/decider';
import { type DecisionCommand, type DecisionContext, decisionDecider } from '../../../domain/decisions/decider';
import { DECISION_PAGE_SIZE, type DecisionEvent, type GrantedAward } from '../../../events/decision';
import { DEPARTMENT, actors, everyoneEligible, memberRef } from '../fixtures';
import { spec } from '../specification';

/** A decision of an agency's whole staff: LĐTT to 450 members, more than two pages of awards. */
const MEMBERS = Array.from({ length: 450 }, (_, index) => `m-${index}`);
const decision = spec(decisionDecider);
const ctx = (recipients = MEMBERS): DecisionContext => ({
  actor: actors.office(),
  recipients: new Map(recipients.map((id) => [`member:${id}`, memberRef(id, DEPARTMENT)])),
  rewardFor: () => ({ amount: 702_000, ruleSet: 'rules-of-2025-12-22' }),
  rulesFor: ruleSetFor,
  sessions: new Map(),
  cycleGrants: {},
  cycleFacts: everyoneEligible(recipients.map((id) => ({ id, departmentId: DEPARTMENT }))),
});
const header = { campaignId: 'cchc-2021-2025', year: 2025, number: '130/QĐ-BQL', date: '2025-12-22', signer: 'Trưởng ban' };
const record = (members = MEMBERS, reason?: string): DecisionCommand => ({
  type: 'RecordDecision',
  draft: { ...header, awards: members.map((recipientId) => ({ title: 'lao-dong-tien-tien', recipientKind: 'member', recipientId })) },
  ...(reason ? { reason } : {}),
});
const granted = (members: readonly string[]): GrantedAward[] =>
  members.map((recipientId) => ({ title: 'lao-dong-tien-tien', recipientKind: 'member', recipientId, departmentId: DEPARTMENT, amount: 702_000, ruleSet: 'rules-of-2025-12-22' }));
const pageOf = (index: number, members = MEMBERS) => granted(members.slice(index * DECISION_PAGE_SIZE, (index + 1) * DECISION_PAGE_SIZE));

const recorded: DecisionEvent = { type: 'DecisionRecorded', data: { ...header, awards: pageOf(0), awardCount: 450 } };
const added = (index: number): DecisionEvent => ({ type: 'DecisionAwardsAdded', data: { awards: pageOf(index) } });

describe('a decision larger than one page is recorded in pages (no event grows with it)', () => {
  it('450 awards: the first page with the count of all, then one event per further page', () => {
    const state = decision.given([]).when(record(), ctx()).then([recorded, added(1), added(2)]);
    expect(state.content!.awards).toStrictEqual(granted(MEMBERS));
    expect(state.awardsToCome).toBe(0);
  });

  it('a decision of one page is one event without a count, as before pages existed', () => {
    const small = MEMBERS.slice(0, DECISION_PAGE_SIZE);
    decision.given([]).when(record(small), ctx()).then([{ type: 'DecisionRecorded', data: { ...header, awards: granted(small) } }]);
  });

  it('cut off after its second page, the same decision sent again writes only the missing page', () => {
    const state = decision.given([recorded, added(1)]).when(record(), ctx()).then([added(2)]);
    expect(state.content!.awards).toHaveLength(450);
  });

  it('once whole, the same decision again changes nothing', () => {
    decision.given([recorded, added(1), added(2)]).when(record(), ctx()).thenNothing();
  });

  it('cut off, a different decision is a correction: refused without a reason, a new edition in pages with one', () => {
    const fewer = MEMBERS.slice(0, 420);
    decision.given([recorded, added(1)]).when(record(fewer), ctx()).thenThrows('invalid-request');
    const state = decision
      .given([recorded, added(1)])
      .when(record(fewer, 'Bỏ 30 người chuyển công tác'), ctx())
      .then([
        { type: 'DecisionCorrected', data: { ...header, awards: pageOf(0, fewer), awardCount: 420, reason: 'Bỏ 30 người chuyển công tác' } },
        { type: 'DecisionAwardsAdded', data: { awards: pageOf(1, fewer) } },
        { type: 'DecisionAwardsAdded', data: { awards: pageOf(2, fewer) } },
      ]);
    expect(state.content!.awards).toStrictEqual(granted(fewer));
  });

  it('a large decision corrected down to a few awards is one event again', () => {
    const state = decision.given([recorded, added(1), added(2)]).when(record(['m-1', 'm-2'], 'Đính chính'), ctx()).then([
      { type: 'DecisionCorrected', data: { ...header, awards: granted(['m-1', 'm-2']), reason: 'Đính chính' } },
    ]);
    expect(state).toStrictEqual({ content: { ...header, awards: granted(['m-1', 'm-2']) }, awardsToCome: 0, revoked: null });
  });

  it('a revocation revokes the whole decision, whichever page was last', () => {
    const state = fold(decisionDecider, [recorded, added(1), added(2), { type: 'DecisionRevoked', data: { reason: 'Sai thẩm quyền' } }]);
    expect([state.content!.awards.length, state.revoked]).toStrictEqual([450, { reason: 'Sai thẩm quyền' }]);
  });
});
