import { describe, expect, it } from 'vitest';
import { applyQuota, memberEligibility, quotaCap, requiredYesVotes, selectWithinQuota, votePasses } from '../../../domain/awards/eligibility';
import { memberFacts, ND152, ND91, ND98, titleOf } from './fixtures';

describe('votePasses: yes votes against ALL council members', () => {
  it.each([
    // [threshold, yes, all members, passes]
    [0.8, 5, 7, false], // 71%
    [0.8, 6, 7, true],
    [0.8, 4, 5, true], // exactly 80%
    [0.8, 3, 5, false],
    [0.8, 8, 10, true],
    [0.8, 7, 10, false],
    [0.9, 9, 10, true], // provincial CSTĐ
    [0.9, 8, 10, false],
    [0.9, 10, 11, true], // 90.9%
    [0.9, 9, 11, false],
    [0.7, 7, 10, true],
    [0.7, 6, 10, false],
    // Where floating point overshoots: 0.55 × 100 = 55.00000000000001, 0.56 × 25 = 14.000000000000002.
    [0.55, 55, 100, true],
    [0.56, 14, 25, true],
    [0.28, 7, 25, true],
    [0.56, 13, 25, false],
    [1, 7, 7, true],
    [1, 6, 7, false],
    [0, 0, 7, true],
  ])('threshold %d: %d yes of %d members → %s', (threshold, yes, all, passes) => {
    expect(votePasses(threshold, yes, all)).toBe(passes);
  });

  it('a council of 7 with 1 absent: 5 yes of the 6 present is 5/7 and fails, although 5/6 would pass', () => {
    const threshold = titleOf(memberEligibility(ND98, memberFacts({ grade: 'hoan-thanh-xuat-sac' })), 'chien-si-thi-dua-co-so').threshold!;
    expect(threshold).toBe(0.8);
    expect(votePasses(threshold, 5, 7)).toBe(false);
    expect(votePasses(threshold, 5, 6)).toBe(true);
    expect(votePasses(threshold, 6, 7)).toBe(true);
  });

  it.each([
    [0.8, 7, 6],
    [0.8, 5, 4],
    [0.8, 10, 8],
    [0.9, 10, 9],
    [0.9, 11, 10],
    [0.7, 10, 7],
    [0.5, 7, 4],
  ])('requiredYesVotes(%d, %d) = %d', (threshold, all, required) => {
    expect(requiredYesVotes(threshold, all)).toBe(required);
  });

  it.each([
    ['more yes than members', () => votePasses(0.8, 8, 7)],
    ['no members', () => votePasses(0.8, 0, 0)],
    ['a threshold above 1 (a percentage by mistake)', () => votePasses(80, 7, 7)],
    ['a negative yes count', () => votePasses(0.8, -1, 7)],
    ['a fractional member count', () => votePasses(0.8, 5, 7.5)],
    ['requiredYesVotes of an empty council', () => requiredYesVotes(0.8, 0)],
  ])('refuses %s', (_name, call) => {
    expect(call).toThrow(RangeError);
  });
});

describe('applyQuota: CSTĐCS capped at 15% of LĐTT holders under Decree 91 only', () => {
  const CSTDCS = 'chien-si-thi-dua-co-so';

  it.each([
    // [holders of LĐTT, candidates, allowed]
    [20, 5, 3],
    [20, 3, 3],
    [20, 2, 2],
    [6, 2, 0], // 15% of 6 is 0.9
    [7, 2, 1], // 1.05
    [13, 2, 1], // 1.95
    [14, 5, 2], // 2.1
    [100, 20, 15],
    [0, 1, 0],
  ])('Decree 91: %d LĐTT holders, %d candidates → %d', (holders, candidates, allowed) => {
    expect(applyQuota(ND91, { title: CSTDCS, candidates, holders })).toBe(allowed);
  });

  it.each([
    ['Decree 98', ND98],
    ['Decree 152', ND152],
  ])('%s: no cap, every candidate may be granted', (_name, ruleSet) => {
    expect(applyQuota(ruleSet, { title: CSTDCS, candidates: 5, holders: 20 })).toBe(5);
    expect(quotaCap(ruleSet, CSTDCS, 20)).toBeNull();
  });

  it('Decree 91 caps only CSTĐCS', () => {
    expect(quotaCap(ND91, CSTDCS, 20)).toBe(3);
    expect(quotaCap(ND91, 'lao-dong-tien-tien', 20)).toBeNull();
    expect(applyQuota(ND91, { title: 'lao-dong-tien-tien', candidates: 20, holders: 20 })).toBe(20);
  });

  it('refuses negative or fractional counts', () => {
    expect(() => applyQuota(ND91, { title: CSTDCS, candidates: -1, holders: 20 })).toThrow(RangeError);
    expect(() => applyQuota(ND91, { title: CSTDCS, candidates: 1, holders: 2.5 })).toThrow(RangeError);
  });
});

