import type { TitleCode } from '../titles';
import { type DepartmentFacts, type DepartmentMemberFacts, type MemberFacts, type TitleEligibility, departmentEligibility, memberEligibility } from './eligibility';
import type { RuleSet } from './rule-sets';

/**
 * The facts of one cycle for everyone on its roster (the members counted where they are on the review date), as
 * the read side projects them; eligibility is computed from them on demand, per participant, so a caller that needs
 * a few recipients (a decision) does not pay for the whole organization, and one that lists everyone (GET
 * eligibility) pays once per participant.
 */
export interface CycleFacts {
  readonly members: ReadonlyMap<string, MemberFacts & { readonly departmentId: string; readonly name?: string }>;
  readonly departments: ReadonlyMap<string, Omit<DepartmentFacts, 'members'> & { readonly name?: string }>;
}

export interface CycleEligibility {
  /** Null for a member not on the cycle's roster. */
  readonly member: (memberId: string) => TitleEligibility[] | null;
  /** Null for a department the organization does not have. */
  readonly department: (departmentId: string) => TitleEligibility[] | null;
  /** What the department's collective titles count of each of its members. */
  readonly departmentMembers: (departmentId: string) => DepartmentMemberFacts[];
  /** Holds `title` in the cycle: granted by a decision, or meets its conditions. */
  readonly holds: (memberId: string, title: TitleCode) => boolean;
}

export const cycleEligibility = (rules: RuleSet, facts: CycleFacts): CycleEligibility => {
  const memberMemo = new Map<string, TitleEligibility[]>();
  const member = (memberId: string) => {
    const own = facts.members.get(memberId);
    if (own === undefined) return null;
    if (!memberMemo.has(memberId)) memberMemo.set(memberId, memberEligibility(rules, own));
    return memberMemo.get(memberId)!;
  };
  const holds = (memberId: string, title: TitleCode) =>
    (facts.members.get(memberId)?.grantedTitles?.includes(title) ?? false) || (member(memberId)?.find((each) => each.title === title)?.eligible ?? false);
  // Grouped once, in one pass: linear in the organization whatever the number of departments.
  let membersOf: Map<string, string[]> | null = null;
  const departmentMembers = (departmentId: string): DepartmentMemberFacts[] => {
    if (membersOf === null) {
      membersOf = new Map();
      for (const [id, each] of facts.members) {
        const group = membersOf.get(each.departmentId);
        if (group) group.push(id);
        else membersOf.set(each.departmentId, [id]);
      }
    }
    // A member counts as LĐTT (or CSTĐCS) for its unit when it holds the title, granted or earned (Law art. 28).
    return (membersOf.get(departmentId) ?? []).map((memberId) => ({
      memberId,
      grade: facts.members.get(memberId)!.grade,
      disciplineLevel: facts.members.get(memberId)!.disciplineLevel,
      eligibleLdtt: holds(memberId, 'lao-dong-tien-tien'),
      eligibleCstdcs: holds(memberId, 'chien-si-thi-dua-co-so'),
    }));
  };
  const department = (departmentId: string) => {
    const own = facts.departments.get(departmentId);
    if (own === undefined) return null;
    const { name: _name, ...rest } = own;
    return departmentEligibility(rules, { ...rest, members: departmentMembers(departmentId) });
  };
  return { member, department, departmentMembers, holds };
};

/** The same facts with more titles granted to members (a decision's own lines, before it is recorded). */
export const withGrants = (facts: CycleFacts, grants: readonly { readonly memberId: string; readonly title: TitleCode }[]): CycleFacts => {
  if (grants.length === 0) return facts;
  const members = new Map(facts.members);
  for (const { memberId, title } of grants) {
    const own = members.get(memberId);
    if (own === undefined) continue;
    const cstdcs = title === 'chien-si-thi-dua-co-so' ? [own.year] : [];
    members.set(memberId, { ...own, grantedTitles: [...(own.grantedTitles ?? []), title], previousCstdcsYears: [...own.previousCstdcsYears, ...cstdcs] });
  }
  return { ...facts, members };
};
