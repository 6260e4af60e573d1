import { type AttributeValue, ScanCommand } from '@aws-sdk/client-dynamodb';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/actor';
import { campaignDecider } from '../../domain/campaign/decider';
import { CAMPAIGN_TEMPLATES, CCHC_CRITERIA } from '../../domain/campaign/templates';
import { evaluationDecider, type EvaluationCommand } from '../../domain/evaluation/decider';
import { departmentDecider } from '../../domain/organization/department';
import { memberDecider } from '../../domain/organization/member';
import { vnInstant } from '../../domain/time';
import { executeCommand } from '../../functions/command';
import { projectRecords } from '../../functions/streams/project-views';
import { diffViews, storedViews } from '../../functions/streams/rebuild';
import { writeEntries } from '../../functions/store/write-entries';
import type { Runtime } from '../../infra/local/runtime';
import { startTestRuntime } from '../support/runtime';

const NOW = vnInstant(2025, 11, 20, 9);
const evidence = [{ title: 'Báo cáo', ref: 'Số 1/BC' }];
const office = (org: string): Actor => ({ sub: 'office', org, roles: ['office'] });

/** Writes an organization straight through the command runner: departments, members, the plan's campaign. */
const setUp = async (runtime: Runtime, org: string, departments: number, membersPer: number) => {
  const run = <C, E extends { type: string; data: unknown }, S, X>(decider: Parameters<typeof executeCommand<C, E, S, X>>[1], type: 'department' | 'member' | 'campaign', id: string, command: C, context: X) =>
    executeCommand(runtime.deps, decider, { org, type, id }, command, context, { actor: office(org) });
  for (let d = 0; d < departments; d++) {
    await run(departmentDecider, 'department', `phong-${d}`, { type: 'SaveDepartment', profile: { name: `Phòng ${d}` } }, { actor: office(org) });
    for (let m = 0; m < membersPer; m++) {
      await run(memberDecider, 'member', `m-${d}-${m}`, { type: 'SaveMember', profile: { fullName: `Công chức ${d}.${m}`, departmentId: `phong-${d}` } }, { actor: office(org), departmentExists: true });
    }
  }
  await run(campaignDecider, 'campaign', 'cchc-2021-2025', { type: 'DefineCampaign', definition: CAMPAIGN_TEMPLATES['cchc-2021-2025'] }, { actor: office(org), now: NOW });
  await runtime.settle();
};

/** Sends one evaluation command for a member; refusals (a random history makes many) are part of the game. */
const evaluate = async (runtime: Runtime, org: string, d: number, m: number, command: EvaluationCommand) => {
  const { campaignStateOf } = await import('../../functions/reference');
  const { batchGetViews } = await import('../../functions/store/views');
  const { viewKeys } = await import('../../functions/store/view-keys');
  const [campaign] = await batchGetViews(runtime.deps, [viewKeys.campaign(org, 'cchc-2021-2025')]);
  const participant = { kind: 'member' as const, id: `m-${d}-${m}`, departmentId: `phong-${d}` };
  try {
    await executeCommand(
      runtime.deps,
      evaluationDecider,
      { org, type: 'evaluation', id: `cchc-2021-2025:2025:member:${participant.id}` },
      command,
      { actor: office(org), now: NOW, year: 2025, campaign: campaignStateOf(campaign), participant },
      { actor: office(org) },
    );
  } catch (error) {
    if (!(error instanceof Error && error.name === 'DomainError')) throw error;
  }
};

const fullSheet = (scale: number) => CCHC_CRITERIA.map((criterion) => ({ criterion: criterion.code, score: Math.floor(criterion.maxScore * scale * 4) / 4, evidence }));
/** A whole appraisal (every criterion scored), at `scale` of each maximum. */
const wholeAppraisal = (scale: number) => fullSheet(scale).map(({ criterion, score }) => ({ criterion, score }));

