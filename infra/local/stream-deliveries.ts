import type { DynamoDBRecord } from 'aws-lambda';
import type { StreamDelivery } from './stream-delivery';

/**
 * The events table's stream as the runtime sees it: one delivery per subscription (routes.ts), each with its own
 * queue, retries and filter, as each event source mapping reads the stream on its own on AWS. What the harnesses
 * ask of "the stream" (pause it, wait for it, what is pending or set aside) covers them all.
 */
export class StreamDeliveries {
  constructor(private readonly deliveries: ReadonlyMap<string, StreamDelivery>) {}

  /** One subscription's delivery, by its name in routes.ts. */
  of(name: string): StreamDelivery {
    const delivery = this.deliveries.get(name);
    if (!delivery) throw new Error(`no stream subscription ${name}`);
    return delivery;
  }

  private get all(): StreamDelivery[] {
    return [...this.deliveries.values()];
  }

  pause(): void {
    this.all.forEach((delivery) => delivery.pause());
  }

  resume(): void {
    this.all.forEach((delivery) => delivery.resume());
  }

  /** Resolves once every subscription has delivered (or set aside) every record enqueued so far. */
  async drained(): Promise<void> {
    await Promise.all(this.all.map((delivery) => delivery.drained()));
  }

  /** Whether any subscription is delivering a batch right now. */
  get busy(): boolean {
    return this.all.some((delivery) => delivery.busy);
  }

  get pending(): number {
    return this.all.reduce((sum, delivery) => sum + delivery.pending, 0);
  }

  get delivered(): number {
    return this.all.reduce((sum, delivery) => sum + delivery.delivered, 0);
  }

  get failed(): DynamoDBRecord[] {
    return this.all.flatMap((delivery) => delivery.failed);
  }
}
