import * as z from 'zod';
import { AppraisalScore, FinalScore, SelfScore } from '../../events/evaluation';
import { slug, text } from '../../events/text';
import { type EvaluationCommand, evaluationDecider } from '../../domain/evaluation/decider';
import { refuse } from '../../domain/errors';
import { executeCommand } from '../command';
import { loadParticipantReference } from '../reference';
import { commandRequest, statusFor } from './command-request';
import { evaluationPath, evaluationStreamId, sheetResponse } from './evaluation-sheet';
import { httpHandler } from './handler';
import type { HttpRequest, RouteHandler } from './types';

const SelfAssessmentBody = z.strictObject({
  participantKind: z.enum(['department', 'member']),
  submit: z.boolean().default(false),
  scores: z.array(SelfScore).max(200),
});
const Reason = text(2000);

/** Each evaluation command: its path suffix, and how its body becomes a command (and names the participant's kind). */
const COMMANDS: Record<string, (body: unknown) => { command: EvaluationCommand; kind?: 'department' | 'member' }> = {
  'PUT self-assessment': (body) => {
    const { participantKind, submit, scores } = SelfAssessmentBody.parse(body);
    return { command: { type: 'SaveSelfAssessment', scores, submit }, kind: participantKind };
  },
  'POST return': (body) => ({ command: { type: 'ReturnEvaluation', reason: z.strictObject({ reason: Reason }).parse(body).reason } }),
  'PUT appraisers': (body) => ({ command: { type: 'AssignAppraisers', appraisers: z.strictObject({ appraisers: z.array(slug).max(50) }).parse(body).appraisers } }),
  'PUT appraisal': (body) => ({ command: { type: 'SubmitAppraisal', scores: z.strictObject({ scores: z.array(AppraisalScore).max(200) }).parse(body).scores } }),
  'POST finalize': (body) => {
    z.strictObject({}).optional().parse(body);
    return { command: { type: 'FinalizeEvaluation' } };
  },
  'POST correct': (body) => {
    const { reason, scores } = z.strictObject({ reason: Reason, scores: z.array(FinalScore).min(1).max(200) }).parse(body);
    return { command: { type: 'CorrectEvaluation', reason, scores } };
  },
};

const commandOf = (request: HttpRequest) => {
  const action = request.path.slice(request.path.lastIndexOf('/') + 1);
  const parse = COMMANDS[`${request.method} ${action}`] ?? refuse('not-found', `no evaluation action "${action}"`);
  return parse(request.body);
};

/**
 * The evaluation of one participant in one cycle, one aggregate: self-assessment (draft, submit), return for
 * correction, appraisers, appraisals, finalization, correction. One Lambda for all of them; the path's last
 * segment says which. Answers the score sheet as the caller may see it.
 */
export const route: RouteHandler = async (request, deps) => {
  const { org, campaignId, year, participantId, kindHint } = evaluationPath(request);
  const { command, kind } = commandOf(request);
  const reference = await loadParticipantReference(deps, org, campaignId, participantId, kind ?? kindHint);
  const participant = reference.participant ?? refuse('not-found', 'no such participant on the roster');
  const id = evaluationStreamId(org, campaignId, year, participant.kind, participantId);
  const context = { actor: request.actor, now: deps.now(), year, ...reference };
  const result = await executeCommand(deps, evaluationDecider, id, command, context, commandRequest(request));
  return sheetResponse(result.events, request.actor, statusFor(result.event));
};

export const handler = httpHandler(route);
