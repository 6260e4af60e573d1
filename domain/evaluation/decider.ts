import type { AppraisalScore, CatalogueSnapshot, EvaluationEvent, EvaluationResult, EvidenceFile, FinalScore, SelfScore } from '../../events/evaluation';
import { type Actor, hasRole } from '../actor';
import type { CampaignState } from '../campaign/decider';
import { hasCycle } from '../campaign/calendar';
import type { Decider } from '../decider';
import { refuse } from '../errors';
import { type ParticipantRef, mayActFor, requireOffice } from '../policies';
import { gradeBandsOf, scoredCriteria } from './catalogue';
import { type DeclaredFile, type StoredObject, checkDeclaredFile, checkEvidenceGiven, checkStoredObject } from './evidence';
import { resultOf, scoreCriteria } from './scoring';
import { evaluationWindows } from './windows';

export type EvaluationCommand =
  | { readonly type: 'SaveSelfAssessment'; readonly scores: readonly SelfScore[]; readonly submit: boolean }
  | { readonly type: 'ReturnEvaluation'; readonly reason: string }
  | { readonly type: 'AssignAppraisers'; readonly appraisers: readonly string[] }
  | { readonly type: 'SubmitAppraisal'; readonly scores: readonly AppraisalScore[] }
  | { readonly type: 'FinalizeEvaluation' }
  | { readonly type: 'CorrectEvaluation'; readonly reason: string; readonly scores: readonly FinalScore[] }
  /** Before an upload: may this file be attached (nothing is written; the upload URL is given only if so). */
  | { readonly type: 'PlanEvidenceUpload'; readonly file: DeclaredFile }
  /** After it: record the file if what storage holds under its key is what was declared. */
  | { readonly type: 'AttachEvidenceFile'; readonly fileId: string; readonly file: DeclaredFile; readonly stored: StoredObject | null }
  | { readonly type: 'RemoveEvidenceFile'; readonly fileId: string };

export type EvaluationStatus = 'none' | 'draft' | 'submitted' | 'returned' | 'finalized';

export interface EvaluationState {
  readonly status: EvaluationStatus;
  readonly participant: ParticipantRef | null;
  readonly selfScores: readonly SelfScore[];
  readonly catalogue: CatalogueSnapshot;
  readonly appraisers: readonly string[];
  /** Appraiser → its scores. An appraiser may revise its own as long as no other appraisal stands beside it. */
  readonly appraisals: Readonly<Record<string, readonly AppraisalScore[]>>;
  readonly result: EvaluationResult | null;
  /** The evidence files attached, in the order they were. */
  readonly files: readonly EvidenceFile[];
}

export interface EvaluationContext {
  readonly actor: Actor;
  readonly now: Date;
  readonly year: number;
  readonly campaign: CampaignState | null;
  readonly participant: ParticipantRef | null;
  /** For an assignment: each appraiser's department on the roster (absent: not on it), to refuse a conflict of interest. */
  readonly appraiserDepartments?: Readonly<Record<string, string>>;
}

const initialState: EvaluationState = { status: 'none', participant: null, selfScores: [], catalogue: [], appraisers: [], appraisals: {}, result: null, files: [] };

const evolve = (state: EvaluationState, event: EvaluationEvent): EvaluationState => {
  switch (event.type) {
    case 'SelfAssessmentDrafted':
    case 'SelfAssessmentSubmitted':
      return { ...state, participant: event.data.participant, selfScores: event.data.scores, catalogue: event.data.catalogue, status: event.type === 'SelfAssessmentDrafted' ? 'draft' : 'submitted' };
    case 'EvaluationReturned':
      // Returned for correction: the appraisals were of the old self-assessment, so they go with it.
      return { ...state, status: 'returned', appraisals: {} };
    case 'AppraisersAssigned':
      return { ...state, participant: state.participant ?? event.data.participant, appraisers: event.data.appraisers };
    case 'AppraisalSubmitted':
      return { ...state, appraisals: { ...state.appraisals, [event.data.appraiser]: event.data.scores } };
    case 'EvaluationFinalized':
    case 'EvaluationCorrected':
      return { ...state, status: 'finalized', result: event.data.result };
    case 'EvidenceFileAttached':
      return { ...state, files: [...state.files, event.data.file] };
    case 'EvidenceFileRemoved':
      return { ...state, files: state.files.filter((file) => file.fileId !== event.data.fileId) };
  }
};

