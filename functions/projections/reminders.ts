import type { StoredEvent, StreamId } from '../../events/envelope';
import type { ReminderEvent } from '../../events/reminder';
import { viewKeys } from '../store/view-keys';

/** `<campaignId>:<year>:<deadline>:<day>`: the reminders of one deadline on one local day. */
export const reminderAggregateId = (campaignId: string, year: number, deadline: string, day: string) => `${campaignId}:${year}:${deadline}:${day}`;

/** Every send of that deadline and day, with when, how (schedule or by hand) and by whom. */
export const reminderItem = (id: StreamId, events: readonly StoredEvent[]) => {
  const [campaignId, year, deadline, day] = id.id.split(':');
  const sends = (events as unknown as (ReminderEvent & StoredEvent)[]).map((event) => ({
    sentAt: event.meta.at,
    sentBy: event.meta.actor.sub,
    trigger: event.data.trigger,
    dueDate: event.data.dueDate,
    reminders: event.data.reminders,
  }));
  return { ...viewKeys.reminders(id.org, campaignId, Number(year), deadline, day), version: events[events.length - 1].version, campaignId, year: Number(year), deadline, day, sends };
};
