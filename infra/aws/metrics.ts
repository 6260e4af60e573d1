import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { MathExpression, Metric, type MetricOptions, Stats } from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { NAMESPACE } from '../../functions/metrics';
import { SCHEDULES, STREAM_SUBSCRIPTIONS, type StreamSubscription } from '../routes';
import type { Api } from './api';
import type { FailureQueue } from './failure-queue';
import type { Handlers } from './functions';

/**
 * The `projector` dimension each stream subscription's handler writes in its embedded metrics (see
 * functions/streams/project-views.ts and deliver-reminders.ts). A subscription missing here fails synthesis, so its metrics are not silently
 * absent from the dashboard and the alarms.
 */
const PROJECTOR_DIMENSION: Readonly<Record<string, string>> = { 'project-views': 'views', 'deliver-reminders': 'reminders', 'follow-roster': 'accounts' };

export const projectorDimension = (subscription: StreamSubscription) => {
  const value = PROJECTOR_DIMENSION[subscription.name];
  if (!value) throw new Error(`no projector metric dimension for stream subscription ${subscription.name}: add it to PROJECTOR_DIMENSION`);
  return value;
};

/** A metric the handlers log in embedded metric format (functions/metrics.ts). */
export const handlerMetric = (metricName: string, dimensionsMap: Record<string, string>, options: MetricOptions = {}) =>
  new Metric({ namespace: NAMESPACE, metricName, dimensionsMap, statistic: Stats.SUM, period: Duration.minutes(1), ...options });

/** One projector: its function, the metrics it logs per batch, and Lambda's own metrics of its stream mapping. */
export interface Projector {
  readonly subscription: StreamSubscription;
  readonly fn: IFunction;
  /** How far behind the stream the projector is, in milliseconds (Lambda's metric, per function). */
  readonly iteratorAge: Metric;
  readonly records: Metric;
  readonly viewWrites: Metric;
  readonly failures: Metric;
  /** View writes per stream record, over each period: coalescing at work (the goal under a burst is ≤ 0.1). */
  readonly writesPerRecord: MathExpression;
}

/** Everything the alarms and the dashboard watch, built once from the stack's constructs. */
export interface Watched {
  readonly api: HttpApi;
  readonly projectors: readonly Projector[];
  readonly scheduled: readonly { readonly entry: string; readonly fn: IFunction }[];
  readonly scheduleGroup: ScheduleGroup;
  readonly failureQueues: readonly { readonly name: string; readonly failures: FailureQueue }[];
}

export const watched = (props: {
  readonly api: Api;
  readonly handlers: Handlers;
  readonly scheduleGroup: ScheduleGroup;
  readonly failureQueues: Watched['failureQueues'];
}): Watched => ({
  api: props.api.httpApi,
  projectors: STREAM_SUBSCRIPTIONS.map((subscription): Projector => {
    const fn = props.handlers.forEntry(subscription.entry);
    const dimensions = { projector: projectorDimension(subscription) };
    const records = handlerMetric('Records', dimensions);
    const viewWrites = handlerMetric('ViewWrites', dimensions);
    const ratioPeriod = { period: Duration.minutes(5) };
    return {
      subscription,
      fn,
      iteratorAge: fn.metric('IteratorAge', { statistic: Stats.MAXIMUM, period: Duration.minutes(1) }),
      records,
      viewWrites,
      failures: handlerMetric('Failures', dimensions),
      writesPerRecord: new MathExpression({
        expression: 'IF(records > 0, writes / records, 0)',
        usingMetrics: { records: records.with(ratioPeriod), writes: viewWrites.with(ratioPeriod) },
        ...ratioPeriod,
        label: `${subscription.name} view writes per record`,
      }),
    };
  }),
  scheduled: [...new Set(SCHEDULES.map((spec) => spec.entry))].map((entry) => ({ entry, fn: props.handlers.forEntry(entry) })),
  scheduleGroup: props.scheduleGroup,
  failureQueues: props.failureQueues,
});
