import type { DisciplineLevel } from '../../events/discipline';
import type { TitleCode } from '../titles';
import { assertCount, assertPercent, ceilFractionOf, compareShare, floorPercentOf, reachesFraction } from './exact';
import { type DepartmentCondition, GRADE_CODES, type GradeCode, type Judgment, type MemberCondition, type QuotaRule, type RuleSet, type TitleRule, type VoteRule } from './rule-sets';

/**
 * Who is eligible for which title under a rule set, and why: pure functions of projected facts. Each title lists
 * every condition with the facts it used; a condition that cannot be decided yet (the grade is not final) is
 * `met: false, pending: true`. Eligibility never applies quotas or votes: `applyQuota`, `votePasses` and
 * `selectWithinQuota` do, on the council's results.
 */

// ---------------------------------------------------------------------------------------------------------------
// Shapes

export interface MemberFacts {
  /** The member's final grade code of the cycle; null while it is not final. */
  readonly grade: string | null;
  readonly pledged: boolean;
  /** The member's disciplinary measure of the year, if any. */
  readonly disciplineLevel: DisciplineLevel | null;
  /** Initiatives recognized at base level in this cycle. */
  readonly recognizedInitiatives: number;
  /** Initiatives recognized with province-wide effect (the caller chooses the years that count). */
  readonly provinceWideInitiatives: number;
  readonly acceptedResearch: boolean;
  /** Years in which the member was granted Chiến sĩ thi đua cơ sở. */
  readonly previousCstdcsYears: readonly number[];
  /** The cycle's year. */
  readonly year: number;
  /**
   * Titles the member holds in this cycle by a decision (granted, not revoked): a title held counts as met where
   * another title requires it (CSTĐCS "đạt danh hiệu Lao động tiên tiến"), whatever its own facts say.
   */
  readonly grantedTitles?: readonly TitleCode[];
}

export interface DepartmentMemberFacts {
  readonly memberId: string;
  readonly eligibleLdtt: boolean;
  readonly grade: string | null;
  readonly disciplineLevel: DisciplineLevel | null;
  readonly eligibleCstdcs: boolean;
}

export interface DepartmentFacts {
  /** The department's own (collective) final grade; null while it is not final. */
  readonly collectiveGrade: string | null;
  readonly members: readonly DepartmentMemberFacts[];
  /**
   * The organization's own (stricter) percentage of members with LĐTT for Tập thể lao động tiên tiến, and the
   * document that sets it (a province's rules for its agencies), as the Office records it in the campaign.
   */
  readonly ldttPercentOverride?: number;
  readonly ldttPercentSource?: string;
  /** The department's own pledge; when unknown (undefined), a rule set that requires one leaves it pending. */
  readonly pledged?: boolean;
}

export interface ConditionResult {
  readonly code: string;
  readonly label: string;
  readonly met: boolean;
  /** Cannot be decided yet (a grade is not final); `met` is false meanwhile. */
  readonly pending?: true;
  /** The text, article and clause applied (for an organization's own percentage: its document). */
  readonly source: string;
  /** The condition is an assumption of the rule set, not stated law. */
  readonly assumed?: true;
  readonly facts: Readonly<Record<string, unknown>>;
}

export interface EligibilityWarning {
  readonly code: string;
  readonly label: string;
  /** The text the warning applies, where one does (the pledge's Law 2022 art. 7; the unconfirmed decree). */
  readonly source?: string;
}

