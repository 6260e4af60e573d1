import { refuse } from '../../domain/errors';
import { requireOffice } from '../../domain/policies';
import { recordReminders } from '../notify/reminders';
import { campaignStateOf } from '../reference';
import { batchGetViews } from '../store/views';
import { viewKeys } from '../store/view-keys';
import { withinBudget } from './budget-page';
import { commandRequest } from './command-request';
import { httpHandler } from './handler';
import { RemindBody } from './reminder-request';
import { cycleParams } from './respond';
import type { RouteHandler } from './types';

/**
 * POST …/cycles/{year}/reminders: the Office reminds by hand (one click on the registration board). Answers who was
 * reminded, who was skipped and why (acted already, or reminded earlier today), and how many messages are queued:
 * they leave from the event stream after the answer, so a large group does not hold the request.
 */
const LIST_BUDGET_BYTES = 300_000;

export const route: RouteHandler = async (request, deps) => {
  const { org, campaignId, year } = cycleParams.parse(request.params);
  const { deadline, participantIds } = RemindBody.parse(request.body);
  requireOffice(request.actor);
  const [item] = await batchGetViews(deps, [viewKeys.campaign(org, campaignId)]);
  const campaign = campaignStateOf(item) ?? refuse('not-found', 'no such campaign');
  const outcome = await recordReminders(deps, { org, campaignId, campaign, year, deadline, only: participantIds && [...new Set(participantIds)], request: commandRequest(request) });
  // A run of 5,000 would answer some 500 KB of names: the lists stop at a budget, the counts say how many in all,
  // and GET …/reminders pages through every one.
  const reminded = withinBudget(outcome.reminded, { budget: LIST_BUDGET_BYTES }).taken;
  const skipped = withinBudget(outcome.skipped, { budget: LIST_BUDGET_BYTES }).taken;
  return { status: 200, body: { campaignId, year, ...outcome, reminded, remindedCount: outcome.reminded.length, skipped, skippedCount: outcome.skipped.length } };
};

export const handler = httpHandler(route);