/** Who appraises as whom: a council member by its member id, the Office by its user. */
export const appraiserId = (actor: Actor): string => actor.member ?? actor.sub;

/** Those who run the appraisal (assign, finalize, correct) see every appraisal of every sheet at any time. */
export const maySeeAllAppraisals = (actor: Actor) => hasRole(actor, 'office', 'leader');

/** An assigned council member or the Office may appraise. */
export const mayAppraise = (actor: Actor, state: EvaluationState): boolean =>
  hasRole(actor, 'office') || (hasRole(actor, 'council') && actor.member !== undefined && state.appraisers.includes(actor.member));

/**
 * Whether an actor may see what the appraisals of a sheet say (each one, who gave it, a provisional figure): the
 * Office and the leadership always; an appraiser once it has submitted its own (no anchoring on a colleague's
 * scores); everyone else (the participant, its head) only once the result is final.
 */
export const seesAppraisals = (actor: Actor, state: EvaluationState): boolean =>
  maySeeAllAppraisals(actor) || state.status === 'finalized' || (mayAppraise(actor, state) && appraiserId(actor) in state.appraisals);

/** What an actor may read of the appraisals: all of them when it sees them (above), else at most its own. */
export const visibleAppraisals = (actor: Actor, state: EvaluationState): Record<string, readonly AppraisalScore[]> => {
  if (seesAppraisals(actor, state)) return { ...state.appraisals };
  const own = appraiserId(actor);
  return own in state.appraisals ? { [own]: state.appraisals[own] } : {};
};

/** Who appraises a sheet is the appraisers' business (and the Office's) until the result is final. */
export const seesAppraisers = (actor: Actor, state: EvaluationState): boolean => seesAppraisals(actor, state) || mayAppraise(actor, state);

/**
 * Scores against a catalogue: the campaign's for a self-assessment; the sheet's own snapshot for appraisals and
 * corrections, since the result is computed against it (a maximum raised since cannot push a result above 100%).
 */
const checkScores = (
  scores: readonly { criterion: string; score?: number }[],
  catalogueList: readonly { code: string; maxScore: number }[],
  { complete }: { complete: boolean },
) => {
  const catalogue = new Map(catalogueList.map((each) => [each.code, each]));
  const seen = new Set<string>();
  for (const entry of scores) {
    const criterion = catalogue.get(entry.criterion) ?? refuse('unknown-criterion', `no scored criterion "${entry.criterion}" in this campaign`, { criterion: entry.criterion });
    if (seen.has(entry.criterion)) refuse('invalid-request', `criterion "${entry.criterion}" is scored twice`);
    seen.add(entry.criterion);
    if (entry.score !== undefined && entry.score > criterion.maxScore) {
      refuse('score-out-of-range', `"${entry.criterion}" is scored out of ${criterion.maxScore}`, { criterion: entry.criterion, maxScore: criterion.maxScore });
    }
  }
  const missing = [...catalogue.keys()].filter((code) => !seen.has(code));
  if (complete && missing.length > 0) refuse('incomplete-self-assessment', 'score every criterion, or mark it not applicable', { missing });
};