export interface TitleEligibility {
  readonly title: TitleCode;
  readonly label: string;
  readonly ruleSet: RuleSet['code'];
  /** Every condition is met (quotas and votes come later). */
  readonly eligible: boolean;
  /**
   * The rules give this title no merit condition software can check (a giấy khen, a bằng khen, a cờ thi đua:
   * "tiêu biểu xuất sắc" is the council's judgment; at most discipline bars it), so `eligible` only says nothing
   * stands in the way.
   */
  readonly councilJudgment: boolean;
  /** What the rules leave to the council, shown for its review and never checked here. */
  readonly judgments: readonly Judgment[];
  /** Not eligible yet, but no condition has failed for good: some are pending. */
  readonly pending: boolean;
  readonly needsVote: boolean;
  /** The fraction of ALL council members whose yes is needed (0.8), or null without a vote. */
  readonly threshold: number | null;
  readonly secretBallot: boolean;
  /** The vote's rule: whose council votes (a provincial one: the agency's session only proposes) and its source. */
  readonly vote: Pick<VoteRule, 'by' | 'source' | 'assumed'> | null;
  readonly proposedUpward: boolean;
  readonly quota: QuotaRule | null;
  readonly conditions: readonly ConditionResult[];
  readonly warnings: readonly EligibilityWarning[];
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers

const SEVERITY: Readonly<Record<DisciplineLevel, number>> = { 'khien-trach': 1, 'canh-cao': 2, 'cach-chuc': 3, 'buoc-thoi-viec': 4 };

const severityOf = (level: DisciplineLevel | null): number => {
  if (level === null) return 0;
  const severity = SEVERITY[level];
  if (severity === undefined) throw new RangeError(`unknown discipline level: ${level}`);
  return severity;
};

const isGradeCode = (grade: string): grade is GradeCode => (GRADE_CODES as readonly string[]).includes(grade);

/** 0 for the lowest grade up; undefined for a code outside the scale. */
const gradeRank = (grade: string): number | undefined => (isGradeCode(grade) ? GRADE_CODES.indexOf(grade) : undefined);

const atLeastGrade = (grade: string | null, required: GradeCode): boolean => grade !== null && (gradeRank(grade) ?? -1) >= GRADE_CODES.indexOf(required);

const unknownGradeWarning = (grade: string): EligibilityWarning => ({
  code: 'xep-loai-khong-hop-le',
  label: `Mã xếp loại “${grade}” không thuộc thang đánh giá; không được tính là đạt`,
});

const UNCONFIRMED_WARNING: EligibilityWarning = {
  code: 'nguong-chua-xac-nhan',
  label: 'Ngưỡng biểu quyết, tỷ lệ của văn bản này chưa được xác nhận; tạm áp dụng theo văn bản trước',
};

const percentText = (percent: number) => String(percent).replace('.', ',');

interface Outcome {
  readonly met: boolean;
  readonly pending?: boolean;
  readonly facts: Record<string, unknown>;
  readonly label?: string;
  /** Overrides the condition's source (an organization's own percentage). */
  readonly source?: string;
  readonly warnings?: readonly EligibilityWarning[];
}

const addWarnings = (into: EligibilityWarning[], warnings: readonly EligibilityWarning[]) => {
  for (const warning of warnings) if (!into.some((each) => each.code === warning.code && each.label === warning.label)) into.push(warning);
};

/** Folds the outcomes of a title's conditions into its eligibility; warning-only pledge conditions become warnings. */
const assemble = <C extends MemberCondition | DepartmentCondition>(
  ruleSet: RuleSet,
  rule: TitleRule<C>,
  evaluate: (condition: C) => Outcome,
): TitleEligibility => {
  const conditions: ConditionResult[] = [];
  const warnings: EligibilityWarning[] = [];
  for (const condition of rule.conditions) {
    const outcome = evaluate(condition);
    addWarnings(warnings, outcome.warnings ?? []);
    if (condition.kind === 'pledged' && condition.mode === 'warning') {
      if (!outcome.met && !outcome.pending) addWarnings(warnings, [{ code: condition.code, label: condition.label, source: condition.source }]);
      continue;
    }
    conditions.push({
      code: condition.code,
      label: outcome.label ?? condition.label,
      met: outcome.met,
      source: outcome.source ?? condition.source,
      ...(!outcome.met && outcome.pending ? { pending: true as const } : {}),
      ...(condition.assumed ? { assumed: true as const } : {}),
      facts: outcome.facts,
    });
  }
  if (ruleSet.thresholdsUnconfirmed && (rule.vote !== null || rule.quota !== null)) addWarnings(warnings, [{ ...UNCONFIRMED_WARNING, source: ruleSet.label }]);
  const eligible = conditions.every((condition) => condition.met);
  return {
    title: rule.title,
    label: rule.label,
    ruleSet: ruleSet.code,
    eligible,
    councilJudgment: rule.councilJudgment,
    judgments: rule.judgments,
    pending: !eligible && conditions.every((condition) => condition.met || condition.pending === true),
    needsVote: rule.vote !== null,
    threshold: rule.vote === null ? null : rule.vote.percentOfAllMembers / 100,
    secretBallot: rule.vote?.secretBallot ?? false,
    vote: rule.vote === null ? null : { by: rule.vote.by, source: rule.vote.source, assumed: rule.vote.assumed },
    proposedUpward: rule.proposedUpward,
    quota: rule.quota,
    conditions,
    warnings,
  };
};

const gradeOutcome = (grade: string | null, required: GradeCode, key: string): Outcome => {
  if (grade === null) return { met: false, pending: true, facts: { [key]: null, required } };
  if (gradeRank(grade) === undefined) return { met: false, facts: { [key]: grade, required, unknownGrade: true }, warnings: [unknownGradeWarning(grade)] };
  return { met: atLeastGrade(grade, required), facts: { [key]: grade, required } };
};

const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

// ---------------------------------------------------------------------------------------------------------------
// Members

const validateMemberFacts = (facts: MemberFacts) => {
  assertCount('recognizedInitiatives', facts.recognizedInitiatives);
  assertCount('provinceWideInitiatives', facts.provinceWideInitiatives);
  if (!Number.isSafeInteger(facts.year)) throw new RangeError(`year must be an integer, got ${facts.year}`);
  for (const year of facts.previousCstdcsYears) if (!Number.isSafeInteger(year)) throw new RangeError(`previousCstdcsYears must be integers, got ${year}`);
  severityOf(facts.disciplineLevel);
};

/** The member's eligibility for every individual title of the rule set, in the rule set's order. */
export const memberEligibility = (ruleSet: RuleSet, facts: MemberFacts): TitleEligibility[] => {
  validateMemberFacts(facts);
  const memo = new Map<TitleCode, TitleEligibility>();

  const titleResult = (title: TitleCode, stack: readonly TitleCode[]): TitleEligibility => {
    const known = memo.get(title);
    if (known !== undefined) return known;
    if (stack.includes(title)) throw new Error(`rule set ${ruleSet.code}: conditions of ${title} refer to themselves`);
    const rule = ruleSet.memberTitles.find((each) => each.title === title);
    if (rule === undefined) throw new Error(`rule set ${ruleSet.code} has no individual title ${title}`);
    const result = assemble(ruleSet, rule, (condition) => evaluateMember(condition, facts, (other) => titleResult(other, [...stack, title])));
    memo.set(title, result);
    return result;
  };

  return ruleSet.memberTitles.map((rule) => titleResult(rule.title, []));
};

const evaluateMember = (condition: MemberCondition, facts: MemberFacts, titleResult: (title: TitleCode) => TitleEligibility): Outcome => {
  switch (condition.kind) {
    case 'min-grade':
      return gradeOutcome(facts.grade, condition.grade, 'grade');
    case 'pledged':
      return { met: facts.pledged, facts: { pledged: facts.pledged } };
    case 'not-disciplined':
      return {
        met: severityOf(facts.disciplineLevel) < severityOf(condition.from),
        facts: { disciplineLevel: facts.disciplineLevel, barsFrom: condition.from },
      };
    case 'eligible-for': {
      if (facts.grantedTitles?.includes(condition.title)) return { met: true, facts: { title: condition.title, granted: true } };
      const other = titleResult(condition.title);
      return { met: other.eligible, pending: other.pending, facts: { title: condition.title, eligible: other.eligible, pending: other.pending }, warnings: other.warnings };
    }
    case 'achievement': {
      const satisfiedBy = condition.anyOf.filter((achievement) =>
        achievement === 'hoan-thanh-xuat-sac'
          ? facts.grade === 'hoan-thanh-xuat-sac'
          : achievement === 'sang-kien-co-so'
            ? facts.recognizedInitiatives >= 1
            : facts.acceptedResearch,
      );
      const met = satisfiedBy.length > 0;
      return {
        met,
        pending: !met && condition.anyOf.includes('hoan-thanh-xuat-sac') && facts.grade === null,
        facts: {
          grade: facts.grade,
          recognizedInitiatives: facts.recognizedInitiatives,
          acceptedResearch: facts.acceptedResearch,
          anyOf: condition.anyOf,
          satisfiedBy,
        },
      };
    }
    case 'consecutive-years': {
      const granted = [...new Set(facts.previousCstdcsYears)].sort((a, b) => a - b);
      const last = condition.includingCurrent ? facts.year : facts.year - 1;
      const requiredYears = range(last - condition.years + 1, last);
      const priorYears = condition.includingCurrent ? requiredYears.slice(0, -1) : requiredYears;
      const missingYears = priorYears.filter((year) => !granted.includes(year));
      let currentYear: 'granted' | 'eligible' | 'pending' | 'not-eligible' | 'not-counted' = 'not-counted';
      if (condition.includingCurrent) {
        if (granted.includes(facts.year)) currentYear = 'granted';
        else {
          const current = titleResult(condition.title);
          currentYear = current.eligible ? 'eligible' : current.pending ? 'pending' : 'not-eligible';
        }
      }
      const priorOk = missingYears.length === 0;
      return {
        met: priorOk && currentYear !== 'pending' && currentYear !== 'not-eligible',
        pending: priorOk && currentYear === 'pending',
        facts: { title: condition.title, year: facts.year, requiredYears, grantedYears: granted, missingYears, currentYear },
      };
    }
    case 'province-wide-initiatives':
      return { met: facts.provinceWideInitiatives >= condition.min, facts: { provinceWideInitiatives: facts.provinceWideInitiatives, min: condition.min } };
  }
};

// ---------------------------------------------------------------------------------------------------------------
// Departments

const validateDepartmentFacts = (facts: DepartmentFacts) => {
  if (facts.ldttPercentOverride !== undefined) assertPercent('ldttPercentOverride', facts.ldttPercentOverride);
  const ids = new Set<string>();
  for (const member of facts.members) {
    if (ids.has(member.memberId)) throw new RangeError(`member listed twice: ${member.memberId}`);
    ids.add(member.memberId);
    severityOf(member.disciplineLevel);
  }
};

/** The department's eligibility for every collective title of the rule set, in the rule set's order. */
export const departmentEligibility = (ruleSet: RuleSet, facts: DepartmentFacts): TitleEligibility[] => {
  validateDepartmentFacts(facts);
  return ruleSet.departmentTitles.map((rule) => assemble(ruleSet, rule, (condition) => evaluateDepartment(condition, facts)));
};

/**
 * A share of members that can still change: members whose grade is not final may yet qualify. With no members at
 * all, no share is met (a department without members earns no collective title).
 */
const shareOutcome = (counted: number, undecided: number, total: number, percent: number, comparison: 'at-least' | 'more-than') => {
  const met = total > 0 && compareShare(counted, total, percent, comparison);
  return { met, pending: !met && undecided > 0 && compareShare(counted + undecided, total, percent, comparison) };
};

const evaluateDepartment = (condition: DepartmentCondition, facts: DepartmentFacts): Outcome => {
  const members = facts.members;
  switch (condition.kind) {
    case 'collective-grade':
      return gradeOutcome(facts.collectiveGrade, condition.grade, 'collectiveGrade');
    case 'pledged':
      return facts.pledged === undefined ? { met: false, pending: true, facts: { pledged: null } } : { met: facts.pledged, facts: { pledged: facts.pledged } };
    case 'members-ldtt-share': {
      // Only a stricter percentage replaces the law's: a province may ask more of its agencies, never less.
      const overridden = condition.overridable && facts.ldttPercentOverride !== undefined && facts.ldttPercentOverride > condition.percent;
      const percent = overridden ? facts.ldttPercentOverride! : condition.percent;
      const counted = members.filter((member) => member.eligibleLdtt).length;
      const undecided = members.filter((member) => !member.eligibleLdtt && member.grade === null).length;
      return {
        ...shareOutcome(counted, undecided, members.length, percent, condition.comparison),
        label:
          condition.comparison === 'at-least'
            ? `${condition.label} từ ${percentText(percent)}% trở lên`
            : `${condition.label} trên ${percentText(percent)}%`,
        facts: { members: members.length, eligibleLdtt: counted, undecided, percent, lawPercent: condition.percent, comparison: condition.comparison, overridden },
        ...(overridden ? { source: `${facts.ldttPercentSource ?? 'Quy định của cơ quan, tổ chức'} (chặt hơn ${condition.source})` } : {}),
      };
    }
    case 'members-min-grade': {
      const counted = members.filter((member) => atLeastGrade(member.grade, condition.grade));
      const notFinal = members.filter((member) => member.grade === null);
      const below = members.filter((member) => member.grade !== null && !atLeastGrade(member.grade, condition.grade));
      const unknown = below.filter((member) => gradeRank(member.grade!) === undefined);
      return {
        ...shareOutcome(counted.length, notFinal.length, members.length, condition.percent, 'at-least'),
        facts: {
          members: members.length,
          atLeastGrade: counted.length,
          grade: condition.grade,
          percent: condition.percent,
          below: below.map((member) => member.memberId),
          notFinal: notFinal.map((member) => member.memberId),
        },
        warnings: unknown.map((member) => unknownGradeWarning(member.grade!)),
      };
    }
    case 'members-cstdcs-count': {
      const holders = members.filter((member) => member.eligibleCstdcs);
      const undecided = members.filter((member) => !member.eligibleCstdcs && member.grade === null).length;
      const met = holders.length >= condition.min;
      return {
        met,
        pending: !met && holders.length + undecided >= condition.min,
        facts: { eligibleCstdcs: holders.length, min: condition.min, holders: holders.map((member) => member.memberId) },
      };
    }
    case 'no-member-disciplined': {
      const disciplined = members.filter((member) => severityOf(member.disciplineLevel) >= severityOf(condition.from));
      return {
        met: disciplined.length === 0,
        facts: { barsFrom: condition.from, disciplined: disciplined.map((member) => ({ memberId: member.memberId, level: member.disciplineLevel })) },
      };
    }
  }
};

// ---------------------------------------------------------------------------------------------------------------
// Quotas and votes

const titleRule = (ruleSet: RuleSet, title: TitleCode) =>
  [...ruleSet.memberTitles, ...ruleSet.departmentTitles].find((rule) => rule.title === title) ??
  (() => {
    throw new RangeError(`rule set ${ruleSet.code} has no title ${title}`);
  })();

/**
 * The most holders of `title` the rule set allows, given the number of holders of the quota's base title (Decree
 * 91: CSTĐCS ≤ 15% of LĐTT holders): ⌊percent × holders / 100⌋ in integers. Null where the rule set sets no quota.
 */
export const quotaCap = (ruleSet: RuleSet, title: TitleCode, holders: number): number | null => {
  assertCount('holders', holders);
  const quota = titleRule(ruleSet, title).quota;
  return quota === null ? null : floorPercentOf(quota.percent, holders);
};

/**
 * How many of the candidates for `title` may be granted: all of them without a quota, else at most the quota
 * (20 LĐTT holders under Decree 91 → 3 CSTĐCS). Which ones is the council's vote (`selectWithinQuota`).
 */
export const applyQuota = (ruleSet: RuleSet, candidates: { readonly title: TitleCode; readonly candidates: number; readonly holders: number }): number => {
  assertCount('candidates', candidates.candidates);
  const cap = quotaCap(ruleSet, candidates.title, candidates.holders);
  return cap === null ? candidates.candidates : Math.min(candidates.candidates, cap);
};

const validateVote = (threshold: number, yesVotes: number, allMembers: number) => {
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) throw new RangeError(`threshold must be a fraction in [0, 1], got ${threshold}`);
  assertCount('yesVotes', yesVotes);
  assertCount('allMembers', allMembers);
  if (allMembers === 0) throw new RangeError('a council has at least one member');
  if (yesVotes > allMembers) throw new RangeError(`${yesVotes} yes votes from ${allMembers} members`);
};

