import { Duration, Validations } from 'aws-cdk-lib';
import { type Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/**
 * Where work that failed for good lands, and an alarm as soon as anything does. Kept 14 days (the maximum) so an
 * operator has time to look; encrypted with SQS-managed keys, which Lambda and EventBridge Scheduler can both use.
 */
export class FailureQueue extends Construct {
  readonly queue: Queue;
  readonly alarm: Alarm;

  constructor(scope: Construct, id: string, what: string) {
    super(scope, id);
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.queue).acknowledge(
      { id: 'AwsSolutions-SQS3', reason: 'This queue is itself a dead-letter queue; a queue behind it would only hide failures.' },
      {
        id: 'Serverless-SQSRedrivePolicy',
        reason: 'This queue is itself the failure destination and has no consumer: an operator inspects and redrives its messages by hand, so nothing is received repeatedly that a redrive policy could move on.',
      },
    );
    this.alarm = this.queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }).createAlarm(this, 'Alarm', {
      alarmDescription: `${what} failed and was set aside in ${id}: inspect the queue, fix, then redrive or rebuild.`,
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}