const decide = (command: EvaluationCommand, state: EvaluationState, context: EvaluationContext): EvaluationEvent[] => {
  const { actor, now } = context;
  const campaign = context.campaign?.definition ? context.campaign : refuse('not-found', 'no such campaign');
  if (!hasCycle(campaign.definition!, context.year)) refuse('not-found', 'this campaign has no such cycle');
  // Who the sheet is for comes from its stream; the department it counts in (so which head acts) from the roster as
  // of the cycle's review date, which the handler reads: after a move, the new head acts and the former one no longer.
  const onRoster = context.participant ?? refuse('not-found', 'no such participant on the roster that year');
  const recorded = state.participant;
  const participant = recorded && (recorded.kind !== onRoster.kind || recorded.id !== onRoster.id) ? recorded : onRoster;
  const windows = evaluationWindows(campaign, context.year, now);

  switch (command.type) {
    case 'SaveSelfAssessment': {
      requireEditable(actor, participant, state, windows);
      checkScores(command.scores.map((entry) => ({ criterion: entry.criterion, score: 'score' in entry ? entry.score : undefined })), scoredCriteria(campaign.definition!), { complete: command.submit });
      if (command.submit && command.scores.every((entry) => 'notApplicable' in entry)) refuse('nothing-applicable', 'at least one criterion must apply');
      const catalogue = scoredCriteria(campaign.definition!).map(({ code, maxScore, parent }) => ({ code, maxScore, parent }));
      checkEvidenceGiven(command.scores, state.files, catalogue);
      return [{ type: command.submit ? 'SelfAssessmentSubmitted' : 'SelfAssessmentDrafted', data: { participant, scores: [...command.scores], catalogue } }];
    }
    case 'ReturnEvaluation':
      requireOffice(actor);
      if (state.status !== 'submitted') refuse(state.status === 'finalized' ? 'evaluation-finalized' : 'not-submitted', 'only a submitted self-assessment can be returned');
      return [{ type: 'EvaluationReturned', data: { reason: command.reason } }];
    case 'AssignAppraisers': {
      requireOffice(actor);
      if (state.status === 'finalized') refuse('evaluation-finalized', 'the result is final');
      // Nobody appraises its own sheet, nor its own department's collective sheet.
      const conflicted = command.appraisers.find((appraiser) => (participant.kind === 'member' ? appraiser === participant.id : context.appraiserDepartments?.[appraiser] === participant.id));
      if (conflicted) refuse('conflict-of-interest', `"${conflicted}" may not appraise ${participant.kind === 'member' ? 'its own sheet' : "its own department's sheet"}`, { appraiser: conflicted });
      return [{ type: 'AppraisersAssigned', data: { participant, appraisers: [...new Set(command.appraisers)].sort() } }];
    }
    case 'SubmitAppraisal': {
      if (!mayAppraise(actor, state)) refuse('forbidden', 'you are not an appraiser of this participant');
      if (state.status === 'finalized') refuse('evaluation-finalized', 'the result is final');
      if (state.status !== 'submitted') refuse('not-submitted', 'there is no submitted self-assessment to appraise');
      if (windows.appraisal.status === 'closed') refuse('appraisal-closed', `appraisal closed at ${windows.appraisal.closesAt.toISOString()}`);
      checkScores(command.scores, state.catalogue, { complete: false });
      const notApplicable = new Set(state.selfScores.filter((entry) => 'notApplicable' in entry).map((entry) => entry.criterion));
      const misplaced = command.scores.find((entry) => notApplicable.has(entry.criterion));
      if (misplaced) refuse('criterion-not-applicable', `"${misplaced.criterion}" was assessed as not applicable`, { criterion: misplaced.criterion });
      // An appraisal is whole (an empty one would reveal the others for free), and once the others can be seen
      // beside it, it is final: an appraiser never revises its own after reading a colleague's.
      const scoredCodes = new Set(command.scores.map((entry) => entry.criterion));
      const missing = state.catalogue.map((each) => each.code).filter((code) => !notApplicable.has(code) && !scoredCodes.has(code));
      if (missing.length > 0) refuse('incomplete-appraisal', 'score every criterion that applies', { missing });
      const own = appraiserId(actor);
      if (own in state.appraisals && Object.keys(state.appraisals).some((appraiser) => appraiser !== own)) {
        refuse('appraisal-locked', 'the other appraisals can be read beside yours: it can no longer be revised');
      }
      return [{ type: 'AppraisalSubmitted', data: { appraiser: appraiserId(actor), scores: [...command.scores] } }];
    }
    case 'FinalizeEvaluation': {
      requireOffice(actor);
      if (state.status === 'finalized') refuse('evaluation-finalized', 'the result is already final; correct it with a reason');
      if (state.status !== 'submitted') refuse('not-submitted', 'there is no submitted self-assessment');
      const appraisals = Object.keys(state.appraisals).sort().map((appraiser) => state.appraisals[appraiser]);
      if (appraisals.length === 0) refuse('not-appraised', 'appraise before finalizing');
      const criteria = scoreCriteria(state.catalogue, state.selfScores, appraisals);
      return [{ type: 'EvaluationFinalized', data: { result: resultOf(gradeBandsOf(campaign.definition!), criteria) } }];
    }
    case 'CorrectEvaluation': {
      requireOffice(actor);
      if (state.status !== 'finalized') refuse('not-finalized', 'only a final result is corrected; before that, appraise again');
      checkScores(command.scores, state.catalogue, { complete: false });
      const corrected = new Map(command.scores.map((entry) => [entry.criterion, entry.score]));
      const maxOf = new Map(state.catalogue.map((each) => [each.code, each.maxScore]));
      const unknown = command.scores.find((entry) => !state.result!.criteria.some((each) => each.criterion === entry.criterion));
      if (unknown) refuse('criterion-not-applicable', `"${unknown.criterion}" is not part of this result`, { criterion: unknown.criterion });
      const criteria = state.result!.criteria.map(({ criterion, score }) => ({ criterion, score: corrected.get(criterion) ?? score, maxScore: maxOf.get(criterion)! }));
      return [{ type: 'EvaluationCorrected', data: { reason: command.reason, scores: [...command.scores], result: resultOf(gradeBandsOf(campaign.definition!), criteria) } }];
    }
    case 'PlanEvidenceUpload':
      requireEditable(actor, participant, state, windows);
      checkDeclaredFile(campaign.definition!, state.files, command.file);
      return [];
    case 'AttachEvidenceFile': {
      // A retried confirmation of a file already recorded changes nothing.
      if (state.files.some((file) => file.fileId === command.fileId)) return [];
      requireEditable(actor, participant, state, windows);
      checkDeclaredFile(campaign.definition!, state.files, command.file);
      checkStoredObject(command.file, command.stored);
      const { criterion, name, size, contentType, sha256 } = command.file;
      return [{ type: 'EvidenceFileAttached', data: { file: { fileId: command.fileId, criterion, name, size, contentType, sha256, attachedAt: now.toISOString(), attachedBy: actor.member ?? actor.sub } } }];
    }
    case 'RemoveEvidenceFile':
      requireEditable(actor, participant, state, windows);
      if (!state.files.some((file) => file.fileId === command.fileId)) refuse('not-found', 'no such evidence file on this sheet');
      return [{ type: 'EvidenceFileRemoved', data: { fileId: command.fileId } }];
  }
};

