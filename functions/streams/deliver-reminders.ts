import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { parseStreamKey } from '../../events/envelope';
import type { ReminderEvent } from '../../events/reminder';
import type { Deps } from '../deps';
import { embeddedMetrics } from '../metrics';
import { notifyingLambdaDeps } from '../notify/lambda';
import { deliverAll } from '../notify/notifier';
import { loadRoster, reminderMessages } from '../notify/reminder-messages';
import { campaignStateOf } from '../reference';
import { loadEvent } from '../store/event-store';
import { batchGetViews } from '../store/views';
import { viewKeys } from '../store/view-keys';

type RemindersSent = Extract<ReminderEvent, { type: 'RemindersSent' }>;

/**
 * Sends the e-mails of one RemindersSent event. The event is read back from the table by its key (the stream image
 * is DynamoDB JSON; the store already knows how to read its own items), the names, addresses and campaign title
 * from the views, as they are when the reminder goes out.
 */
const deliverRecord = async (deps: Deps, record: DynamoDBRecord) => {
  const pk = record.dynamodb!.NewImage!.pk.S!;
  const version = Number(record.dynamodb!.NewImage!.sk.N);
  const id = parseStreamKey(pk);
  const event = (await loadEvent(deps, pk, version)) as (RemindersSent & { version: number }) | undefined;
  if (!event) throw new Error(`${pk} has no version ${version}`);
  const [campaignId, year] = id.id.split(':'); // reminderAggregateId: campaign, year, deadline, day
  const [roster, [campaign]] = await Promise.all([loadRoster(deps, id.org, Number(year)), batchGetViews(deps, [viewKeys.campaign(id.org, campaignId)])]);
  const { deadline, dueDate, day, reminders } = event.data;
  const campaignTitle = campaignStateOf(campaign)?.definition?.title ?? campaignId;
  const { messages } = reminderMessages(reminders, roster, { deadline, dueDate, day, year: Number(year), campaignTitle });
  if (!deps.notifier) {
    if (messages.length > 0) deps.log('warn', 'reminders recorded but not sent: no notifier is configured', { pk, messages: messages.length });
    return true;
  }
  const report = await deliverAll(deps.notifier, messages, deps.log);
  deps.log('info', 'reminders delivered', { pk, ...report });
  return report.failed === 0;
};

/**
 * The reminders' delivery: each RemindersSent event on the stream (the subscription's filter lets no other type in)
 * becomes its e-mails. At least once: a record with a send that failed for now (or that throws) is reported as a
 * batch item failure, so the event source delivers it again, after its retries to the subscription's failure queue.
 * A retry sends all of that event's messages again, so a recipient may get one twice; never none without an alarm.
 * A message refused for good (Undeliverable) is logged and not retried.
 */
export const handleRecords = async (deps: Deps, records: readonly DynamoDBRecord[]): Promise<DynamoDBBatchResponse> => {
  // A record delivered twice within a batch is sent once.
  const unique = [...new Map(records.map((record) => [record.dynamodb!.SequenceNumber!, record])).values()];
  for (const record of unique) {
    const sent = await deliverRecord(deps, record).catch((error: unknown) => {
      deps.log('error', 'reminder delivery failed', { sequenceNumber: record.dynamodb!.SequenceNumber, error: String(error) });
      return false;
    });
    // Everything after a failed record comes again with it: stop here rather than send those twice.
    if (!sent) return outcome(deps, records, [record.dynamodb!.SequenceNumber!]);
  }
  return outcome(deps, records, []);
};

/** Logged per batch with the projector's metric names (infra/aws/metrics.ts): the same failure alarm watches both. */
const outcome = (deps: Deps, records: readonly DynamoDBRecord[], failures: string[]): DynamoDBBatchResponse => {
  deps.log('info', 'reminder batch', embeddedMetrics({ projector: 'reminders' }, { Records: { value: records.length, unit: 'Count' }, Failures: { value: failures.length, unit: 'Count' } }));
  return { batchItemFailures: failures.map((itemIdentifier) => ({ itemIdentifier })) };
};

export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => handleRecords(notifyingLambdaDeps(), event.Records);
