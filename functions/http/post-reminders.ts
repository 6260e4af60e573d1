import { refuse } from '../../domain/errors';
import { requireOffice } from '../../domain/policies';
import { recordReminders } from '../notify/reminders';
import { campaignStateOf } from '../reference';
import { batchGetViews } from '../store/views';
import { viewKeys } from '../store/view-keys';
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
export const route: RouteHandler = async (request, deps) => {
  const { org, campaignId, year } = cycleParams.parse(request.params);
  const { deadline, participantIds } = RemindBody.parse(request.body);
  requireOffice(request.actor);
  const [item] = await batchGetViews(deps, [viewKeys.campaign(org, campaignId)]);
  const campaign = campaignStateOf(item) ?? refuse('not-found', 'no such campaign');
  const outcome = await recordReminders(deps, { org, campaignId, campaign, year, deadline, only: participantIds && [...new Set(participantIds)], request: commandRequest(request) });
  return { status: 200, body: { campaignId, year, ...outcome } };
};

export const handler = httpHandler(route);
