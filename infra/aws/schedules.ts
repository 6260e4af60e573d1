import { Aws, Duration, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Schedule, ScheduleExpression, ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import { SCHEDULE_TIME_ZONE, SCHEDULES } from '../routes';
import { FailureQueue } from './failure-queue';
import type { Handlers } from './functions';

/**
 * The yearly calendar: one EventBridge Scheduler schedule per SCHEDULES entry, at its wall-clock time in
 * Asia/Ho_Chi_Minh. Scheduler invokes Lambda asynchronously, so failures come from two places and both land in one
 * queue: Scheduler's (it could not invoke) and Lambda's (the run threw, after Lambda's own retries). The jobs are
 * idempotent and catch up on the next run, so a retry or a late run is harmless.
 */
export class Schedules extends Construct {
  readonly failures: FailureQueue;
  /** This app's schedules only, so that Scheduler's metrics (per group) are this app's and no one else's. */
  readonly group: ScheduleGroup;

  constructor(scope: Construct, id: string, handlers: Handlers) {
    super(scope, id);
    this.failures = new FailureQueue(this, 'Failures', 'A scheduled run');
    this.group = new ScheduleGroup(this, 'Group');
    const timeZone = TimeZone.of(SCHEDULE_TIME_ZONE);
    // One role for all schedules (instead of one per target), assumable by Scheduler for this account only.
    const role = new Role(this, 'InvokeRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com').withConditions({ StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } }),
    });
    for (const entry of new Set(SCHEDULES.map((spec) => spec.entry))) {
      const fn = handlers.forEntry(entry);
      fn.configureAsyncInvoke({
        retryAttempts: 2,
        maxEventAge: Duration.hours(1),
        onFailure: new SqsDestination(this.failures.queue),
      });
      Validations.of(fn).acknowledge({
        id: 'Serverless-LambdaDLQ',
        reason: `${entry} has an on-failure destination for its asynchronous invocations (${id}/Failures, alarmed), which supersedes a dead-letter queue and records the error with the event.`,
      });
      const logicalId = Stack.of(this).resolve((fn.node.defaultChild as CfnFunction).logicalId);
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>:*]`,
        reason: `LambdaInvoke grants lambda:InvokeFunction on ${entry} and its versions and aliases (:*); it reaches no other function.`,
      });
    }
    for (const spec of SCHEDULES) {
      const { hour, minute, day, month } = spec.at;
      new Schedule(this, spec.name, {
        description: `${spec.name} (${spec.entry})`,
        scheduleGroup: this.group,
        schedule: ScheduleExpression.cron({
          minute: String(minute),
          hour: String(hour),
          ...(day === undefined ? {} : { day: String(day) }),
          ...(month === undefined ? {} : { month: String(month) }),
          timeZone,
        }),
        target: new LambdaInvoke(handlers.forEntry(spec.entry), {
          role,
          deadLetterQueue: this.failures.queue,
          retryAttempts: 3,
          maxEventAge: Duration.hours(1),
        }),
      });
    }
  }
}
