/**
 * CloudWatch embedded metric format: a log line that CloudWatch also reads as metrics, so a metric costs no API
 * call and no extra latency. The fields go into the structured log line they describe.
 */
export const NAMESPACE = 'thidua';

export const embeddedMetrics = (dimensions: Record<string, string>, metrics: Record<string, { value: number; unit: 'Count' | 'Milliseconds' }>, timestamp = Date.now()) => ({
  _aws: {
    Timestamp: timestamp,
    CloudWatchMetrics: [{ Namespace: NAMESPACE, Dimensions: [Object.keys(dimensions)], Metrics: Object.entries(metrics).map(([name, { unit }]) => ({ Name: name, Unit: unit })) }],
  },
  ...dimensions,
  ...Object.fromEntries(Object.entries(metrics).map(([name, { value }]) => [name, value])),
});
