import { Duration, Validations } from 'aws-cdk-lib';
import { StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';
import { STREAM_SUBSCRIPTIONS } from '../routes';
import { FailureQueue } from './failure-queue';
import type { Handlers } from './functions';
import type { Tables } from './tables';

/**
 * The events table's stream, delivered to each subscription. A failing aggregate is reported as a partial batch
 * failure and retried (bisecting the batch to isolate it) without blocking the shard for long; after the retries
 * its records' position goes to the failure queue. Nothing is lost: views are recomputed from the events table,
 * so the next event of that aggregate, or a rebuild, repairs them.
 */
export class StreamSubscriptions extends Construct {
  readonly failures: FailureQueue;

  constructor(scope: Construct, id: string, props: { readonly handlers: Handlers; readonly tables: Tables }) {
    super(scope, id);
    this.failures = new FailureQueue(this, 'Failures', 'A stream batch');
    for (const subscription of STREAM_SUBSCRIPTIONS) {
      const fn = props.handlers.forEntry(subscription.entry);
      Validations.of(fn).acknowledge({
        id: 'Serverless-LambdaDLQ',
        reason: `${subscription.entry} is invoked only by its stream event source mapping, synchronously; a function dead-letter queue would never receive anything. The mapping's on-failure destination is ${id}/Failures, which alarms.`,
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
          onFailure: new SqsDlq(this.failures.queue),
        }),
      );
    }
  }
}
