import { type AttributeValue, ScanCommand } from '@aws-sdk/client-dynamodb';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import { projectRecords } from '../../functions/streams/project-views';
import { diffViews, storedViews } from '../../functions/streams/rebuild';
import type { Runtime } from '../../infra/local/runtime';
import { type Client, memberPledge, paths, setUpOrganization, startTestRuntime } from '../support/runtime';

/** The events table as DynamoDB Streams would have delivered it: one INSERT record per event, in write order. */
const streamRecords = async (runtime: Runtime): Promise<DynamoDBRecord[]> => {
  const page = await runtime.deps.db.send(new ScanCommand({ TableName: runtime.deps.tables.events }));
  return (page.Items ?? []).map((image, index) => record(image, index + 1));
};

const record = (image: Record<string, AttributeValue>, sequence: number): DynamoDBRecord => ({
  eventName: 'INSERT',
  eventSource: 'aws:dynamodb',
  dynamodb: { NewImage: image as never, Keys: { pk: image.pk, sk: image.sk } as never, SequenceNumber: String(sequence).padStart(21, '0'), StreamViewType: 'NEW_IMAGE' },
});

const clearViews = async (runtime: Runtime) => {
  for (const item of await storedViews(runtime.deps)) await runtime.deps.db.send(new DeleteCommand({ TableName: runtime.deps.tables.views, Key: { pk: item.pk, sk: item.sk } }));
};

describe('the projector', () => {
  let runtime: Runtime;
  let office: Client;

  beforeAll(async () => {
    runtime = await startTestRuntime(vnInstant(2025, 2, 1, 9));
    ({ office } = await setUpOrganization(runtime));
    for (const id of ['vien-a', 'vien-b', 'truong-a']) await office.put(paths.pledge(2025, id), memberPledge());
    await office.put(paths.pledge(2025, 'vien-a'), memberPledge(['giay-khen']));
    await office.delete(paths.pledge(2025, 'vien-b'));
    await runtime.settle();
  });
  afterAll(() => runtime.stop());

  it('keeps views equal to a rebuild from the events', async () => {
    expect(await diffViews(runtime.deps)).toEqual([]);
  });

  it('changes nothing when a batch is delivered again', async () => {
    const before = await storedViews(runtime.deps);
    const outcome = await projectRecords(runtime.deps, await streamRecords(runtime));
    expect(outcome.writes).toBe(0);
    expect(outcome.batchItemFailures).toEqual([]);
    expect(await storedViews(runtime.deps)).toEqual(before);
  });

  it('coalesces a batch: one Query per aggregate and one write per view item (a member: its item and one per posting), however many records', async () => {
    await clearViews(runtime);
    const records = await streamRecords(runtime);
    const aggregates = new Set(records.map((each) => each.dynamodb!.NewImage!.pk.S)).size;
    const outcome = await projectRecords(runtime.deps, [...records, ...records]);
    expect(outcome.aggregates).toBe(aggregates);
    const views = await storedViews(runtime.deps);
    expect(outcome.writes).toBe(views.length);
    expect(views.length).toBe(aggregates + views.filter((item) => String(item.pk).includes('#postings#')).length);
    expect(aggregates).toBeLessThan(records.length);
    expect(await diffViews(runtime.deps)).toEqual([]);
  });

  it('gives the same views whatever the order and duplication of deliveries', async () => {
    const records = await streamRecords(runtime);
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(records, { minLength: records.length, maxLength: records.length }), fc.array(fc.integer({ min: 0, max: records.length - 1 }), { maxLength: 10 }), fc.integer({ min: 1, max: 7 }), async (shuffled, duplicates, batchSize) => {
        await clearViews(runtime);
        const deliveries = [...shuffled, ...duplicates.map((index) => records[index])];
        for (let start = 0; start < deliveries.length; start += batchSize) await projectRecords(runtime.deps, deliveries.slice(start, start + batchSize));
        expect(await diffViews(runtime.deps)).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });

  it('reports a poison record as the failed item and still applies the rest of the batch', async () => {
    await clearViews(runtime);
    const records = await streamRecords(runtime);
    const poison = record({ pk: { S: 'not-a-stream-key' }, sk: { N: '1' } }, 999);
    const outcome = await projectRecords(runtime.deps, [...records, poison]);
    expect(outcome.batchItemFailures).toEqual([{ itemIdentifier: poison.dynamodb!.SequenceNumber }]);
    expect(await diffViews(runtime.deps)).toEqual([]);
  });
});
