import { TITLES } from '../../domain/titles';
import { awardCountOf } from '../projections/decision-pages';
import type { ViewRecord } from '../store/views';
import { type CycleViews, summarizeCycle } from './cycle-summary';
import { rosterOfCycle } from '../roster';

/** Everything a report is compiled from: the roster once, and each year's views. */
export interface ReportSource {
  readonly campaignId: string;
  readonly campaignTitle: string;
  /** The campaign's whole period in years: a report of all of it is the final one (tổng kết). */
  readonly period: { readonly from: number; readonly to: number };
  readonly departments: readonly ViewRecord[];
  readonly members: readonly ViewRecord[];
  readonly years: readonly (CycleViews & { readonly year: number; readonly initiatives: readonly ViewRecord[] })[];
  /** The organization's self-inspection findings (they belong to no campaign): placed in the years by their date. */
  readonly findings: readonly Record<string, unknown>[];
  /** The report's date (YYYY-MM-DD): an open finding past its due date on that day is overdue. */
  readonly asOf: string;
}

interface Author {
  readonly kind: 'department' | 'member';
  readonly id: string;
  readonly departmentId: string;
}

/**
 * The report as figures, before any layout: per year the registration and participation rates, department scores
 * and ranks, titles granted, initiatives recognized, self-inspection findings made and closed; across the years each
 * department's score and rank and each title's count; and the findings still open. Pure: the .docx renders it, the
 * tests check it.
 */
export const compileReport = (source: ReportSource) => {
  const { departments, members } = source;
  const nameOf = new Map([...departments.map((each) => [`department:${each.sk}`, each.name as string] as const), ...members.map((each) => [`member:${each.sk}`, each.fullName as string] as const)]);
  const years = source.years.map((cycle) => ({
    year: cycle.year,
    ...summarizeCycle(departments, rosterOfCycle(members, cycle.year), cycle),
    decisions: cycle.decisions
      .filter((decision) => decision.revoked === null)
      .map((decision) => ({ number: decision.number as string, date: decision.date as string, signer: decision.signer as string, awards: awardCountOf(decision) }))
      .sort((a, b) => a.date.localeCompare(b.date) || a.number.localeCompare(b.number, 'vi')),
    initiatives: cycle.initiatives
      .filter((initiative) => initiative.status === 'recognized')
      .map((initiative) => {
        const author = initiative.author as Author;
        const recognition = initiative.recognition as { decisionNumber: string; decisionDate: string };
        return {
          initiativeId: initiative.sk,
          title: initiative.title as string,
          author: nameOf.get(`${author.kind}:${author.id}`) ?? author.id,
          department: nameOf.get(`department:${author.departmentId}`) ?? author.departmentId,
          decisionNumber: recognition.decisionNumber,
          decisionDate: recognition.decisionDate,
          proposedUpward: initiative.proposedUpward === true,
        };
      }),
  }));
  const yearList = years.map((each) => each.year);
  const inYear = (date: unknown, year: number) => (date as string).startsWith(`${year}-`);
  return {
    kind: source.period.from === yearList[0] && source.period.to === yearList[yearList.length - 1] ? ('final' as const) : ('preliminary' as const),
    campaignId: source.campaignId,
    campaignTitle: source.campaignTitle,
    from: yearList[0],
    to: yearList[yearList.length - 1],
    years,
    /** By name, each department's score per year (its collective one, else its members' mean) and rank; null where none. */
    departmentsOverYears: [...departments].sort((a, b) => (a.name as string).localeCompare(b.name as string, 'vi')).map((department) => ({
      departmentId: department.sk,
      name: department.name as string,
      byYear: years.map((each) => {
        const row = each.departments.find((ranked) => ranked.departmentId === department.sk)!;
        return { year: each.year, score: row.collectiveScore ?? row.membersMean, rank: row.rank };
      }),
    })),
    /** Self-inspection: per year the findings made and how many of them are closed; the open ones found by the range's end. */
    findings: {
      byYear: yearList.map((year) => {
        const found = source.findings.filter((finding) => inYear(finding.date, year));
        return { year, found: found.length, closed: found.filter((finding) => finding.status === 'closed').length };
      }),
      open: source.findings
        .filter((finding) => finding.status === 'open' && (finding.date as string) <= `${yearList[yearList.length - 1]}-12-31`)
        .map((finding) => ({
          department: nameOf.get(`department:${finding.departmentId as string}`) ?? (finding.departmentId as string),
          date: finding.date as string,
          area: finding.area as string,
          shortcoming: finding.shortcoming as string,
          correctiveAction: finding.correctiveAction as string,
          dueDate: finding.dueDate as string,
          overdue: (finding.dueDate as string) < source.asOf,
        }))
        .sort((a, b) => a.date.localeCompare(b.date) || a.department.localeCompare(b.department, 'vi')),
    },
    /** Each title granted in the range, in the catalogue's order: its count per year and in all. */
    titlesOverYears: TITLES.flatMap((title) => {
      const byYear = years.map((each) => each.awards.titles.find((line) => line.title === title.code)?.count ?? 0);
      const total = byYear.reduce((sum, count) => sum + count, 0);
      return total === 0 ? [] : [{ title: title.code, label: title.label, byYear, total }];
    }),
  };
};
export type ReportModel = ReturnType<typeof compileReport>;