/**
 * Yes votes reach the threshold of ALL council members (absent members count in the denominator): 80% of 7 needs
 * 6 (5/7 fails), 80% of 5 is exactly 4 and passes. Exact, in integers.
 */
export const votePasses = (threshold: number, yesVotes: number, allMembers: number): boolean => {
  validateVote(threshold, yesVotes, allMembers);
  return reachesFraction(yesVotes, allMembers, threshold);
};

/** The fewest yes votes that pass: ⌈threshold × allMembers⌉ (6 of 7 at 80%, 9 of 10 at 90%). */
export const requiredYesVotes = (threshold: number, allMembers: number): number => {
  validateVote(threshold, 0, allMembers);
  return ceilFractionOf(threshold, allMembers);
};

export interface QuotaSelection {
  /** Granted, by yes votes descending (ties by the chair's preference, then input order). */
  readonly selected: readonly string[];
  /** Tied at the cut and not ranked by the chair: the chair must still choose `openSlots` of them. */
  readonly unresolved: readonly string[];
  readonly openSlots: number;
}

/**
 * Picks at most `quota` nominees among those who passed the vote: the highest yes counts win; a tie at the cut
 * goes to the chair's preference order (domain.md). Nominees tied at the cut whom the chair did not rank stay
 * unresolved rather than being picked arbitrarily.
 */
