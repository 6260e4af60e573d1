import { Duration, Stack } from 'aws-cdk-lib';
import {
  AlarmStatusWidget,
  Dashboard as CloudWatchDashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Stats,
  TextWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { NAMESPACE } from '../../functions/metrics';
import { ROUTES } from '../routes';
import { type Alarms, ITERATOR_AGE_THRESHOLD, SERVER_ERROR_RATE_PERCENT } from './alarms';
import { handlerMetric, type Watched } from './metrics';

export interface DashboardProps {
  readonly watched: Watched;
  readonly alarms: Alarms;
}

const PERIOD = Duration.minutes(1);

/** A Metrics Insights query over the handlers' per-route metrics: one line per route, every route of the table. */
const byRoute = (select: string, where = '') =>
  new MathExpression({
    expression: `SELECT ${select} FROM SCHEMA("${NAMESPACE}", outcome, route)${where ? ` WHERE ${where}` : ''} GROUP BY route ORDER BY ${select.replace(/\(.*/, '')}() DESC LIMIT ${ROUTES.length}`,
    period: PERIOD,
    label: '',
  });

const graph = (title: string, left: IMetric[], extra: Partial<ConstructorParameters<typeof GraphWidget>[0]> = {}) =>
  new GraphWidget({ title, left, width: 12, height: 6, period: PERIOD, ...extra });

/**
 * One page for the deadline: is the API answering, how fast, where it fails; is the projector keeping up and
 * coalescing; has anything been set aside; did the schedules run. Per-route figures come from the handlers'
 * embedded metrics (API Gateway's own per-route metrics would need paid detailed metrics on the stage); totals,
 * latency percentiles and the 5xx that never reached a handler come from API Gateway.
 */
export class Dashboard extends Construct {
  readonly dashboard: CloudWatchDashboard;

  constructor(scope: Construct, id: string, props: DashboardProps) {
    super(scope, id);
    const { watched, alarms } = props;
    const api = watched.api;
    const stat = { statistic: Stats.SUM, period: PERIOD };

    this.dashboard = new CloudWatchDashboard(this, 'Dashboard', {
      dashboardName: Stack.of(this).stackName,
      defaultInterval: Duration.hours(6),
    });

    this.dashboard.addWidgets(
      new TextWidget({
        markdown: [
          `# ${Stack.of(this).stackName}`,
          `API 5xx alarm above ${SERVER_ERROR_RATE_PERCENT}% · projector alarm at ${ITERATOR_AGE_THRESHOLD.toMinutes()} min behind · any message in a failure queue alarms.`,
          'Per-route graphs read the handlers\' embedded metrics (namespace `thidua`); a 5xx counted by API Gateway but by no route means the function never answered (timeout, crash, throttle).',
        ].join('\n\n'),
        width: 24,
        height: 3,
      }),
    );
    this.dashboard.addWidgets(new AlarmStatusWidget({ title: 'Alarms', alarms: [...alarms.all], width: 24, height: 4 }));

    // The API as API Gateway sees it.
    this.dashboard.addWidgets(
      graph('API requests and errors (API Gateway)', [
        api.metricCount({ statistic: Stats.SAMPLE_COUNT, period: PERIOD, label: 'requests' }),
        api.metricClientError({ ...stat, label: '4xx' }),
        api.metricServerError({ ...stat, label: '5xx' }),
      ]),
      graph(
        'API latency (API Gateway, ms)',
        [
          api.metricLatency({ statistic: Stats.percentile(50), period: PERIOD, label: 'p50' }),
          api.metricLatency({ statistic: Stats.percentile(99), period: PERIOD, label: 'p99' }),
          api.metricIntegrationLatency({ statistic: Stats.percentile(99), period: PERIOD, label: 'integration p99' }),
        ],
      ),
    );

    // The API per route, as the handlers log it.
    this.dashboard.addWidgets(
      graph('Requests by route (handlers)', [byRoute('SUM(Requests)')]),
      graph('5xx by route (handlers)', [byRoute('SUM(Requests)', "outcome = '5xx'")]),
    );
    this.dashboard.addWidgets(
      graph(
        'Latency p99 by route, 2xx (handlers, ms)',
        ROUTES.map((route) =>
          handlerMetric('Latency', { route: `${route.method} ${route.path}`, outcome: '2xx' }, { statistic: Stats.percentile(99), label: `${route.method} ${route.path}` }),
        ),
        { width: 24, height: 8 },
      ),
    );

    // The projectors: behind, coalescing, failing.
    for (const projector of watched.projectors) {
      const name = projector.subscription.name;
      this.dashboard.addWidgets(
        graph(`${name}: iterator age (ms)`, [projector.iteratorAge.with({ label: 'maximum' })], {
          width: 8,
          leftAnnotations: [{ value: ITERATOR_AGE_THRESHOLD.toMilliseconds(), label: 'alarm' }],
        }),
        // Coalescing is the projector's measure; a subscription that writes no views (reminder delivery) shows its flow.
        projector.subscription.access.views === 'write'
          ? graph(`${name}: view writes per record`, [projector.writesPerRecord], {
              width: 8,
              right: [
                projector.records.with({ period: Duration.minutes(5), label: 'records' }),
                projector.viewWrites.with({ period: Duration.minutes(5), label: 'view writes' }),
              ],
              leftAnnotations: [{ value: 0.1, label: 'goal under a burst' }],
            })
          : graph(`${name}: records`, [projector.records.with({ period: Duration.minutes(5), label: 'records' })], { width: 8 }),
        graph(
          `${name}: failures`,
          [
            projector.failures.with({ label: 'failed aggregates (retried)' }),
            projector.fn.metricErrors({ ...stat, label: 'invocation errors' }),
            projector.fn.metricThrottles({ ...stat, label: 'throttles' }),
          ],
          { width: 8 },
        ),
      );
    }

    // What was set aside, and the schedules.
    const scheduler = watched.scheduleGroup;
    this.dashboard.addWidgets(
      graph(
        'Failure queues: messages waiting',
        watched.failureQueues.map(({ name, failures }) => failures.queue.metricApproximateNumberOfMessagesVisible({ statistic: Stats.MAXIMUM, period: PERIOD, label: name })),
        { leftAnnotations: [{ value: 0, label: 'anything above alarms' }] },
      ),
      graph('Schedule errors', [
        ...watched.scheduled.map(({ entry, fn }) => fn.metricErrors({ statistic: Stats.SUM, period: Duration.minutes(5), label: `${entry} errors` })),
        scheduler.metricTargetErrors({ statistic: Stats.SUM, period: Duration.minutes(5), label: 'Scheduler target errors' }),
        scheduler.metricDropped({ statistic: Stats.SUM, period: Duration.minutes(5), label: 'Scheduler dropped' }),
        scheduler.metricSentToDLQ({ statistic: Stats.SUM, period: Duration.minutes(5), label: 'Scheduler sent to failure queue' }),
      ]),
    );
  }
}
