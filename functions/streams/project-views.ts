import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { parseStreamKey } from '../../events/envelope';
import { mapWithConcurrency } from '../concurrency';
import { embeddedMetrics } from '../metrics';
import { type Deps, lambdaDeps } from '../deps';
import { type ViewContribution, groupContributions, viewContributions } from '../projections';
import { loadStream } from '../store/event-store';
import { writeEntries } from '../store/write-entries';
import { writeViewIfNewer } from '../store/write-view';
import { departmentSummaryItem, scoreLinesByDepartment } from '../projections/evaluation';
import { queryViews } from '../store/views';
import { isScoreLine, scoreLinePrefix } from '../store/view-keys';

export interface ProjectionOutcome extends DynamoDBBatchResponse {
  readonly records: number;
  readonly aggregates: number;
  readonly writes: number;
}

/** Aggregates loaded (and view items written) at once: enough to overlap round trips, few enough for one socket pool. */
const LOAD_CONCURRENCY = 32;

const lowest = (sequenceNumbers: readonly string[]) => sequenceNumbers.reduce((low, each) => (BigInt(each) < BigInt(low) ? each : low));

/**
 * The projector. A batch is coalesced: each aggregate it touches is loaded once (one Query) and its contribution
 * recomputed from the whole stream, so duplicates, reordering across items and gaps cannot corrupt a view. Then
 * each view item is written at most once: an aggregate's own item, or one merge per shared item (a department's
 * scores) however many of its participants changed. What fails is reported as its earliest record (partial batch
 * response); the rest is still applied.
 */
export const projectRecords = async (deps: Deps, records: readonly DynamoDBRecord[]): Promise<ProjectionOutcome> => {
  const byAggregate = new Map<string, string[]>();
  for (const record of records) {
    const pk = record.dynamodb?.NewImage?.pk?.S;
    if (record.eventName !== 'INSERT' || !pk) continue; // events are only ever inserted
    byAggregate.set(pk, [...(byAggregate.get(pk) ?? []), record.dynamodb!.SequenceNumber!]);
  }
  const failures: string[] = [];
  const loaded: { source: string; contribution: ViewContribution }[] = [];
  await mapWithConcurrency([...byAggregate.keys()], LOAD_CONCURRENCY, async (pk) => {
    try {
      const id = parseStreamKey(pk); // a record no projection understands is poison: report it, retry, then DLQ
      const events = await loadStream(deps, id);
      if (events.length > 0) for (const contribution of viewContributions(id, events)) loaded.push({ source: pk, contribution });
    } catch (error) {
      deps.log('error', 'projection failed', { pk, error: String(error) });
      failures.push(lowest(byAggregate.get(pk)!));
    }
  });

  // One write per view item: an aggregate's own, or one merge per shared item whatever the number of its entries.
  const { items, shared } = groupContributions(loaded);
  const writes = [
    ...items.map(({ source, item }) => ({ sources: [source], write: () => writeViewIfNewer(deps, item) })),
    ...shared.map((group) => ({ sources: group.sources, write: () => writeEntries(deps, group.pk, group.sk, group.base, group.entries) })),
  ];

  let written = 0;
  const outcomes = await mapWithConcurrency(writes, LOAD_CONCURRENCY, ({ write }) =>
    write().then(
      (value) => ({ status: 'fulfilled' as const, value }),
      (reason: unknown) => ({ status: 'rejected' as const, reason }),
    ),
  );
  outcomes.forEach((outcome, index) => {
    if (outcome.status === 'fulfilled') {
      written += outcome.value ? 1 : 0;
      return;
    }
    // A failed write fails every aggregate that fed it: they are all delivered again.
    deps.log('error', 'view write failed', { sources: writes[index].sources, error: String(outcome.reason) });
    for (const pk of writes[index].sources) failures.push(lowest(byAggregate.get(pk)!));
  });
  // Then each department whose score lines this batch wrote gets its summary again, from its lines as stored now.
  const departments = new Map<string, { pk: string; campaignId: string; year: number; departmentId: string; sources: string[] }>();
  items.forEach(({ source, item }, index) => {
    if (!isScoreLine(item) || outcomes[index].status === 'rejected') return;
    const key = `${item.pk}\n${item.departmentId}`;
    const group = departments.get(key) ?? { pk: item.pk, campaignId: item.campaignId as string, year: item.year as number, departmentId: item.departmentId as string, sources: [] };
    group.sources.push(source);
    departments.set(key, group);
  });
  await mapWithConcurrency([...departments.values()], LOAD_CONCURRENCY, async ({ pk, campaignId, year, departmentId, sources }) => {
    try {
      const lines = scoreLinesByDepartment(await queryViews(deps, pk, scoreLinePrefix(departmentId), { consistent: true })).get(departmentId) ?? [];
      if (await writeViewIfNewer(deps, departmentSummaryItem(pk, campaignId, year, departmentId, lines))) written++;
    } catch (error) {
      deps.log('error', 'department summary failed', { pk, departmentId, error: String(error) });
      for (const source of sources) failures.push(lowest(byAggregate.get(source)!));
    }
  });
  deps.log('info', 'projected batch', {
    // The requests whose events this batch applied: a request can be followed from HTTP to its views.
    correlationIds: [...new Set(records.map((record) => record.dynamodb?.NewImage?.meta?.M?.correlationId?.S).filter(Boolean))].slice(0, 20),
    ...embeddedMetrics(
      { projector: 'views' },
      {
        Records: { value: records.length, unit: 'Count' },
        Aggregates: { value: byAggregate.size, unit: 'Count' },
        ViewWrites: { value: written, unit: 'Count' },
        Failures: { value: failures.length, unit: 'Count' },
      },
    ),
  });
  return { batchItemFailures: [...new Set(failures)].map((itemIdentifier) => ({ itemIdentifier })), records: records.length, aggregates: byAggregate.size, writes: written };
};

/** The local runtime calls every stream entry by this name (infra/routes.ts). */
export const handleRecords = projectRecords;

export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const { batchItemFailures } = await projectRecords(lambdaDeps(), event.Records);
  return { batchItemFailures };
};