export const selectWithinQuota = (
  results: readonly { readonly nomineeId: string; readonly yes: number }[],
  quota: number,
  chairPreference: readonly string[] = [],
): QuotaSelection => {
  assertCount('quota', quota);
  const ids = new Set<string>();
  for (const result of results) {
    assertCount('yes', result.yes);
    if (ids.has(result.nomineeId)) throw new RangeError(`nominee listed twice: ${result.nomineeId}`);
    ids.add(result.nomineeId);
  }
  const preference = (id: string) => {
    const index = chairPreference.indexOf(id);
    return index < 0 ? Number.POSITIVE_INFINITY : index;
  };
  const order = (a: { nomineeId: string; yes: number }, b: { nomineeId: string; yes: number }) =>
    b.yes - a.yes || (preference(a.nomineeId) === preference(b.nomineeId) ? 0 : preference(a.nomineeId) < preference(b.nomineeId) ? -1 : 1);
  const sorted = [...results].sort(order);
  if (sorted.length <= quota) return { selected: sorted.map((result) => result.nomineeId), unresolved: [], openSlots: 0 };
  if (quota === 0) return { selected: [], unresolved: [], openSlots: 0 };
  const cut = sorted[quota - 1].yes;
  const above = sorted.filter((result) => result.yes > cut);
  const tied = sorted.filter((result) => result.yes === cut);
  const slots = quota - above.length;
  // The tie does not straddle the cut: every tied nominee fits.
  if (tied.length === slots) return { selected: [...above, ...tied].map((result) => result.nomineeId), unresolved: [], openSlots: 0 };
  const ranked = tied.filter((result) => preference(result.nomineeId) !== Number.POSITIVE_INFINITY);
  const chosen = ranked.slice(0, slots);
  const selected = [...above, ...chosen].map((result) => result.nomineeId);
  const openSlots = slots - chosen.length;
  if (openSlots === 0) return { selected, unresolved: [], openSlots: 0 };
  return { selected, unresolved: tied.filter((result) => !chosen.includes(result)).map((result) => result.nomineeId), openSlots };
};