/**
 * A self-assessment, and its evidence files with it, changes only while it is the participant's to edit: by whoever
 * acts for the participant, never once submitted (frozen until the Office returns it) or final, within the window.
 */
const requireEditable = (actor: Actor, participant: ParticipantRef, state: EvaluationState, windows: ReturnType<typeof evaluationWindows>) => {
  if (!mayActFor(actor, participant)) refuse('forbidden', 'you may not assess this participant');
  if (state.status === 'finalized') refuse('evaluation-finalized', 'the result is final');
  if (state.status === 'submitted') refuse('already-submitted', 'submitted: only the Office can return it for correction');
  if (windows.selfAssessment.status === 'not-open') refuse('evaluation-not-open', `self-assessment opens at ${windows.selfAssessment.opensAt.toISOString()}`);
  // A sheet returned for correction (usually during appraisal) may be corrected as long as appraisal runs.
  const corrections = state.status === 'returned' && windows.appraisal.status === 'open';
  if (windows.selfAssessment.status === 'closed' && !corrections) refuse('evaluation-closed', `self-assessment closed at ${windows.selfAssessment.closesAt.toISOString()}`);
};

export const evaluationDecider: Decider<EvaluationCommand, EvaluationEvent, EvaluationState, EvaluationContext> = { initialState, evolve, decide };