const streamRecords = async (runtime: Runtime): Promise<DynamoDBRecord[]> => {
  const items: Record<string, AttributeValue>[] = [];
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await runtime.deps.db.send(new ScanCommand({ TableName: runtime.deps.tables.events, ExclusiveStartKey: startKey }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items.map((image, index) => ({ eventName: 'INSERT', dynamodb: { NewImage: image as never, SequenceNumber: String(index + 1).padStart(21, '0') } }));
};

const clearViews = async (runtime: Runtime) => {
  for (const item of await storedViews(runtime.deps)) await runtime.deps.db.send(new DeleteCommand({ TableName: runtime.deps.tables.views, Key: { pk: item.pk, sk: item.sk } }));
};

describe('department score projection', () => {
  let runtime: Runtime;
  const org = 'scores';

  beforeAll(async () => {
    runtime = await startTestRuntime(NOW);
    await setUp(runtime, org, 3, 4);
    for (let d = 0; d < 3; d++) {
      for (let m = 0; m < 4; m++) {
        await evaluate(runtime, org, d, m, { type: 'SaveSelfAssessment', scores: fullSheet(0.5 + m / 10), submit: true });
        if (m % 2 === 0) {
          await evaluate(runtime, org, d, m, { type: 'SubmitAppraisal', scores: wholeAppraisal(0.4) });
          await evaluate(runtime, org, d, m, { type: 'FinalizeEvaluation' });
        }
      }
    }
    await runtime.settle();
  });
  afterAll(() => runtime.stop());

  it('keeps the score line items equal to a rebuild: one small item per participant, under its department, and a summary per department', async () => {
    expect(await diffViews(runtime.deps)).toEqual([]);
    const lines = (await storedViews(runtime.deps)).filter((item) => String(item.pk).startsWith(`${org}#scores#`));
    expect(lines.map((item) => item.sk)).toEqual([0, 1, 2].flatMap((d) => [0, 1, 2, 3].map((m) => `phong-${d}#member:m-${d}-${m}`)));
    const summaries = (await storedViews(runtime.deps)).filter((item) => String(item.pk).startsWith(`${org}#summaries#`));
    // Each department's summary: versioned by its postings (each member's registration, version 1) above its lines.
    expect(summaries.map((item) => [item.sk, item.version])).toEqual(
      [0, 1, 2].map((d) => [`phong-${d}`, 4 * 2 ** 24 + lines.filter((line) => line.filedIn === `phong-${d}`).reduce((sum, line) => sum + Number(line.version), 0)]),
    );
    expect(summaries.every((item) => (item.open as [number | null, number | null])[1] !== null && item.final === false)).toBe(true);
  });

  it('writes one line per evaluation and one summary per department for a whole batch of evaluation events, and nothing on redelivery', async () => {
    for (const item of await storedViews(runtime.deps)) {
      if (/#(scores|summaries)#/.test(String(item.pk))) await runtime.deps.db.send(new DeleteCommand({ TableName: runtime.deps.tables.views, Key: { pk: item.pk, sk: item.sk } }));
    }
    const evaluations = (await streamRecords(runtime)).filter((record) => record.dynamodb!.NewImage!.pk.S!.includes('#evaluation#'));
    expect(evaluations.length).toBe(12 + 6 * 2);
    const outcome = await projectRecords(runtime.deps, [...evaluations, ...evaluations]);
    expect(outcome.writes).toBe(12 + 3);
    expect((await projectRecords(runtime.deps, evaluations)).writes).toBe(0);
    expect(await diffViews(runtime.deps)).toEqual([]);
  });

  it('merges concurrent batches into the same department without losing an entry', async () => {
    await clearViews(runtime);
    const records = await streamRecords(runtime);
    // Disjoint aggregates in each half: a lost update would drop the other half's entries from a department.
    const memberIndex = (record: DynamoDBRecord) => Number(/m-\d+-(\d+)/.exec(record.dynamodb!.NewImage!.pk.S!)?.[1] ?? 0);
    const halves = [records.filter((record) => memberIndex(record) % 2 === 0), records.filter((record) => memberIndex(record) % 2 === 1)];
    await Promise.all(halves.map((half) => projectRecords(runtime.deps, half)));
    expect(await diffViews(runtime.deps)).toEqual([]);
  });

  it('never loses an entry when writers merge into the same item at the same moment', async () => {
    const writers = Array.from({ length: 8 }, (_, index) => writeEntries(runtime.deps, 'race', 'item', { kind: 'test' }, { [`p${index}`]: { version: 1 } }));
    expect((await Promise.all(writers)).every(Boolean)).toBe(true);
    const [item] = (await storedViews(runtime.deps)).filter((each) => each.pk === 'race');
    expect(Object.keys(item.entries as object).sort()).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7']);
    await runtime.deps.db.send(new DeleteCommand({ TableName: runtime.deps.tables.views, Key: { pk: 'race', sk: 'item' } }));
  });

  it('gives the same items whatever the order, duplication and batching of deliveries', async () => {
    const records = await streamRecords(runtime);
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(records, { minLength: records.length, maxLength: records.length }), fc.integer({ min: 1, max: 40 }), async (shuffled, batchSize) => {
        await clearViews(runtime);
        const deliveries = [...shuffled, ...shuffled.slice(0, batchSize)];
        for (let start = 0; start < deliveries.length; start += batchSize) await projectRecords(runtime.deps, deliveries.slice(start, start + batchSize));
        expect(await diffViews(runtime.deps)).toEqual([]);
      }),
      { numRuns: 8 },
    );
  });
});

describe('rebuild equals incremental, over random evaluation histories', () => {
  let runtime: Runtime;
  beforeAll(async () => {
    runtime = await startTestRuntime(NOW);
  });
  afterAll(() => runtime.stop());

  const command = fc.oneof(
    fc.record({ type: fc.constant('SaveSelfAssessment' as const), scores: fc.float({ min: 0, max: 1, noNaN: true }).map(fullSheet), submit: fc.boolean() }),
    fc.record({ type: fc.constant('SubmitAppraisal' as const), scores: fc.constantFrom([], wholeAppraisal(0.2), wholeAppraisal(0.9)) }),
    fc.constant({ type: 'FinalizeEvaluation' as const }),
    fc.record({ type: fc.constant('ReturnEvaluation' as const), reason: fc.constant('Bổ sung') }),
    fc.record({ type: fc.constant('CorrectEvaluation' as const), reason: fc.constant('Điều chỉnh'), scores: fc.constant([{ criterion: 'cai-cach-the-che', score: 10 }]) }),
  );

  it('holds for any sequence of commands across members and departments', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 2 }), command), { minLength: 1, maxLength: 25 }), async (history) => {
        const org = `history-${run++}`;
        await setUp(runtime, org, 2, 3);
        for (const [d, m, each] of history) await evaluate(runtime, org, d, m, each as EvaluationCommand);
        await runtime.settle();
        expect(await diffViews(runtime.deps)).toEqual([]);
      }),
      { numRuns: 10 },
    );
  });
});

