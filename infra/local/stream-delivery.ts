import type { AttributeValue, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { Logger } from '../../functions/log';

export type BatchHandler = (records: DynamoDBRecord[]) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;

export interface StreamDeliveryOptions {
  readonly batchSize?: number;
  /** Attempts at a batch's first record, with no progress past it, before it is set aside (as an on-failure queue would). */
  readonly maxAttempts?: number;
  readonly retryDelayMs?: number;
  /** Like the event source's batching window: wait this long for a batch to fill before delivering it. */
  readonly batchingWindowMs?: number;
  /** Injected faults (faults.ts): duplicated and reordered deliveries. */
  readonly faults?: DeliveryFaults;
  /** Only events of these types are delivered, as the subscription's event-source filter does on AWS (routes.ts). */
  readonly eventTypes?: readonly string[];
  /** Tells this delivery's tap from the others' on the same client (one per subscription). */
  readonly name?: string;
}

/** What the handler is handed instead of a batch, and which delivered records come again later. */
export interface DeliveryFaults {
  batch(records: readonly DynamoDBRecord[]): DynamoDBRecord[];
  again(delivered: readonly DynamoDBRecord[]): DynamoDBRecord[];
}

/**
 * DynamoDB Streams for dynalite, which has none. Every successful PutItem on the events table becomes a stream
 * record of the same shape (INSERT, NEW_IMAGE, increasing sequence numbers), delivered in order, in batches, at
 * least once: a batch that reports failures is retried from its earliest failed record, like Lambda does.
 * Delivery is in memory; what a crash loses here is recovered by the rebuild of the views at start.
 */
export class StreamDelivery {
  private readonly queue: DynamoDBRecord[] = [];
  private sequence = 0n;
  private running: Promise<void> | null = null;
  private paused = false;
  readonly failed: DynamoDBRecord[] = [];
  delivered = 0;

  constructor(
    private readonly eventsTable: string,
    private readonly handle: BatchHandler,
    private readonly log: Logger,
    private readonly options: StreamDeliveryOptions = {},
  ) {}

  /**
   * Taps the SDK client: after each successful PutItem on the events table, the new image is enqueued. The tap sits
   * inside the SDK's retries, next to the wire: an attempt that wrote is a record even if a later answer is lost.
   */
  attach(client: Pick<DynamoDBClient, 'middlewareStack'>): void {
    client.middlewareStack.add(
      (next) => async (args) => {
        const result = await next(args);
        const input = args.input as { TableName?: string; Item?: Record<string, AttributeValue>; ConditionExpression?: string };
        if (input.TableName === this.eventsTable && input.Item && 'ConditionExpression' in input) this.enqueue(input.Item);
        return result;
      },
      { step: 'finalizeRequest', priority: 'low', name: `localStreamDelivery:${this.options.name ?? 'stream'}` },
    );
  }

  enqueue(image: Record<string, AttributeValue>): void {
    const { eventTypes } = this.options;
    if (eventTypes && !eventTypes.includes(image.type?.S ?? '')) return; // filtered out: never delivered, never pending
    const sequenceNumber = String(++this.sequence).padStart(21, '0');
    this.queue.push({
      eventID: sequenceNumber,
      eventName: 'INSERT',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'local',
      eventSourceARN: `arn:aws:dynamodb:local:000000000000:table/${this.eventsTable}/stream/local`,
      dynamodb: {
        ApproximateCreationDateTime: Math.floor(Date.now() / 1000),
        Keys: { pk: image.pk, sk: image.sk } as never,
        NewImage: image as never,
        SequenceNumber: sequenceNumber,
        SizeBytes: JSON.stringify(image).length,
        StreamViewType: 'NEW_IMAGE',
      },
    });
    this.start();
  }

  /** Records waiting for delivery: how far the projector is behind. */
  get pending(): number {
    return this.queue.length;
  }

  /** Whether a batch is being delivered right now (its handler may have store calls in flight). */
  get busy(): boolean {
    return this.running !== null;
  }

  /** Holds records back (they queue up), as a stream whose consumer is slow or down would. */
  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.start();
  }

  private start(): void {
    if (this.paused || this.queue.length === 0) return;
    this.running ??= this.pump().finally(() => {
      this.running = null;
    });
  }

  /** Resolves once every record enqueued so far has been delivered (or set aside after its retries). */
  async drained(): Promise<void> {
    while (this.running) await this.running;
  }

  private async pump(): Promise<void> {
    const { batchSize = 100, maxAttempts = 8, retryDelayMs = 25, batchingWindowMs = 0 } = this.options;
    let attempt = 0;
    while (this.queue.length > 0 && !this.paused) {
      await Promise.resolve(); // let a burst of writes in the same tick join one batch
      if (batchingWindowMs > 0 && this.queue.length < batchSize) await new Promise((resolve) => setTimeout(resolve, batchingWindowMs));
      const batch = this.queue.slice(0, batchSize);
      let firstFailed = batch.length;
      try {
        const { batchItemFailures } = await this.handle(this.options.faults?.batch(batch) ?? batch);
        for (const { itemIdentifier } of batchItemFailures) {
          firstFailed = Math.min(firstFailed, batch.findIndex((record) => record.dynamodb!.SequenceNumber === itemIdentifier));
        }
      } catch (error) {
        this.log('error', 'stream batch failed', { error: String(error), records: batch.length });
        firstFailed = 0;
      }
      this.queue.splice(0, firstFailed);
      this.delivered += firstFailed;
      if (this.options.faults) this.queue.push(...this.options.faults.again(batch.slice(0, firstFailed)));
      // Attempts count for the record at the head: one that moved past its batch's failures starts afresh.
      if (firstFailed > 0) attempt = 0;
      if (firstFailed === batch.length) continue;
      if (++attempt >= maxAttempts) {
        // Like an on-failure destination: set the record aside, go on with the rest.
        this.failed.push(...this.queue.splice(0, 1));
        this.log('error', 'stream record set aside after retries', { attempts: attempt });
        attempt = 0;
        continue;
      }
      if (this.paused) break;
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs * 2 ** Math.min(attempt, 6)));
    }
  }
}