describe('selectWithinQuota: highest yes counts win; a tie at the cut goes to the chair', () => {
  const votes = (entries: Record<string, number>) => Object.entries(entries).map(([nomineeId, yes]) => ({ nomineeId, yes }));

  it.each([
    ['fewer nominees than places: all, by yes votes', votes({ an: 6, binh: 7 }), 3, [], { selected: ['binh', 'an'], unresolved: [], openSlots: 0 }],
    ['highest yes win, whatever the chair prefers', votes({ an: 5, binh: 7, cuong: 6 }), 1, ['an'], { selected: ['binh'], unresolved: [], openSlots: 0 }],
    ['a tie below the cut needs no chair', votes({ an: 7, binh: 6, cuong: 5, dung: 5 }), 2, [], { selected: ['an', 'binh'], unresolved: [], openSlots: 0 }],
    ['a tie that fits entirely needs no chair', votes({ an: 7, binh: 6, cuong: 6, dung: 5 }), 3, [], { selected: ['an', 'binh', 'cuong'], unresolved: [], openSlots: 0 }],
    ['a tie at the cut without a preference stays open', votes({ an: 7, binh: 6, cuong: 6, dung: 5 }), 2, [], { selected: ['an'], unresolved: ['binh', 'cuong'], openSlots: 1 }],
    ['a tie at the cut goes to the chair', votes({ an: 7, binh: 6, cuong: 6, dung: 5 }), 2, ['cuong', 'binh'], { selected: ['an', 'cuong'], unresolved: [], openSlots: 0 }],
    ['the chair’s unknown names are ignored', votes({ an: 7, binh: 6, cuong: 6 }), 2, ['xuan', 'binh'], { selected: ['an', 'binh'], unresolved: [], openSlots: 0 }],
    ['the chair ranks fewer than the open places', votes({ an: 6, binh: 6, cuong: 6 }), 2, ['binh'], { selected: ['binh'], unresolved: ['an', 'cuong'], openSlots: 1 }],
    ['no places', votes({ an: 7 }), 0, [], { selected: [], unresolved: [], openSlots: 0 }],
    ['nobody', [], 3, [], { selected: [], unresolved: [], openSlots: 0 }],
  ] as const)('%s', (_name, results, quota, preference, expected) => {
    expect(selectWithinQuota(results, quota, preference)).toStrictEqual(expected);
  });

  it('with Decree 91’s quota: 20 LĐTT holders, 5 CSTĐCS who passed the vote, 3 places', () => {
    const allowed = applyQuota(ND91, { title: 'chien-si-thi-dua-co-so', candidates: 5, holders: 20 });
    const results = votes({ an: 7, binh: 7, cuong: 6, dung: 6, giang: 6 });
    expect(selectWithinQuota(results, allowed, ['giang', 'cuong'])).toStrictEqual({ selected: ['an', 'binh', 'giang'], unresolved: [], openSlots: 0 });
  });

  it('refuses a nominee listed twice, or a negative quota', () => {
    expect(() => selectWithinQuota(votes({ an: 7 }).concat(votes({ an: 6 })), 1)).toThrow(RangeError);
    expect(() => selectWithinQuota(votes({ an: 7 }), -1)).toThrow(RangeError);
  });
});
