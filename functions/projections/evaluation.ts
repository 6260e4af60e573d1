import type { StoredEvent, StreamId } from '../../events/envelope';
import type { EvaluationEvent } from '../../events/evaluation';
import { fold } from '../../domain/decider';
import { evaluationDecider } from '../../domain/evaluation/decider';
import { scoreCriteria, percentOf, subtotals } from '../../domain/evaluation/scoring';
import { parseParticipantAggregateId, viewKeys } from '../store/view-keys';

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

/** The department a sheet was first filed under: its line's key, fixed for the stream's life (a later draft may name the member's new department, in `departmentId`). */
const filedIn = (events: readonly StoredEvent[]): string | null => {
  const first = events.find((event) => (event.data as { participant?: { departmentId?: string } }).participant?.departmentId);
  return first ? (first.data as { participant: { departmentId: string } }).participant.departmentId : null;
};

/**
 * An evaluation's view is its own line item (not an entry in a department's item): an evaluation event costs one
 * small write whatever the department's size, and no item grows with the organization. Filed under its sheet's
 * first department (view-keys.ts); which department it counts in is the roster's question, asked when it is read.
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
  const filed = filedIn(events) ?? state.participant.departmentId;
  return { ...viewKeys.scoreLine(id.org, campaignId, year as number, filed, kind, participantId), campaignId, year, filedIn: filed, departmentId: state.participant.departmentId, ...line };
};

/** A line item's figures alone, as the entries of older releases were (keys and filing are storage details). */
export const entryOf = (item: Record<string, unknown>): ScoreEntry => {
  const { version, participantKind, participantId, status, final, percent, grade, gradeLabel, appraisals, pendingAppraisers, subtotals: lineSubtotals } = item as unknown as ScoreEntry;
  return { version, participantKind, participantId, status, final, percent, grade, gradeLabel, appraisals, ...(pendingAppraisers === undefined ? {} : { pendingAppraisers }), subtotals: lineSubtotals };
};

/** A line as read, with the department it was filed under (where to look for it by key). */
export type FiledLine = ScoreEntry & { readonly filedIn: string };

/** The score lines among items of a cycle's scores partition (an item an older release laid out, a department's entries, is not one). */
export const scoreLinesOf = (items: readonly Record<string, unknown>[]): FiledLine[] =>
  items.filter((item) => typeof item.participantKind === 'string' && typeof item.filedIn === 'string').map((item) => ({ ...entryOf(item), filedIn: item.filedIn as string }));

/**
 * A score line as a reader may see it. Until a result is final, a line's figure is the appraisals so far: only
 * those who run the appraisal (the Office, the leadership) see it on boards and department pages, so an appraiser
 * that has not appraised cannot read the others' scores there, nor a participant anything but its final result.
 * A line not yet appraised shows its self-assessed figure, which the participant and its appraisers read on the
 * sheet anyway. Who has not appraised yet is for the Office (it reminds them).
 */
export const blindLine = (line: ScoreEntry): ScoreEntry => {
  const { pendingAppraisers: _pending, ...shown } = line;
  return line.final || line.appraisals === 0 ? shown : { ...shown, percent: null, subtotals: {} };
};
