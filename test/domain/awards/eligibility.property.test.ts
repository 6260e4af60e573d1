import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyQuota,
  type DepartmentMemberFacts,
  departmentEligibility,
  type MemberFacts,
  memberEligibility,
  requiredYesVotes,
  selectWithinQuota,
  votePasses,
} from '../../../domain/awards/eligibility';
import { GRADE_CODES, RULE_SETS } from '../../../domain/awards/rule-sets';
import { DISCIPLINE_LEVELS } from '../../../events/discipline';
import { conditionOf, ND91, ND98, titleOf } from './fixtures';

/**
 * Properties of the pure eligibility, vote and quota rules over random facts, under every rule set.
 */

const ruleSetArb = fc.constantFrom(...RULE_SETS);
const gradeArb = fc.option(fc.constantFrom(...GRADE_CODES), { nil: null });
const disciplineArb = fc.option(fc.constantFrom(...DISCIPLINE_LEVELS), { nil: null });

const memberFactsArb: fc.Arbitrary<MemberFacts> = fc.record({
  grade: gradeArb,
  pledged: fc.boolean(),
  disciplineLevel: disciplineArb,
  recognizedInitiatives: fc.nat(3),
  provinceWideInitiatives: fc.nat(2),
  acceptedResearch: fc.boolean(),
  previousCstdcsYears: fc.uniqueArray(fc.integer({ min: 2019, max: 2025 }), { maxLength: 6 }),
  year: fc.integer({ min: 2021, max: 2025 }),
});

const departmentMemberArb: fc.Arbitrary<Omit<DepartmentMemberFacts, 'memberId'>> = fc.record({
  eligibleLdtt: fc.boolean(),
  grade: gradeArb,
  disciplineLevel: disciplineArb,
  eligibleCstdcs: fc.boolean(),
});
const membersArb = fc.array(departmentMemberArb, { maxLength: 40 }).map((members) => members.map((member, i) => ({ ...member, memberId: `m${i}` })));

describe('member eligibility', () => {
  it('never grants CSTĐCS without LĐTT, nor provincial CSTĐ without this year’s CSTĐCS', () => {
    fc.assert(
      fc.property(ruleSetArb, memberFactsArb, (ruleSet, facts) => {
        const results = memberEligibility(ruleSet, facts);
        const ldtt = titleOf(results, 'lao-dong-tien-tien').eligible;
        const cstdcs = titleOf(results, 'chien-si-thi-dua-co-so').eligible;
        const provincial = titleOf(results, 'chien-si-thi-dua-cap-tinh').eligible;
        if (cstdcs) expect(ldtt).toBe(true);
        if (provincial) expect(cstdcs || facts.previousCstdcsYears.includes(facts.year)).toBe(true);
      }),
    );
  });

  it('eligible means every condition met; pending means not eligible and no condition failed for good', () => {
    fc.assert(
      fc.property(ruleSetArb, memberFactsArb, (ruleSet, facts) => {
        for (const result of memberEligibility(ruleSet, facts)) {
          expect(result.eligible).toBe(result.conditions.every((condition) => condition.met));
          if (result.pending) expect(result.eligible).toBe(false);
          if (result.pending) expect(result.conditions.every((condition) => condition.met || condition.pending)).toBe(true);
          for (const condition of result.conditions) if (condition.pending) expect(condition.met).toBe(false);
        }
      }),
    );
  });

  it('from 2024 the pledge changes warnings only; under Decree 91 it can only take titles away', () => {
    fc.assert(
      fc.property(ruleSetArb, memberFactsArb, (ruleSet, facts) => {
        const withPledge = memberEligibility(ruleSet, { ...facts, pledged: true }).map((result) => result.eligible);
        const without = memberEligibility(ruleSet, { ...facts, pledged: false }).map((result) => result.eligible);
        if (ruleSet === ND91) without.forEach((eligible, i) => eligible && expect(withPledge[i]).toBe(true));
        else expect(without).toStrictEqual(withPledge);
      }),
    );
  });

  it('a better grade never takes a title away', () => {
    fc.assert(
      fc.property(ruleSetArb, memberFactsArb, fc.constantFrom(...GRADE_CODES), fc.constantFrom(...GRADE_CODES), (ruleSet, facts, a, b) => {
        const [low, high] = GRADE_CODES.indexOf(a) <= GRADE_CODES.indexOf(b) ? [a, b] : [b, a];
        const lower = memberEligibility(ruleSet, { ...facts, grade: low });
        const higher = memberEligibility(ruleSet, { ...facts, grade: high });
        lower.forEach((result, i) => result.eligible && expect(higher[i].eligible).toBe(true));
      }),
    );
  });
});

