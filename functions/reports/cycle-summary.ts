import type { ViewRecord } from '../store/views';
import { awardSummary } from '../http/award-summary';
import { registrationBoard } from '../http/registration-board';
import { rankedDepartments, scoresOf } from '../http/score-lines';
import { scoreLinesOf } from '../projections/evaluation';

/** The views of one cycle a summary is computed from (each one Query of the views table). */
export interface CycleViews {
  readonly pledges: readonly ViewRecord[];
  readonly scoreItems: readonly ViewRecord[];
  readonly decisions: readonly ViewRecord[];
}

/** A share as a percentage with two decimals, or null when there is nothing to share. */
export const rate = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 100);

const SUBMITTED = new Set(['submitted', 'finalized']);

/**
 * One cycle of one organization in figures: registration, evaluation progress, department scores and ranks,
 * titles granted. Pure, from the roster's and the cycle's views; a report has one per year, the upward table
 * one per agency. Computed by the same shapers as the board, the scoreboard and the awards summary.
 */
export const summarizeCycle = (departments: readonly ViewRecord[], members: readonly ViewRecord[], cycle: CycleViews) => {
  const { totals } = registrationBoard(departments, members, cycle.pledges);
  const scores = scoresOf(departments, members, scoreLinesOf(cycle.scoreItems));
  const lines = departments.flatMap((department) => scores.lines(department.sk));
  const participants = departments.length + members.length;
  const submitted = lines.filter((line) => SUBMITTED.has(line.status)).length;
  const ranked = rankedDepartments(scores).map(({ departmentId, name, collectiveScore, membersMean, rank, final }) => ({ departmentId, name, collectiveScore, membersMean, rank, final }));
  const collective = ranked.flatMap((row) => (row.collectiveScore === null ? [] : [row.collectiveScore]));
  const top = ranked[0];
  return {
    registration: { ...totals, departmentRate: rate(totals.departmentsRegistered, totals.departments), memberRate: rate(totals.membersRegistered, totals.members) },
    evaluation: {
      participants,
      submitted,
      finalized: lines.filter((line) => line.final).length,
      participationRate: rate(submitted, participants),
    },
    departments: ranked,
    meanDepartmentScore: collective.length === 0 ? null : Math.round((collective.reduce((sum, score) => sum + score, 0) / collective.length) * 100) / 100,
    topDepartment: top?.rank === 1 ? { departmentId: top.departmentId, name: top.name, score: top.collectiveScore ?? top.membersMean } : null,
    awards: awardSummary(cycle.decisions),
  };
};
export type CycleSummary = ReturnType<typeof summarizeCycle>;
