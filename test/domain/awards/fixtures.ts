import type { DepartmentMemberFacts, MemberFacts, TitleEligibility } from '../../../domain/awards/eligibility';
import { ruleSetByCode, type RuleSet } from '../../../domain/awards/rule-sets';

const byCode = (code: string): RuleSet => {
  const ruleSet = ruleSetByCode(code);
  if (ruleSet === undefined) throw new Error(`no rule set ${code}`);
  return ruleSet;
};

export const ND91 = byCode('luat-2003-nd91-2017');
export const ND98 = byCode('luat-2022-nd98-2023');
export const ND152 = byCode('nd152-2025');

/** A member who meets LĐTT under every rule set and nothing more. */
export const memberFacts = (overrides: Partial<MemberFacts> = {}): MemberFacts => ({
  grade: 'hoan-thanh-tot',
  pledged: true,
  disciplineLevel: null,
  recognizedInitiatives: 0,
  provinceWideInitiatives: 0,
  acceptedResearch: false,
  previousCstdcsYears: [],
  year: 2024,
  ...overrides,
});

/** `total` members, the first `ldtt` eligible for LĐTT, all graded "hoàn thành tốt", none with CSTĐCS. */
export const roster = (total: number, ldtt: number, overrides: (index: number) => Partial<DepartmentMemberFacts> = () => ({})): DepartmentMemberFacts[] =>
  Array.from({ length: total }, (_, index) => ({
    memberId: `m${index + 1}`,
    eligibleLdtt: index < ldtt,
    grade: 'hoan-thanh-tot',
    disciplineLevel: null,
    eligibleCstdcs: false,
    ...overrides(index),
  }));

export const titleOf = (results: readonly TitleEligibility[], title: string): TitleEligibility => {
  const found = results.find((result) => result.title === title);
  if (found === undefined) throw new Error(`no result for ${title}`);
  return found;
};

export const conditionOf = (result: TitleEligibility, code: string) => {
  const found = result.conditions.find((condition) => condition.code === code);
  if (found === undefined) throw new Error(`${result.title} has no condition ${code}: ${result.conditions.map((each) => each.code).join(', ')}`);
  return found;
};

export const warningCodes = (result: TitleEligibility) => result.warnings.map((warning) => warning.code);