describe('department eligibility', () => {
  it('TT LĐTT’s share under Decree 98 is exactly 100·LĐTT > 50·members (with members; Law 2022 art. 28)', () => {
    fc.assert(
      fc.property(membersArb, (members) => {
        const result = titleOf(departmentEligibility(ND98, { collectiveGrade: null, members }), 'tap-the-lao-dong-tien-tien');
        const count = members.filter((member) => member.eligibleLdtt).length;
        expect(conditionOf(result, 'ty-le-lao-dong-tien-tien').met).toBe(members.length > 0 && 100 * count > 50 * members.length);
      }),
    );
  });

  it('an override p: the share is met exactly when 100·LĐTT > max(p, 50)·members (never laxer than the law)', () => {
    fc.assert(
      fc.property(membersArb, fc.integer({ min: 0, max: 100 }), (members, percent) => {
        const result = titleOf(departmentEligibility(ND98, { collectiveGrade: null, members, ldttPercentOverride: percent }), 'tap-the-lao-dong-tien-tien');
        const count = members.filter((member) => member.eligibleLdtt).length;
        expect(conditionOf(result, 'ty-le-lao-dong-tien-tien').met).toBe(members.length > 0 && 100 * count > Math.max(percent, 50) * members.length);
      }),
    );
  });

  it('TT LĐXS implies the LĐTT share and at least one CSTĐCS, under every rule set', () => {
    fc.assert(
      fc.property(ruleSetArb, membersArb, gradeArb, (ruleSet, members, collectiveGrade) => {
        const results = departmentEligibility(ruleSet, { collectiveGrade, members, pledged: true });
        if (titleOf(results, 'tap-the-lao-dong-xuat-sac').eligible) {
          const count = members.filter((member) => member.eligibleLdtt).length;
          expect(100 * count).toBeGreaterThanOrEqual(70 * members.length);
          expect(members.some((member) => member.eligibleCstdcs)).toBe(true);
          expect(collectiveGrade).toBe('hoan-thanh-xuat-sac');
        }
      }),
    );
  });
});

describe('votes and quotas', () => {
  const thresholdArb = fc.oneof(fc.constantFrom(0.5, 0.7, 0.8, 0.9, 1, 2 / 3), fc.double({ min: 0, max: 1, noNaN: true }));
  const voteArb = fc.integer({ min: 1, max: 200 }).chain((all) => fc.tuple(fc.constant(all), fc.nat(all), fc.nat(all)));

  it('votePasses is monotone in yes votes', () => {
    fc.assert(
      fc.property(thresholdArb, voteArb, (threshold, [all, a, b]) => {
        const [fewer, more] = a <= b ? [a, b] : [b, a];
        if (votePasses(threshold, fewer, all)) expect(votePasses(threshold, more, all)).toBe(true);
      }),
    );
  });

  it('votePasses agrees with requiredYesVotes, and with 100·yes ≥ p·all for whole percentages', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), voteArb, (percent, [all, yes]) => {
        const threshold = percent / 100;
        expect(votePasses(threshold, yes, all)).toBe(100 * yes >= percent * all);
        expect(votePasses(threshold, yes, all)).toBe(yes >= requiredYesVotes(threshold, all));
      }),
      // Cases where percent/100 × all overshoots the integer in floating point.
      { examples: [[55, [100, 55, 0]], [56, [25, 14, 0]], [7, [100, 7, 0]]] },
    );
  });

  it('the Decree 91 quota never allows more than 15% of LĐTT holders, nor more than the candidates', () => {
    fc.assert(
      fc.property(fc.nat(500), fc.nat(100), (holders, candidates) => {
        const allowed = applyQuota(ND91, { title: 'chien-si-thi-dua-co-so', candidates, holders });
        expect(100 * allowed).toBeLessThanOrEqual(15 * holders);
        expect(allowed).toBeLessThanOrEqual(candidates);
        // …and it is the largest such number.
        if (allowed < candidates) expect(100 * (allowed + 1)).toBeGreaterThan(15 * holders);
      }),
    );
  });

  it('selectWithinQuota fills the places by yes votes: nobody left out has more yes than somebody selected', () => {
    const resultsArb = fc.array(fc.nat(9), { maxLength: 15 }).map((yes) => yes.map((count, i) => ({ nomineeId: `n${i}`, yes: count })));
    fc.assert(
      fc.property(resultsArb, fc.nat(16), fc.array(fc.nat(15)), (results, quota, preferred) => {
        const preference = [...new Set(preferred.map((i) => `n${i}`))];
        const { selected, unresolved, openSlots } = selectWithinQuota(results, quota, preference);
        expect(selected.length + openSlots).toBe(Math.min(quota, results.length));
        expect(new Set([...selected, ...unresolved]).size).toBe(selected.length + unresolved.length);
        const yes = new Map(results.map((result) => [result.nomineeId, result.yes]));
        const lowestSelected = Math.min(...selected.map((id) => yes.get(id)!));
        for (const result of results) if (!selected.includes(result.nomineeId)) expect(result.yes).toBeLessThanOrEqual(lowestSelected);
        if (openSlots > 0) expect(unresolved.length).toBeGreaterThan(openSlots);
      }),
    );
  });
});
