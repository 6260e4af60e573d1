import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { parseStreamKey } from '../../events/envelope';
import { type Deps, lambdaDeps } from '../deps';
import { type ViewContribution, viewContribution } from '../projections';
import { loadStream } from '../store/event-store';
import { writeEntries } from '../store/write-entries';
import { writeViewIfNewer } from '../store/write-view';

export interface ProjectionOutcome extends DynamoDBBatchResponse {
  readonly records: number;
  readonly aggregates: number;
  readonly writes: number;
}

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
  const loaded: { pk: string; contribution: ViewContribution | null }[] = [];
  await Promise.all(
    [...byAggregate.keys()].map(async (pk) => {
      try {
        const id = parseStreamKey(pk); // a record no projection understands is poison: report it, retry, then DLQ
        const events = await loadStream(deps, id);
        loaded.push({ pk, contribution: events.length > 0 ? viewContribution(id, events) : null });
      } catch (error) {
        deps.log('error', 'projection failed', { pk, error: String(error) });
        failures.push(lowest(byAggregate.get(pk)!));
      }
    }),
  );

  // Entries for shared items are grouped by item: one merge (one write) per item.
  const writes: { sources: string[]; write: () => Promise<boolean> }[] = [];
  const shared = new Map<string, { pk: string; sk: string; base: Record<string, unknown>; entries: Record<string, { version: number }>; sources: string[] }>();
  for (const { pk, contribution } of loaded) {
    if (contribution?.kind === 'item') writes.push({ sources: [pk], write: () => writeViewIfNewer(deps, contribution.item) });
    if (contribution?.kind === 'entry') {
      const key = `${contribution.pk}\n${contribution.sk}`;
      const group = shared.get(key) ?? { pk: contribution.pk, sk: contribution.sk, base: contribution.base, entries: {}, sources: [] };
      group.entries[contribution.name] = contribution.entry;
      group.sources.push(pk);
      shared.set(key, group);
    }
  }
  for (const group of shared.values()) writes.push({ sources: group.sources, write: () => writeEntries(deps, group.pk, group.sk, group.base, group.entries) });

  let written = 0;
  const outcomes = await Promise.allSettled(writes.map(({ write }) => write()));
  outcomes.forEach((outcome, index) => {
    if (outcome.status === 'fulfilled') {
      written += outcome.value ? 1 : 0;
      return;
    }
    // A failed write fails every aggregate that fed it: they are all delivered again.
    deps.log('error', 'view write failed', { sources: writes[index].sources, error: String(outcome.reason) });
    for (const pk of writes[index].sources) failures.push(lowest(byAggregate.get(pk)!));
  });
  deps.log('info', 'projected batch', { records: records.length, aggregates: byAggregate.size, writes: written, failures: failures.length });
  return { batchItemFailures: failures.map((itemIdentifier) => ({ itemIdentifier })), records: records.length, aggregates: byAggregate.size, writes: written };
};

export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const { batchItemFailures } = await projectRecords(lambdaDeps(), event.Records);
  return { batchItemFailures };
};
