import { Duration, Validations } from 'aws-cdk-lib';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';
import { STREAM_SUBSCRIPTIONS, type StreamSubscription } from '../routes';
import { FailureQueue } from './failure-queue';
import type { Handlers } from './functions';
import type { Tables } from './tables';

/** The subscription's `eventTypes` as an event-source filter: Lambda drops the other records before invoking it. */
const filtersOf = ({ eventTypes }: StreamSubscription) =>
  eventTypes ? [FilterCriteria.filter({ eventName: FilterRule.isEqual('INSERT'), dynamodb: { NewImage: { type: { S: FilterRule.or(...eventTypes) } } } })] : undefined;

/**
 * The events table's stream, delivered to each subscription. A failing aggregate is reported as a partial batch
 * failure and retried (bisecting the batch to isolate it) without blocking the shard for long; after the retries
 * its records' position goes to the failure queue (one per subscription, so each alarm names what failed). Nothing
 * is lost: views are recomputed from the events table, so the next event of that aggregate, or a rebuild, repairs
 * them; a reminder set aside is still in the events table, to redrive.
 */
export class StreamSubscriptions extends Construct {
  /** Each subscription's on-failure queue, named for the alarms. */
  readonly failures: readonly { readonly name: string; readonly failures: FailureQueue }[];

  constructor(scope: Construct, id: string, props: { readonly handlers: Handlers; readonly tables: Tables }) {
    super(scope, id);
    this.failures = STREAM_SUBSCRIPTIONS.map((subscription) => ({
      name: `${subscription.name} stream records`,
      failures: new FailureQueue(this, `Failures-${subscription.name}`, `A ${subscription.name} stream record`),
    }));
    STREAM_SUBSCRIPTIONS.forEach((subscription, index) => {
      const fn = props.handlers.forEntry(subscription.entry);
      Validations.of(fn).acknowledge({
        id: 'Serverless-LambdaDLQ',
        reason: `${subscription.entry} is invoked only by its stream event source mapping, synchronously; a function dead-letter queue would never receive anything. The mapping's on-failure destination is ${id}/Failures-${subscription.name}, which alarms.`,
      });
      fn.addEventSource(
        new DynamoEventSource(props.tables.events, {
          startingPosition: StartingPosition.TRIM_HORIZON,
          batchSize: subscription.batchSize,
          // A short wait fills batches, so several events of one aggregate coalesce into one view write.
          maxBatchingWindow: Duration.seconds(subscription.batchingWindowSeconds),
          bisectBatchOnError: true,
          reportBatchItemFailures: true,
          retryAttempts: 10,
          // A view six hours behind means something is broken: alarm rather than let the shard stall until the stream trims.
          maxRecordAge: Duration.hours(6),
          onFailure: new SqsDlq(this.failures[index].failures.queue),
          filters: filtersOf(subscription),
        }),
      );
    });
  }
}
