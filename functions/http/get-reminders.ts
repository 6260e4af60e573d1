import type { ReminderTarget } from '../../events/reminder';
import { hasRole } from '../../domain/actor';
import { refuse } from '../../domain/errors';
import { seesWholeOrganization, visibleDepartment } from '../../domain/policies';
import type { reminderItem } from '../projections/reminders';
import { queryViews } from '../store/views';
import { viewKeys } from '../store/view-keys';
import { httpHandler } from './handler';
import { RemindersQuery } from './reminder-request';
import { cycleParams } from './respond';
import type { RouteHandler } from './types';

type ReminderView = ReturnType<typeof reminderItem>;

/**
 * GET …/cycles/{year}/reminders[?deadline=]: every reminder sent in the cycle, one row per participant reminded, in
 * the order sent. The Office and the leadership see all; a head those of its department and its members (not an
 * appraiser's: which sheets wait for it is the blind appraisal's business).
 */
export const route: RouteHandler = async (request, deps) => {
  const { org, campaignId, year } = cycleParams.parse(request.params);
  const { deadline } = RemindersQuery.parse(request.query);
  const { actor } = request;
  if (!hasRole(actor, 'office', 'leader', 'head')) refuse('forbidden', 'this role does not read the reminders');
  const items = (await queryViews(deps, viewKeys.reminders(org, campaignId, year, '', '').pk)) as unknown as ReminderView[];
  const reminders = items
    .filter((item) => deadline === undefined || item.deadline === deadline)
    .flatMap((item) =>
      item.sends.flatMap((send) =>
        send.reminders
          // An appraiser's reminder names the sheets it has not appraised yet: the blind appraisal's business, the
          // Office's and the leadership's only, not its department head's.
          .filter((target: ReminderTarget) => visibleDepartment(actor, target.departmentId) && (target.evaluations === undefined || seesWholeOrganization(actor)))
          .map((target: ReminderTarget) => ({ deadline: item.deadline, dueDate: send.dueDate, day: item.day, sentAt: send.sentAt, trigger: send.trigger, ...target })),
      ),
    )
    .sort((a, b) => a.sentAt.localeCompare(b.sentAt));
  return { status: 200, body: { campaignId, year, reminders } };
};

export const handler = httpHandler(route);
