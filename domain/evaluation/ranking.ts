/**
 * Department scores and rankings, computed from the participants' score lines. Pure, so the read handlers and
 * the tests share them.
 */
export interface ScoreLine {
  readonly participantKind: 'department' | 'member';
  readonly participantId: string;
  readonly percent: number | null;
  readonly final: boolean;
  readonly subtotals: Readonly<Record<string, number>>;
}

export interface DepartmentSummary {
  readonly departmentId: string;
  readonly name: string;
  /** The department's own (collective) evaluation. */
  readonly collectiveScore: number | null;
  /** The mean of its members' scores (final or provisional). */
  readonly membersMean: number | null;
  readonly membersEvaluated: number;
  readonly membersPending: number;
  /** Per criterion, the mean of the members' subtotals. */
  readonly criteria: Readonly<Record<string, number>>;
  readonly final: boolean;
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const mean = (values: readonly number[]) => (values.length === 0 ? null : round2(values.reduce((sum, each) => sum + each, 0) / values.length));

/** A department's figures from its lines and its roster: a member with no final result is pending. */
export const summarizeDepartment = (departmentId: string, name: string, lines: readonly ScoreLine[], rosterMembers: readonly string[]): DepartmentSummary => {
  const collective = lines.find((line) => line.participantKind === 'department');
  const members = lines.filter((line) => line.participantKind === 'member' && line.percent !== null);
  const evaluated = members.filter((line) => line.final).length;
  const criteria: Record<string, number> = {};
  for (const code of new Set(members.flatMap((line) => Object.keys(line.subtotals)))) {
    criteria[code] = mean(members.map((line) => line.subtotals[code] ?? 0))!;
  }
  const pending = new Set(rosterMembers);
  for (const line of members) if (line.final) pending.delete(line.participantId);
  return {
    departmentId,
    name,
    collectiveScore: collective?.percent ?? null,
    membersMean: mean(members.map((line) => line.percent!)),
    membersEvaluated: evaluated,
    membersPending: pending.size,
    criteria,
    final: (collective?.final ?? false) && pending.size === 0 && members.every((line) => line.final),
  };
};

const descending = (a: number | null, b: number | null) => (b ?? -1) - (a ?? -1);

/**
 * Ranks departments by collective score, ties broken by the members' mean, then by name (Vietnamese order).
 * Equal on all three is impossible (names differ), so the scored departments rank 1..k. A department with no
 * score at all (no collective score, no member scored) is listed last, by name, unranked: a rank before any
 * scoring would be an order of names that reads like a result.
 */
export const rankDepartments = <T extends DepartmentSummary>(departments: readonly T[]): (T & { rank: number | null })[] =>
  [...departments]
    .sort((a, b) => descending(a.collectiveScore, b.collectiveScore) || descending(a.membersMean, b.membersMean) || a.name.localeCompare(b.name, 'vi'))
    .map((department, index) => ({ ...department, rank: isUnscored(department) ? null : index + 1 }));

const isUnscored = (department: DepartmentSummary) => department.collectiveScore === null && department.membersMean === null;

/** Ranks members within a department by score; equal scores share a rank (1, 2, 2, 4); unscored members are unranked. */
export const rankMembers = <T extends { percent: number | null }>(members: readonly T[]): (T & { rank: number | null })[] => {
  const scores = members.map((member) => member.percent).filter((percent): percent is number => percent !== null);
  return members.map((member) => ({ ...member, rank: member.percent === null ? null : 1 + scores.filter((score) => score > member.percent!).length }));
};
