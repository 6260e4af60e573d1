import type { Actor } from '../../domain/actor';
import { maySeeAllAppraisals } from '../../domain/evaluation/decider';
import type { ScoreEntry } from '../projections/evaluation';
import type { CycleScores } from './score-lines';

/**
 * A score line as a reader may see it. Until a result is final, a line's figure is the appraisals so far: only
 * those who run the appraisal (the Office, the leadership) see it on boards and department pages, so an appraiser
 * that has not appraised cannot read the others' scores there, nor a participant anything but its final result.
 * A line not yet appraised shows its self-assessed figure, which the participant and its appraisers read on the
 * sheet anyway. Who has not appraised yet is for the Office (it reminds them).
 */
const blindLine = (line: ScoreEntry): ScoreEntry => {
  const { pendingAppraisers: _pending, ...shown } = line;
  return line.final || line.appraisals === 0 ? shown : { ...shown, percent: null, subtotals: {} };
};

/** The cycle's score lines as this reader may see them; every figure, rank and mean is then computed from those. */
export const scoresSeenBy = (actor: Actor, scores: CycleScores): CycleScores =>
  maySeeAllAppraisals(actor) ? scores : { ...scores, lines: (departmentId) => scores.lines(departmentId).map(blindLine) };
