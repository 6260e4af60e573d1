import type { ReminderTarget } from '../../events/reminder';
import { hasRole } from '../../domain/actor';
import { refuse } from '../../domain/errors';
import { seesWholeOrganization, visibleDepartment } from '../../domain/policies';
import type { ReminderPageItem } from '../projections/reminders';
import { queryViewPage } from '../store/views';
import { reminderPartition } from '../store/view-keys';
import { ANSWER_BUDGET_BYTES } from './budget-page';
import { httpHandler } from './handler';
import { RemindersQuery } from './reminder-request';
import { cycleParams } from './respond';
import type { RouteHandler } from './types';

/** Pages of reminders read a Query at a time: each at most REMINDER_PAGE_WEIGHT rows. */
const ITEMS_PER_QUERY = 8;

/**
 * GET …/cycles/{year}/reminders[?deadline=][&afterPage=]: the reminders sent in the cycle, one row per participant
 * reminded, deadline by deadline, in the order sent. The Office and the leadership see all; a head those of its
 * department and its members (not an appraiser's: which sheets wait for it is the blind appraisal's business).
 * The answer stops at a page of reminders before its size passes the budget: `nextCursor` reads on from there.
 */
export const route: RouteHandler = async (request, deps) => {
  const { org, campaignId, year } = cycleParams.parse(request.params);
  const { deadline, afterPage } = RemindersQuery.parse(request.query);
  const { actor } = request;
  if (!hasRole(actor, 'office', 'leader', 'head')) refuse('forbidden', 'this role does not read the reminders');
  const reminders: Record<string, unknown>[] = [];
  let bytes = 0;
  let cursor = afterPage;
  for (;;) {
    const { items, last } = await queryViewPage(deps, reminderPartition(org, campaignId, year), { skPrefix: deadline === undefined ? '' : `${deadline}:`, after: cursor, limit: ITEMS_PER_QUERY });
    for (const item of items as unknown as (ReminderPageItem & { sk: string })[]) {
      const rows = item.reminders
        // An appraiser's reminder names the sheets it has not appraised yet: the blind appraisal's business, the
        // Office's and the leadership's only, not its department head's.
        .filter((target: ReminderTarget) => visibleDepartment(actor, target.departmentId) && (target.evaluations === undefined || seesWholeOrganization(actor)))
        .map((target: ReminderTarget) => ({ deadline: item.deadline, dueDate: item.dueDate, day: item.day, sentAt: item.sentAt, trigger: item.trigger, ...target }));
      const size = Buffer.byteLength(JSON.stringify(rows));
      if (reminders.length > 0 && bytes + size > ANSWER_BUDGET_BYTES) return { status: 200, body: { campaignId, year, reminders, nextCursor: cursor } };
      reminders.push(...rows);
      bytes += size;
      cursor = item.sk;
    }
    if (last === undefined) return { status: 200, body: { campaignId, year, reminders, nextCursor: null } };
  }
};

export const handler = httpHandler(route);
