import { loadReadableEvaluation, selfInspectionEvidence } from './evaluation-read';
import { sheetResponse } from './evaluation-sheet';
import { httpHandler } from './handler';
import type { RouteHandler } from './types';

/**
 * GET …/cycles/{year}/evaluations/{participantId}: one score sheet (self-assessment, appraisals, final), from the
 * event stream. Readable by whoever may read the participant, and by its assigned appraisers. A department's sheet
 * also shows, to whoever may read findings, its self-inspection findings of the year as the evidence of the
 * self-inspection criterion (`evidence`).
 */
export const route: RouteHandler = async (request, deps) => {
  const evaluation = await loadReadableEvaluation(request, deps);
  const sheet = sheetResponse(evaluation.events, request.actor);
  const evidence = await selfInspectionEvidence(deps, request.actor, evaluation);
  return evidence ? { ...sheet, body: { ...(sheet.body as object), evidence: { [evidence.criterion]: { findings: evidence.findings } } } } : sheet;
};

export const handler = httpHandler(route);
