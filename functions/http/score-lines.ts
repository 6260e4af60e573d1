import { type DepartmentSummary, rankDepartments, summarizeDepartment } from '../../domain/evaluation/ranking';
import { type ScoreEntry, blindLine, entryOf, scoreLinesOf } from '../projections/evaluation';
import type { RankFigures } from '../projections/summaries';
import type { Deps } from '../deps';
import { cycleRoster, loadDepartmentCycle } from '../department-roster';
import { rosterOfCycle } from '../roster';
import { type ViewRecord, batchGetViews, queryViews } from '../store/views';
import { scoresPartition, viewKeys } from '../store/view-keys';

/**
 * A cycle's score lines over the roster: from the cycle's line items (one per participant) and the roster's views,
 * `members` being the cycle's roster (rosterOfCycle, or a department's: cycleRoster). A member's line counts in the
 * department the member counts in that year, whichever department it was filed under (its first sheet's, before a move).
 */
export const scoresOf = (departments: readonly ViewRecord[], members: readonly ViewRecord[], lineItems: readonly ScoreEntry[]) => {
  const entries = lineItems.map((line) => entryOf(line as unknown as Record<string, unknown>));
  const collectiveOf = new Map(entries.filter((entry) => entry.participantKind === 'department').map((entry) => [entry.participantId, entry]));
  const memberLineOf = new Map(entries.filter((entry) => entry.participantKind === 'member').map((entry) => [entry.participantId, entry]));
  const rosters = new Map<string, ViewRecord[]>();
  for (const member of members) rosters.set(member.departmentId as string, [...(rosters.get(member.departmentId as string) ?? []), member]);
  const rosterOf = (departmentId: string): ViewRecord[] => rosters.get(departmentId) ?? [];
  return {
    departments,
    members,
    lines: (departmentId: string): ScoreEntry[] => [
      ...(collectiveOf.has(departmentId) ? [collectiveOf.get(departmentId)!] : []),
      ...rosterOf(departmentId).flatMap((member) => memberLineOf.get(member.sk) ?? []),
    ],
    rosterOf,
  };
};
export type CycleScores = ReturnType<typeof scoresOf>;

/** The whole cycle's score lines and the roster, in three Queries at once: for readers of every department. */
export const loadScores = async (deps: Deps, org: string, campaignId: string, year: number): Promise<CycleScores> => {
  const [scores, departments, members] = await Promise.all([
    queryViews(deps, scoresPartition(org, campaignId, year)),
    queryViews(deps, viewKeys.department(org, '').pk),
    queryViews(deps, viewKeys.member(org, '').pk),
  ]);
  return scoresOf(departments, rosterOfCycle(members, year), scoreLinesOf(scores));
};

/**
 * One department's scores of a cycle, for a reader of that department: its roster on the review date and its lines
 * (loadDepartmentCycle: in proportion to the department) and every department's summary (one small item each),
 * which rank it among the others without reading their lines. Of the department items, its own and those tied with
 * it (whose names break the tie), or (`allDepartments`, for a board that says whether every one is final) all.
 */
export const loadDepartmentScores = async (deps: Deps, org: string, campaignId: string, year: number, departmentId: string, allDepartments = false) => {
  const [listed, summaries, { postings, lines }] = await Promise.all([
    allDepartments ? queryViews(deps, viewKeys.department(org, '').pk) : batchGetViews(deps, [viewKeys.department(org, departmentId)]),
    queryViews(deps, viewKeys.departmentSummary(org, campaignId, year, '').pk),
    loadDepartmentCycle(deps, { org, campaignId, year, departmentId }),
  ]);
  const own = scoresOf(present(listed), cycleRoster(postings, year, departmentId), [...lines.values()]);
  if (allDepartments) return { scores: own, summaries };
  // Names are needed only where the figures are equal: as every reader sees them, or as a blind reader does.
  const figures = (lineSet: ScoreEntry[]) => {
    const { collectiveScore, membersMean } = summarizeDepartment(departmentId, '', lineSet, []);
    return JSON.stringify([collectiveScore, membersMean]);
  };
  const mine = new Set([figures(own.lines(departmentId)), figures(own.lines(departmentId).map(blindLine))]);
  const tied = summaries.filter((item) => item.sk !== departmentId && (mine.has(JSON.stringify(item.open)) || mine.has(JSON.stringify(item.blind))));
  const names = tied.length === 0 ? [] : present(await batchGetViews(deps, tied.map((item) => viewKeys.department(org, item.sk))));
  return { scores: { ...own, departments: [...own.departments, ...names] }, summaries };
};

const present = (items: readonly (ViewRecord | undefined)[]) => items.filter((item): item is ViewRecord => item !== undefined);

const figuresOf = (scores: CycleScores, department: ViewRecord): DepartmentSummary =>
  summarizeDepartment(department.sk, department.name as string, scores.lines(department.sk), scores.rosterOf(department.sk).map((member) => member.sk));

/** Every department's figures, ranked: what the scoreboard, a department's page and the reports show. */
export const rankedDepartments = (scores: CycleScores) => rankDepartments(scores.departments.map((department) => figuresOf(scores, department)));

/**
 * Every department ranked, `departmentId`'s figures from its lines (as `scores` holds them, for this reader), the
 * others' from their summaries as the reader may see them (`blind`: blind-scores.ts), named where `scores` has their
 * item (a name only breaks a tie, and loadDepartmentScores reads those of the tied). Only `departmentId`'s row is
 * whole; the others carry what ranks them and whether they are final.
 */
export const rankedWithSummaries = (scores: CycleScores, summaries: readonly ViewRecord[], departmentId: string, blind: boolean) => {
  const summaryOf = new Map(summaries.map((item) => [item.sk, item]));
  const departmentOf = new Map(scores.departments.map((department) => [department.sk, department]));
  const ids = new Set([...departmentOf.keys(), ...summaryOf.keys()]);
  return rankDepartments(
    [...ids].map((id) => {
      if (id === departmentId) return figuresOf(scores, departmentOf.get(id)!);
      const stored = summaryOf.get(id);
      const [collectiveScore, membersMean] = (stored?.[blind ? 'blind' : 'open'] as RankFigures | undefined) ?? [null, null];
      return { ...summarizeDepartment(id, (departmentOf.get(id)?.name as string | undefined) ?? '', [], []), collectiveScore, membersMean, final: stored?.final === true };
    }),
  );
};
