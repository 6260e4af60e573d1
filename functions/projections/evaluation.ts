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

/**
 * An evaluation contributes an entry to its department's score item (not an item of its own): a batch of many
 * evaluation events then costs one write per department, however many participants changed.
 */
export const evaluationEntry = (id: StreamId, events: readonly StoredEvent[]) => {
  const { campaignId, year, kind, participantId } = parseParticipantAggregateId(id.id);
  const state = fold(evaluationDecider, events as unknown as EvaluationEvent[]);
  if (!state.participant) return null; // appraisers assigned to nobody yet: nothing to show
  const provisional = state.status === 'submitted' ? scoreCriteria(state.catalogue, state.selfScores, Object.keys(state.appraisals).sort().map((key) => state.appraisals[key])) : null;
  const entry: ScoreEntry = {
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
  return {
    ...viewKeys.departmentScores(id.org, campaignId, year as number, state.participant.departmentId),
    name: `${kind}:${participantId}`,
    base: { campaignId, year, departmentId: state.participant.departmentId },
    entry,
  };
};
