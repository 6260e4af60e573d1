import type { StoredEvent, StreamId } from '../../events/envelope';
import type { EvaluationEvent } from '../../events/evaluation';
import { fold } from '../../domain/decider';
import { evaluationDecider } from '../../domain/evaluation/decider';
import { summarizeDepartment } from '../../domain/evaluation/ranking';
import { scoreCriteria, percentOf, subtotals } from '../../domain/evaluation/scoring';
import { isScoreLine, parseParticipantAggregateId, summariesPartition, viewKeys } from '../store/view-keys';
import type { ViewItem } from '.';

/** One participant's line on its department's score item: what boards and rankings are computed from. */
export interface ScoreEntry {
  readonly version: number;
  readonly participantKind: 'department' | 'member';
  readonly participantId: string;
  readonly status: string;
  /** Final once the Office finalized; until then a provisional figure (appraisals so far, else the self-score). */
  readonly final: boolean;
  readonly percent: number | null;
  readonly grade: string | null;
  readonly gradeLabel: string | null;
  readonly appraisals: number;
  /** Assigned council members that have not appraised the submitted sheet yet (whom the reminders urge); absent in items projected before it was kept. */
  readonly pendingAppraisers?: readonly string[];
  readonly subtotals: Readonly<Record<string, number>>;
}

/**
 * An evaluation's view is its own line item in the cycle's scores partition, keyed by its department
 * (`<departmentId>#<kind>:<participantId>`): an evaluation event costs one small write whatever the department's
 * size, no item grows with the organization, and a department's lines are one Query of a key prefix.
 */
export const scoreLineItem = (id: StreamId, events: readonly StoredEvent[]) => {
  const { campaignId, year, kind, participantId } = parseParticipantAggregateId(id.id);
  const state = fold(evaluationDecider, events as unknown as EvaluationEvent[]);
  if (!state.participant) return null; // appraisers assigned to nobody yet: nothing to show
  const provisional = state.status === 'submitted' ? scoreCriteria(state.catalogue, state.selfScores, Object.keys(state.appraisals).sort().map((key) => state.appraisals[key])) : null;
  const line: ScoreEntry = {
    version: events[events.length - 1].version,
    participantKind: kind as ScoreEntry['participantKind'],
    participantId,
    status: state.status,
    final: state.result !== null,
    percent: state.result?.percent ?? (provisional ? percentOf(provisional) : null),
    grade: state.result?.grade ?? null,
    gradeLabel: state.result?.gradeLabel ?? null,
    appraisals: Object.keys(state.appraisals).length,
    pendingAppraisers: state.status === 'submitted' ? state.appraisers.filter((appraiser) => !(appraiser in state.appraisals)) : [],
    subtotals: subtotals(state.catalogue, state.result?.criteria ?? provisional ?? []),
  };
  const { departmentId } = state.participant;
  return { ...viewKeys.scoreLine(id.org, campaignId, year as number, departmentId, kind, participantId), campaignId, year, departmentId, ...line };
};

/** Score line items (of a cycle, or of one department) grouped by department: what boards and rankings read. */
export const scoreLinesByDepartment = (items: readonly Record<string, unknown>[]): Map<string, ScoreEntry[]> => {
  const lines = new Map<string, ScoreEntry[]>();
  for (const item of items) {
    if (typeof item.participantKind !== 'string' || !isScoreLine(item)) continue; // not a line (or an item of an older layout)
    const departmentId = item.departmentId as string;
    if (!lines.has(departmentId)) lines.set(departmentId, []);
    lines.get(departmentId)!.push(item as unknown as ScoreEntry);
  }
  return lines;
};

/**
 * A department's summary item: the figures that rank it (collective score, members' mean), from its score lines
 * alone. Its version is the sum of its lines' versions, which grows whenever a line does: written with the strict
 * `<` of every view, a stale summary (computed from fewer lines) never replaces a newer one, and a rebuild from the
 * lines gives the same item.
 */
export const departmentSummaryItem = (scoresPk: string, campaignId: string, year: number, departmentId: string, lines: readonly ScoreEntry[]) => {
  const { collectiveScore, membersMean } = summarizeDepartment(departmentId, '', lines, []);
  return {
    pk: summariesPartition(scoresPk),
    sk: departmentId,
    version: lines.reduce((sum, line) => sum + line.version, 0),
    campaignId,
    year,
    departmentId,
    collectiveScore,
    membersMean,
  };
};

/** The summaries of every department (of every cycle) these score line items belong to. */
export const departmentSummaryItems = (items: readonly ViewItem[]) => {
  const groups = new Map<string, ViewItem[]>();
  for (const item of items) {
    if (!isScoreLine(item)) continue;
    const key = `${item.pk}\n${item.departmentId}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(item);
  }
  return [...groups.values()].map((lines) => {
    const { pk, campaignId, year, departmentId } = lines[0] as ViewItem & { campaignId: string; year: number; departmentId: string };
    return departmentSummaryItem(pk, campaignId, year, departmentId, lines as unknown as ScoreEntry[]);
  });
};
