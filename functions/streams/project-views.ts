import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { parseStreamKey } from '../../events/envelope';
import { type Deps, lambdaDeps } from '../deps';
import { project } from '../projections';
import { loadStream } from '../store/event-store';
import { writeViewIfNewer } from '../store/write-view';

export interface ProjectionOutcome extends DynamoDBBatchResponse {
  readonly records: number;
  readonly aggregates: number;
  readonly writes: number;
}

/**
 * The projector. A batch is coalesced by aggregate: however many of its events arrive, each aggregate is loaded
 * once (one Query) and its view written at most once. The view is recomputed from the whole stream, so
 * duplicates, reordering across items and gaps cannot corrupt it. An aggregate that fails reports its earliest
 * record as failed (partial batch response); the others are still applied.
 */
export const projectRecords = async (deps: Deps, records: readonly DynamoDBRecord[]): Promise<ProjectionOutcome> => {
  const byAggregate = new Map<string, string[]>();
  for (const record of records) {
    const pk = record.dynamodb?.NewImage?.pk?.S;
    if (record.eventName !== 'INSERT' || !pk) continue; // events are only ever inserted
    byAggregate.set(pk, [...(byAggregate.get(pk) ?? []), record.dynamodb!.SequenceNumber!]);
  }
  const failures: string[] = [];
  let writes = 0;
  await Promise.all(
    [...byAggregate].map(async ([pk, sequenceNumbers]) => {
      try {
        const id = parseStreamKey(pk); // a record no projection understands is poison: report it, retry, then DLQ
        const events = await loadStream(deps, id);
        if (events.length > 0 && (await writeViewIfNewer(deps, project(id, events)))) writes++;
      } catch (error) {
        deps.log('error', 'projection failed', { pk, error: String(error) });
        failures.push(sequenceNumbers.reduce((lowest, each) => (BigInt(each) < BigInt(lowest) ? each : lowest)));
      }
    }),
  );
  deps.log('info', 'projected batch', { records: records.length, aggregates: byAggregate.size, writes, failures: failures.length });
  return { batchItemFailures: failures.map((itemIdentifier) => ({ itemIdentifier })), records: records.length, aggregates: byAggregate.size, writes };
};

export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const { batchItemFailures } = await projectRecords(lambdaDeps(), event.Records);
  return { batchItemFailures };
};
