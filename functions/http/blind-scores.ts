import type { Actor } from '../../domain/actor';
import { maySeeAllAppraisals } from '../../domain/evaluation/decider';
import { blindLine } from '../projections/evaluation';
import type { CycleScores } from './score-lines';

/** The cycle's score lines as this reader may see them; every figure, rank and mean is then computed from those. */
export const scoresSeenBy = (actor: Actor, scores: CycleScores): CycleScores =>
  maySeeAllAppraisals(actor) ? scores : { ...scores, lines: (departmentId) => scores.lines(departmentId).map(blindLine) };
