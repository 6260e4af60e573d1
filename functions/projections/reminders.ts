import type { StoredEvent, StreamId } from '../../events/envelope';
import type { ReminderEvent } from '../../events/reminder';
import { viewKeys } from '../store/view-keys';

/** `<campaignId>:<year>:<deadline>:<day>`: the reminders of one deadline on one local day. */
export const reminderAggregateId = (campaignId: string, year: number, deadline: string, day: string) => `${campaignId}:${year}:${deadline}:${day}`;

/**
 * Each page of reminders sent (one event) is an item of its own, with when, how (schedule or by hand) and by whom:
 * a run of 5,000 people is twenty items of at most REMINDER_PAGE_WEIGHT, never one that grows with the agency.
 */
export const reminderItems = (id: StreamId, events: readonly StoredEvent[]) => {
  const [campaignId, year, deadline, day] = id.id.split(':');
  return (events as unknown as (ReminderEvent & StoredEvent)[]).map((event) => ({
    ...viewKeys.reminderPage(id.org, campaignId, Number(year), deadline, day, event.version),
    version: event.version,
    campaignId,
    year: Number(year),
    deadline,
    day,
    sentAt: event.meta.at,
    sentBy: event.meta.actor.sub,
    trigger: event.data.trigger,
    dueDate: event.data.dueDate,
    reminders: event.data.reminders,
  }));
};
export type ReminderPageItem = ReturnType<typeof reminderItems>[number];
