import { describe, expect, it } from 'vitest';
import { embeddedMetrics } from '../../functions/metrics';
import { localLogger, logFormatOf, prettyLine } from '../../infra/local/log-format';

const AT = new Date('2026-12-02T02:03:04Z'); // 09:03:04 in Việt Nam
const request = {
  requestId: 'r-1',
  correlationId: 'c-1',
  sub: 'office',
  method: 'PUT',
  path: '/orgs/x/decisions/qd-1',
  status: 409,
  code: 'exceeds-quota',
  ms: 12,
  ...embeddedMetrics({ route: 'PUT /orgs/{org}/decisions/{decisionId}', outcome: '4xx' }, { Requests: { value: 1, unit: 'Count' }, Latency: { value: 12, unit: 'Milliseconds' } }),
};
const batch = embeddedMetrics({ projector: 'views' }, { Records: { value: 3, unit: 'Count' }, Failures: { value: 0, unit: 'Count' } });

describe('the local log (review D28: one JSON line per request and per batch buried the banner)', () => {
  it('writes a request as one short line, in Việt Nam time, without ids or metrics', () => {
    expect(prettyLine('info', 'request', request, AT)).toBe('09:03:04 PUT /orgs/x/decisions/qd-1 409 exceeds-quota 12ms');
    expect(prettyLine('info', 'request', { ...request, status: 200, code: undefined }, AT)).toBe('09:03:04 PUT /orgs/x/decisions/qd-1 200 12ms');
  });

  it('leaves out a batch that only carries metrics, keeps a warning with its fields but not its metrics', () => {
    expect(prettyLine('info', 'projected batch', batch, AT)).toBeNull();
    expect(prettyLine('warn', 'projected batch', { ...batch, failed: ['e-1'] }, AT)).toBe('09:03:04 WARN projected batch failed=["e-1"]');
    expect(prettyLine('info', 'outbox: message sent', { to: 'bich@example.vn' }, AT)).toBe('09:03:04 outbox: message sent to=bich@example.vn');
  });

  it('quiet writes warnings and errors only; json writes the Lambdas’ own lines', () => {
    const quiet: string[] = [];
    localLogger('quiet', (line) => quiet.push(line))('info', 'request', request);
    localLogger('quiet', (line) => quiet.push(line))('error', 'store failed', { table: 'events' });
    expect(quiet).toHaveLength(1);
    expect(quiet[0]).toMatch(/ERROR store failed table=events$/);
    const json: string[] = [];
    localLogger('json', (line) => json.push(line))('info', 'request', request);
    expect(JSON.parse(json[0])).toMatchObject({ level: 'info', message: 'request', status: 409, _aws: expect.any(Object) });
  });

  it('refuses an unknown THIDUA_LOG rather than guessing', () => {
    expect(logFormatOf(undefined)).toBe('pretty');
    expect(logFormatOf('quiet')).toBe('quiet');
    expect(() => logFormatOf('verbose')).toThrow(/pretty, quiet or json/);
  });
});
