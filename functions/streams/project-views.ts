import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { parseStreamKey } from '../../events/envelope';
import { mapWithConcurrency } from '../concurrency';
import { embeddedMetrics } from '../metrics';
import { type Deps, lambdaDeps } from '../deps';
import { type ViewContribution, groupContributions, viewContributions } from '../projections';
import { loadStream } from '../store/event-store';
import { writeEntries } from '../store/write-entries';
import { writeViewIfNewer } from '../store/write-view';
import { type Touched, refreshSummaries } from './department-summaries';

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
 * each view item is written at most once: an aggregate's own items, or one merge per shared item (a recipient's
 * awards) however many of its entries changed; then each department summary the batch changed, once. What fails is reported as its earliest record (partial batch
 * response); the rest is still applied.
 */
export const projectRecords = async (deps: Deps, records: readonly DynamoDBRecord[]): Promise<ProjectionOutcome> => {
  const byAggregate = new Map<string, string[]>();
  const versionsOf = new Map<string, number[]>();
  for (const record of records) {
    const pk = record.dynamodb?.NewImage?.pk?.S;
    if (record.eventName !== 'INSERT' || !pk) continue; // events are only ever inserted
    byAggregate.set(pk, [...(byAggregate.get(pk) ?? []), record.dynamodb!.SequenceNumber!]);
    versionsOf.set(pk, [...(versionsOf.get(pk) ?? []), Number(record.dynamodb!.NewImage!.sk?.N ?? 0)]);
  }
  const failures: string[] = [];
  const loaded: { source: string; contribution: ViewContribution }[] = [];
  const touched: Touched[] = [];
  await mapWithConcurrency([...byAggregate.keys()], LOAD_CONCURRENCY, async (pk) => {
    try {
      const id = parseStreamKey(pk); // a record no projection understands is poison: report it, retry, then DLQ
      const events = await loadStream(deps, id);
      if (events.length === 0) return;
      for (const contribution of viewContributions(id, events)) loaded.push({ source: pk, contribution });
      touched.push({ source: pk, id, events, lowestDelivered: Math.min(...versionsOf.get(pk)!) });
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
  const failedSources = new Set<string>();
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
    for (const pk of writes[index].sources) {
      failures.push(lowest(byAggregate.get(pk)!));
      failedSources.add(pk);
    }
  });
  // Then the department summaries the batch changed, from what is stored now (its own writes included).
  const refreshed = await refreshSummaries(deps, touched.filter(({ source }) => !failedSources.has(source)));
  written += refreshed.written;
  for (const pk of refreshed.failed) failures.push(lowest(byAggregate.get(pk)!));
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
