import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import type { Runtime } from '../../infra/local/runtime';
import { SELF_SCORES } from '../support/evaluation-fixtures';
import { attachEvidence } from '../support/evidence';
import { type Client, CAMPAIGN, ORG, as, setUpOrganization, startTestRuntime } from '../support/runtime';
import { countEvents } from '../support/store';

const sheet = `/orgs/${ORG}/campaigns/${CAMPAIGN}/cycles/2025/evaluations/vien-a`;
// "Cải cách thể chế" scored with nothing but the file attached to it; the rest as usual.
const FILE_ONLY = [{ criterion: 'cai-cach-the-che', score: 8 }, ...SELF_SCORES.slice(1)];
const save = (client: Client, submit: boolean) => client.put(`${sheet}/self-assessment`, { participantKind: 'member', ...(submit ? { submit: true } : {}), scores: FILE_ONLY });

describe('an evidence file attached to a criterion is its evidence, over HTTP with uploads to the local S3', () => {
  let runtime: Runtime;
  let member: Client;
  const bytes = Buffer.from(`%PDF-1.7 ${randomBytes(1500).toString('hex')}`);

  beforeAll(async () => {
    runtime = await startTestRuntime(vnInstant(2025, 11, 15, 9));
    await setUpOrganization(runtime);
    member = await as(runtime, { role: 'member', department: 'phong-a', member: 'vien-a' });
  });
  afterAll(() => runtime.stop());

  it('without a file, a citation or an explanation the score is refused at its criterion, nothing written', async () => {
    const before = await countEvents(runtime);
    const refused = await save(member, false);
    expect([refused.status, refused.body.code, refused.body.missing]).toEqual([400, 'evidence-required', ['cai-cach-the-che']]);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: 'scores.0.explanation', code: 'custom' })]);
    expect(await countEvents(runtime)).toBe(before);
  });

  it('a confirmed file makes the draft saveable; removing the last one makes it unsubmittable; another file lets it through', async () => {
    const first = await attachEvidence(member, sheet, { criterion: 'cai-cach-the-che', fileName: 'Báo cáo rà soát văn bản.pdf', bytes });
    expect(first.confirmed.status).toBe(201);
    expect((await save(member, false)).status).toBe(200);

    const removed = await member.delete(`${sheet}/evidence-files/${first.planned.body.fileId}`);
    expect([removed.status, removed.body.evidenceFiles]).toEqual([200, []]);
    const before = await countEvents(runtime);
    const refused = await save(member, true);
    expect([refused.status, refused.body.code, refused.body.missing]).toEqual([400, 'evidence-required', ['cai-cach-the-che']]);
    expect(await countEvents(runtime)).toBe(before);
    expect((await member.get(sheet)).body.status).toBe('draft');

    const second = await attachEvidence(member, sheet, { criterion: 'cai-cach-the-che', fileName: 'Quyết định ban hành.pdf', bytes });
    expect(second.confirmed.status).toBe(201);
    const submitted = await save(member, true);
    expect([submitted.status, submitted.body.status]).toEqual([200, 'submitted']);
  });
});
