import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CCHC_CRITERIA } from '../../domain/campaign/templates';
import { vnInstant } from '../../domain/time';
import type { Runtime } from '../../infra/local/runtime';
import { SELF_SCORES, evidence, wholeAppraisal } from '../support/evaluation-fixtures';
import { type Client, as, paths, setUpOrganization, startTestRuntime } from '../support/runtime';
import { countEvents } from '../support/store';

const evaluation = (participantId: string, action = '') => `${paths.cycle(2025)}/evaluations/${participantId}${action ? `/${action}` : ''}`;

/** Issues 15 and 16: who may appraise a sheet, and an appraisal that cannot be used to read the others first. */
describe('appraisal integrity over HTTP', () => {
  let runtime: Runtime;
  let office: Client;
  const council = (member: string, department: string) => as(runtime, { role: 'council', member, department });

  beforeAll(async () => {
    runtime = await startTestRuntime(vnInstant(2025, 11, 15, 9));
    ({ office } = await setUpOrganization(runtime));
    const member = await as(runtime, { role: 'member', department: 'phong-a', member: 'vien-a' });
    expect((await member.put(evaluation('vien-a', 'self-assessment'), { participantKind: 'member', submit: true, scores: SELF_SCORES })).status).toBe(201);
    const full = CCHC_CRITERIA.map((criterion) => ({ criterion: criterion.code, score: criterion.maxScore, evidence }));
    const head = await as(runtime, { role: 'head', department: 'phong-a', member: 'truong-a' });
    expect((await head.put(evaluation('phong-a', 'self-assessment'), { participantKind: 'department', submit: true, scores: full })).status).toBe(201);
    await runtime.settle();
  });
  afterAll(() => runtime.stop());

  it("refuses a council member as appraiser of its own sheet, or of its own department's: 409 conflict-of-interest, nothing written", async () => {
    const before = await countEvents(runtime);
    for (const [participant, appraisers, conflicted] of [
      ['vien-a', ['vien-b', 'vien-a'], 'vien-a'],
      ['phong-a', ['vien-b', 'truong-a'], 'truong-a'],
    ] as const) {
      const response = await office.put(evaluation(participant, 'appraisers'), { appraisers });
      expect(response.status, JSON.stringify(response.body)).toBe(409);
      expect(response.body).toMatchObject({ code: 'conflict-of-interest', appraiser: conflicted, title: expect.stringMatching(/Xung đột lợi ích/) });
    }
    expect(await countEvents(runtime)).toBe(before);
    // A member of another department appraises the department's sheet; a colleague of the same department a member's.
    expect((await office.put(evaluation('phong-a', 'appraisers'), { appraisers: ['vien-b'] })).status).toBe(200);
    expect((await office.put(evaluation('vien-a', 'appraisers'), { appraisers: ['truong-a', 'vien-b'] })).status).toBe(200);
  });

  it('counts an appraisal only when every applicable criterion is scored: an empty one reveals nothing', async () => {
    const appraiser = await council('truong-a', 'phong-a');
    for (const scores of [[], wholeAppraisal(SELF_SCORES).scores.slice(1)]) {
      const response = await appraiser.put(evaluation('vien-a', 'appraisal'), { scores });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('incomplete-appraisal');
      expect(response.body.missing).toContain('cai-cach-the-che');
    }
    expect((await appraiser.get(evaluation('vien-a'))).body.appraisalCount).toBe(0);
  });

  it('lets an appraiser revise its own only until another appraisal stands beside it: then 409 appraisal-locked', async () => {
    const first = await council('truong-a', 'phong-a');
    const second = await council('vien-b', 'phong-b');
    expect((await first.put(evaluation('vien-a', 'appraisal'), wholeAppraisal(SELF_SCORES))).status).toBe(200);
    expect((await first.put(evaluation('vien-a', 'appraisal'), wholeAppraisal(SELF_SCORES, { criterion: 'cai-cach-the-che', score: 6 }))).status).toBe(200);
    expect((await second.put(evaluation('vien-a', 'appraisal'), wholeAppraisal(SELF_SCORES, { criterion: 'cai-cach-the-che', score: 2 }))).status).toBe(200);
    const before = await countEvents(runtime);
    for (const appraiser of [first, second]) {
      const revised = await appraiser.put(evaluation('vien-a', 'appraisal'), wholeAppraisal(SELF_SCORES, { criterion: 'cai-cach-the-che', score: 4 }));
      expect(revised.status).toBe(409);
      expect(revised.body.code).toBe('appraisal-locked');
    }
    expect(await countEvents(runtime)).toBe(before);
  });
});
