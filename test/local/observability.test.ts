import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import type { Runtime } from '../../infra/local/runtime';
import { as, memberPledge, paths, setUpOrganization, startTestRuntime } from '../support/runtime';

describe('observability: one correlation id from HTTP through the event to the projector, and metrics', () => {
  let runtime: Runtime;
  const lines: Record<string, any>[] = [];

  beforeAll(async () => {
    runtime = await startTestRuntime(vnInstant(2025, 2, 1, 9), { log: (level, message, fields) => lines.push({ level, message, ...fields }) });
    await setUpOrganization(runtime);
  });
  afterAll(() => runtime.stop());

  it('carries x-correlation-id into the event metadata and the projector log, with EMF metrics on both', async () => {
    const office = await as(runtime, { role: 'office' });
    const response = await office.put(paths.pledge(2025, 'vien-a'), memberPledge(), { 'x-correlation-id': 'trace-123' });
    expect(response.status).toBe(201);
    await runtime.settle();

    const history = await office.get(paths.history('pledge', 'cchc-2021-2025:2025:member:vien-a'));
    expect(history.body.events[0]).toMatchObject({ correlationId: 'trace-123', requestId: expect.any(String) });
    const request = lines.find((line) => line.message === 'request' && line.correlationId === 'trace-123');
    expect(request).toMatchObject({ status: 201, route: 'PUT /orgs/{org}/campaigns/{campaignId}/cycles/{year}/pledges/{participantId}', outcome: '2xx', Requests: 1 });
    expect(request!._aws.CloudWatchMetrics[0]).toMatchObject({ Namespace: 'thidua', Dimensions: [['route', 'outcome']] });

    const batch = lines.find((line) => line.message === 'projected batch' && line.correlationIds?.includes('trace-123'));
    expect(batch).toMatchObject({ projector: 'views', Records: expect.any(Number), ViewWrites: expect.any(Number), Failures: 0 });
  });

  it('counts a refusal under 4xx with its problem code', async () => {
    const member = await as(runtime, { role: 'member', department: 'phong-a', member: 'vien-a' });
    expect((await member.put(paths.pledge(2025, 'vien-b'), memberPledge(), { 'x-correlation-id': 'trace-403' })).status).toBe(403);
    expect(lines.find((line) => line.correlationId === 'trace-403')).toMatchObject({ outcome: '4xx', code: 'forbidden', status: 403 });
  });
});
