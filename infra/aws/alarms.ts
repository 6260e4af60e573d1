import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { type Alarm, ComparisonOperator, MathExpression, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { Watched } from './metrics';

/** How far behind the events table a projector may fall before someone is told: views a few minutes stale at the deadline are noticed. */
export const ITERATOR_AGE_THRESHOLD = Duration.minutes(5);

/** The API 5xx rate (percent of requests) that alarms, once at least MIN_ERRORS server errors occurred in the period. */
export const SERVER_ERROR_RATE_PERCENT = 5;
const MIN_ERRORS = 5;

export interface AlarmsProps {
  readonly watched: Watched;
  /** Where the alarms are e-mailed (context `thidua:alarmEmail`); without it, subscribe to the topic by other means. */
  readonly email?: string;
}

/**
 * Every alarm of the stack, and the one topic they all notify (on alarm and on recovery). The failure queues bring
 * their own alarm (failure-queue.ts), one per queue; this construct only points it at the topic.
 */
export class Alarms extends Construct {
  readonly topic: Topic;
  readonly serverErrorRate: Alarm;
  readonly iteratorAge: readonly Alarm[];
  readonly projectorFailures: readonly Alarm[];
  readonly failureQueues: readonly Alarm[];
  readonly undeliverableFailures: Alarm;
  /** All of the above, for the dashboard's status widget. */
  readonly all: readonly Alarm[];

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    const { watched } = props;

    // A key of our own: CloudWatch cannot publish to a topic under the AWS-managed SNS key, whose policy cannot
    // name it. It protects notifications in flight only, so it goes with the stack (after a 7-day wait).
    const key = new Key(this, 'TopicKey', {
      description: 'Encrypts the alarm notifications of thidua',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    // Who may publish is the topic's policy (this account only); the key only lets CloudWatch encrypt what it may publish.
    key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsPublishToTheEncryptedTopic',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    this.topic = new Topic(this, 'Topic', { displayName: 'thidua alarms', masterKey: key, enforceSSL: true });
    if (props.email) {
      const subscription = this.topic.addSubscription(new EmailSubscription(props.email));
      Validations.of(subscription).acknowledge({
        id: 'Serverless-SNSRedrivePolicy',
        reason: `The subscriber is a person's mailbox (context thidua:alarmEmail). A dead-letter queue for undeliverable alarm e-mails would have nobody to tell but that mailbox; the alarm itself stays in ALARM on the dashboard.`,
      });
    }
    const action = new SnsAction(this.topic);
    const notify = (alarm: Alarm) => {
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
      return alarm;
    };

    // The API's 5xx rate from API Gateway's own metrics, not from the handlers' embedded `Requests{outcome=5xx}`:
    // API Gateway also counts the 5xx that no handler logged: a function that timed out, crashed, ran out of memory
    // or failed to start, a Lambda throttle, an integration error. The EMF metrics (per route) are on the dashboard
    // to find where; this alarm says that. Below MIN_ERRORS errors in the period it stays quiet, so one failed
    // request at 3 a.m. (1 of 2 = 50%) does not page anyone; a total outage at low traffic still does.
    const api = watched.api;
    this.serverErrorRate = notify(
      new MathExpression({
        expression: `IF(errors >= ${MIN_ERRORS}, 100 * errors / requests, 0)`,
        usingMetrics: { errors: api.metricServerError({ statistic: 'Sum' }), requests: api.metricCount({ statistic: 'SampleCount' }) },
        period: Duration.minutes(5),
        label: 'API 5xx rate (%)',
      }).createAlarm(this, 'ApiServerErrorRate', {
        alarmDescription: `More than ${SERVER_ERROR_RATE_PERCENT}% of API requests answered 5xx over 5 minutes (at least ${MIN_ERRORS} errors). See the dashboard's 5xx-by-route graph, then the function's logs by requestId.`,
        threshold: SERVER_ERROR_RATE_PERCENT,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );

    this.iteratorAge = watched.projectors.map((projector) =>
      notify(
        projector.iteratorAge.createAlarm(this, `IteratorAge-${projector.subscription.name}`, {
          alarmDescription: `${projector.subscription.name} is more than ${ITERATOR_AGE_THRESHOLD.toMinutes()} minutes behind the events table for 3 minutes: what it does after an append (views, reminder e-mails) is late. Check its errors, throttles and duration.`,
          threshold: ITERATOR_AGE_THRESHOLD.toMilliseconds(),
          comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
          evaluationPeriods: 3,
          datapointsToAlarm: 3,
          // No records, no invocation, no datapoint: an idle projector is not behind.
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      ),
    );

    this.projectorFailures = watched.projectors.map((projector) =>
      notify(
        projector.failures.with({ period: Duration.minutes(5) }).createAlarm(this, `ProjectorFailures-${projector.subscription.name}`, {
          alarmDescription: `${projector.subscription.name} reported failed records in two 5-minute windows running: the stream retries them (bisecting the batch) and after 10 retries sets them aside in its failure queue. Look for "view write failed" or "reminder delivery failed" and "a message was not delivered" in its logs.`,
          threshold: 0,
          comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
          // One window with a failure is a retried throttle; two running is something that does not go away.
          evaluationPeriods: 2,
          datapointsToAlarm: 2,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      ),
    );

    this.failureQueues = watched.failureQueues.map(({ failures }) => notify(failures.alarm));

    // The failure paths themselves: a stream batch or a scheduled run that failed and then could not be set aside
    // is lost without a trace in any queue.
    const lambdaDeliveryFailures = Object.fromEntries(
      [...watched.projectors.map((projector) => projector.fn), ...watched.scheduled.map((scheduled) => scheduled.fn)].map((fn, index) => [
        `lambda${index}`,
        fn.metric('DestinationDeliveryFailures', { statistic: 'Sum' }),
      ]),
    );
    const usingMetrics = { ...lambdaDeliveryFailures, scheduler: watched.scheduleGroup.metricFailedToBeSentToDLQ(undefined, { statistic: 'Sum' }) };
    this.undeliverableFailures = notify(
      new MathExpression({
        expression: Object.keys(usingMetrics)
          .map((name) => `FILL(${name}, 0)`)
          .join(' + '),
        usingMetrics,
        period: Duration.minutes(5),
        label: 'failures that could not be set aside',
      }).createAlarm(this, 'UndeliverableFailures', {
        alarmDescription: 'A failed stream batch or scheduled run could not be sent to its failure queue (Lambda DestinationDeliveryFailures or Scheduler InvocationsFailedToBeSentToDeadLetterCount): check the queue policy, its encryption and the roles.',
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );

    this.all = [this.serverErrorRate, ...this.iteratorAge, ...this.projectorFailures, ...this.failureQueues, this.undeliverableFailures];
  }
}
