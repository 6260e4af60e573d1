import { type Logger, jsonLogger } from '../../functions/log';

/**
 * How `npm start` logs (THIDUA_LOG): `pretty` (the default) one short line per request and per warning or error,
 * so the banner is not buried; `quiet` warnings and errors only; `json` the Lambdas' own lines (JSON with embedded
 * metrics), as CloudWatch gets them.
 */
export type LogFormat = 'pretty' | 'quiet' | 'json';

export const logFormatOf = (value: string | undefined): LogFormat => {
  if (value === undefined || value === '' || value === 'pretty') return 'pretty';
  if (value === 'quiet' || value === 'json') return value;
  throw new Error(`THIDUA_LOG must be pretty, quiet or json, not "${value}"`);
};

const clock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

/** The fields worth a glance: not the metrics (`_aws` and what it declares), nor ids only a query needs. */
const glance = (fields: Record<string, unknown>) => {
  const metrics = new Set(((fields._aws as { CloudWatchMetrics?: { Metrics: { Name: string }[]; Dimensions: string[][] }[] } | undefined)?.CloudWatchMetrics ?? []).flatMap((each) => [...each.Metrics.map((metric) => metric.Name), ...each.Dimensions.flat()]));
  return Object.entries(fields)
    .filter(([key, value]) => value !== undefined && key !== '_aws' && !metrics.has(key) && !['requestId', 'correlationId', 'time'].includes(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
};

/** One line of the pretty log, or null for a line it leaves out (an info line that only carries metrics: a batch). */
export const prettyLine = (level: Parameters<Logger>[0], message: string, fields: Record<string, unknown> = {}, at = new Date()): string | null => {
  const time = clock.format(at);
  if (message === 'request') return `${time} ${fields.method} ${fields.path} ${fields.status}${fields.code ? ` ${fields.code}` : ''} ${fields.ms}ms`;
  if (level === 'info' && '_aws' in fields) return null;
  const rest = glance(fields);
  return `${time} ${level === 'info' ? '' : `${level.toUpperCase()} `}${message}${rest ? ` ${rest}` : ''}`;
};

export const localLogger = (format: LogFormat, write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Logger => {
  if (format === 'json') return jsonLogger(write);
  return (level, message, fields) => {
    if (format === 'quiet' && level === 'info') return;
    const line = prettyLine(level, message, fields);
    if (line !== null) write(line);
  };
};
