import { type EvaluationCommand, evaluationDecider } from '../../domain/evaluation/decider';
import { refuse } from '../../domain/errors';
import { executeCommand } from '../command';
import type { Deps } from '../deps';
import { batchGetViews } from '../store/views';
import { viewKeys } from '../store/view-keys';
import { commandRequest, statusFor } from './command-request';
import { AppraisalBody, AppraisersBody, CorrectionBody, SelfAssessmentBody } from './evaluation-request';
import { evaluationPath, sheetResponse } from './evaluation-sheet';
import { loadEvaluationTarget } from './evaluation-target';
import { httpHandler } from './handler';
import { NoBody, ReasonBody } from './respond';
import type { HttpRequest, RouteHandler } from './types';

/** Each evaluation command: its path suffix, and how its body becomes a command (and names the participant's kind). */
const COMMANDS: Record<string, (body: unknown) => { command: EvaluationCommand; kind?: 'department' | 'member' }> = {
  'PUT self-assessment': (body) => {
    const { participantKind, submit, scores } = SelfAssessmentBody.parse(body);
    return { command: { type: 'SaveSelfAssessment', scores, submit }, kind: participantKind };
  },
  'POST return': (body) => ({ command: { type: 'ReturnEvaluation', reason: ReasonBody.parse(body).reason } }),
  'PUT appraisers': (body) => ({ command: { type: 'AssignAppraisers', appraisers: AppraisersBody.parse(body).appraisers } }),
  'PUT appraisal': (body) => ({ command: { type: 'SubmitAppraisal', scores: AppraisalBody.parse(body).scores } }),
  'POST finalize': (body) => {
    NoBody.parse(body);
    return { command: { type: 'FinalizeEvaluation' } };
  },
  'POST correct': (body) => {
    const { reason, scores } = CorrectionBody.parse(body);
    return { command: { type: 'CorrectEvaluation', reason, scores } };
  },
};

const commandOf = (request: HttpRequest) => {
  const action = request.path.slice(request.path.lastIndexOf('/') + 1);
  const parse = COMMANDS[`${request.method} ${action}`] ?? refuse('not-found', `no evaluation action "${action}"`);
  return parse(request.body);
};

/**
 * Each appraiser's department on the roster (one BatchGetItem, beside the reference read), for the conflict-of-
 * interest rule; an appraiser who is not on the roster as a member is refused (400 unknown-member).
 */
const departmentsOf = async (deps: Deps, org: string, memberIds: readonly string[]) => {
  const items = memberIds.length === 0 ? [] : await batchGetViews(deps, memberIds.map((memberId) => viewKeys.member(org, memberId)));
  const departments: Record<string, string> = Object.fromEntries(items.flatMap((item) => (item ? [[item.sk, item.departmentId as string]] : [])));
  const unknown = memberIds.filter((memberId) => !(memberId in departments));
  if (unknown.length > 0) refuse('unknown-member', `not on the roster as members: ${unknown.join(', ')}`);
  return departments;
};

/**
 * The evaluation of one participant in one cycle, one aggregate: self-assessment (draft, submit), return for
 * correction, appraisers, appraisals, finalization, correction. One Lambda for all of them; the path's last
 * segment says which. Answers the score sheet as the caller may see it.
 */
export const route: RouteHandler = async (request, deps) => {
  const { org } = evaluationPath(request);
  const { command, kind } = commandOf(request);
  const [{ id, context }, appraiserDepartments] = await Promise.all([
    loadEvaluationTarget(request, deps, kind),
    command.type === 'AssignAppraisers' ? departmentsOf(deps, org, command.appraisers) : undefined,
  ]);
  const result = await executeCommand(deps, evaluationDecider, id, command, { ...context, appraiserDepartments }, commandRequest(request));
  return sheetResponse(result.events, request.actor, statusFor(result.event));
};

export const handler = httpHandler(route);
