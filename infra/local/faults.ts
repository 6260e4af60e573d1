import { type DynamoDBClient, InternalServerError, ProvisionedThroughputExceededException, ThrottlingException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { Notifier } from '../../functions/notify/notifier';
import type { BatchHandler, DeliveryFaults } from './stream-delivery';

/**
 * Fault injection for the local runtime, off unless `RuntimeOptions.faults` is given (tests, `npm run load`,
 * or `THIDUA_FAULTS` for `npm start`). Every rate is a fraction in [0, 1]; every fault injected is counted by kind.
 *
 * Store faults are SDK middlewares on the runtime's DynamoDB client, so they hit every caller (handlers,
 * projector, schedules) as DynamoDB would. They sit at two depths of the SDK's middleware stack:
 *  - per call, above the SDK's retries (the client has maxAttempts 3): the caller sees the error, as when DynamoDB
 *    keeps throttling until the SDK gives up. Without these, the SDK would retry nearly every fault away;
 *  - per attempt, inside the SDK's retries: the SDK retries (with its own backoff) and the caller rarely notices.
 * A fault "before" is thrown before the request is sent (nothing written); a fault "after" comes once DynamoDB has
 * written the item (the stream record exists), and only the answer is lost.
 */
export interface FaultConfig {
  /** Seed of the fault decisions (a mulberry32 generator). */
  readonly seed?: number;
  /** Store calls failing before they are sent, as their caller sees them: throttling or 500 InternalServerError. */
  readonly storeCallRate?: number;
  /** Store attempts failing before they are sent; the SDK retries them. */
  readonly storeAttemptRate?: number;
  /** PutItems written, then failing to their caller with a 500 (the answer lost once the SDK's retries are spent). */
  readonly postWriteRate?: number;
  /** PutItem attempts written whose answer is lost: the SDK sends the same PutItem again (a conditional one then fails). */
  readonly lostResponseRate?: number;
  /** Stream batches (of any subscription: the projector, the reminders' delivery) that crash (throw) after handling a random part of the batch. */
  readonly projectorCrashRate?: number;
  /** Stream records delivered twice: again within their batch, or again later after other batches. */
  readonly duplicateRate?: number;
  /** Shuffle every batch handed to the projector (DynamoDB Streams keeps order per item; this does not). */
  readonly shuffle?: boolean;
  /** Messages the notifier refuses (as SES does when throttling), before anything is sent. */
  readonly sendFailureRate?: number;
}

export type FaultKind =
  | `call:${string}`
  | `attempt:${string}`
  | `post-write:${string}`
  | `lost-response:${string}`
  | 'projector-crash'
  | 'delivery-duplicate'
  | 'delivery-redelivered-later'
  | 'delivery-shuffled-batch'
  | 'send-failure'
  | 'restart';

const STORE_ERRORS = [
  () => new ProvisionedThroughputExceededException({ message: 'injected: provisioned throughput exceeded', $metadata: { httpStatusCode: 400 } }),
  () => new ThrottlingException({ message: 'injected: rate of requests exceeds the allowed throughput', $metadata: { httpStatusCode: 400 } }),
  () => new InternalServerError({ message: 'injected: internal server error', $metadata: { httpStatusCode: 500 } }),
];

/** The fault injector. One instance can serve successive runtimes (a restart), so its counts cover the whole run. */
export class Faults {
  /** Faults are injected only while enabled (a harness turns them off to set up and to check); `config` may change. */
  enabled = true;
  readonly counts: Partial<Record<FaultKind, number>> = {};
  readonly random: () => number;

  constructor(public config: FaultConfig) {
    this.random = mulberry32(config.seed ?? 1);
  }

  count(kind: FaultKind, by = 1): void {
    this.counts[kind] = (this.counts[kind] ?? 0) + by;
  }

  private chance(rate: number | undefined): boolean {
    return this.enabled && rate !== undefined && rate > 0 && this.random() < rate;
  }

  private storeError(kind: 'call' | 'attempt'): Error {
    const error = STORE_ERRORS[Math.floor(this.random() * STORE_ERRORS.length)]();
    this.count(`${kind}:${error.name}`);
    return error;
  }

  /** Adds the store faults to the runtime's client (the one `StreamDelivery` taps). */
  attachStore(client: Pick<DynamoDBClient, 'middlewareStack'>, tables: { readonly events: string; readonly views: string }): void {
    const tableOf = (input: { TableName?: string }) => (input.TableName === tables.events ? 'events' : input.TableName === tables.views ? 'views' : 'other');
    const written = (operation: string, rate: number | undefined, kind: 'post-write' | 'lost-response', input: unknown) => {
      if (operation !== 'PutItemCommand' || !this.chance(rate)) return false;
      this.count(`${kind}:${tableOf(input as { TableName?: string })}`);
      return true;
    };
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (this.chance(this.config.storeCallRate)) throw this.storeError('call');
        const result = await next(args);
        if (written(context.commandName ?? '', this.config.postWriteRate, 'post-write', args.input)) {
          throw new InternalServerError({ message: 'injected: the item was written, the answer is lost', $metadata: { httpStatusCode: 500 } });
        }
        return result;
      },
      { step: 'initialize', priority: 'high', name: 'localFaultsPerCall' },
    );
    // Inside the SDK's retry loop (priority high), above the stream tap (low): a lost answer still leaves its record.
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (this.chance(this.config.storeAttemptRate)) throw this.storeError('attempt');
        const result = await next(args);
        if (written(context.commandName ?? '', this.config.lostResponseRate, 'lost-response', args.input)) {
          throw Object.assign(new Error('injected: socket hang up after the item was written'), { name: 'TimeoutError', code: 'ECONNRESET', $metadata: {} });
        }
        return result;
      },
      { step: 'finalizeRequest', priority: 'normal', name: 'localFaultsPerAttempt' },
    );
  }

  /** The projector, crashing now and then after it has applied the first part of a batch. */
  projector(handle: BatchHandler): BatchHandler {
    return async (records) => {
      if (!this.chance(this.config.projectorCrashRate)) return handle(records);
      const applied = Math.floor(this.random() * records.length);
      if (applied > 0) await handle(records.slice(0, applied));
      this.count('projector-crash');
      throw new Error(`injected: projector crashed after ${applied} of ${records.length} records`);
    };
  }

  /** The notifier (the outbox), refusing a message now and then: the reminder's stream record must come again. */
  notifier(notifier: Notifier): Notifier {
    return {
      send: async (message) => {
        if (!this.chance(this.config.sendFailureRate)) return notifier.send(message);
        this.count('send-failure');
        throw new Error(`injected: sending to ${message.to} failed`);
      },
    };
  }

  /** Duplicated and reordered deliveries, for `StreamDeliveryOptions.faults`. */
  readonly delivery: DeliveryFaults = {
    batch: (records) => {
      if (!this.enabled) return [...records];
      const out: DynamoDBRecord[] = [];
      for (const record of records) {
        out.push(record);
        if (this.chance(this.config.duplicateRate)) {
          out.push(record);
          this.count('delivery-duplicate');
        }
      }
      if (this.config.shuffle && out.length > 1) {
        for (let i = out.length - 1; i > 0; i--) {
          const j = Math.floor(this.random() * (i + 1));
          [out[i], out[j]] = [out[j], out[i]];
        }
        this.count('delivery-shuffled-batch');
      }
      return out;
    },
    again: (delivered) => {
      const later = delivered.filter(() => this.chance(this.config.duplicateRate));
      if (later.length > 0) this.count('delivery-redelivered-later', later.length);
      return later;
    },
  };
}

/** A small seeded generator: the same seed gives the same sequence of decisions. */
export const mulberry32 = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const ENV_KEYS: Record<string, keyof FaultConfig> = {
  seed: 'seed',
  call: 'storeCallRate',
  attempt: 'storeAttemptRate',
  'post-write': 'postWriteRate',
  'lost-response': 'lostResponseRate',
  crash: 'projectorCrashRate',
  duplicate: 'duplicateRate',
  shuffle: 'shuffle',
  send: 'sendFailureRate',
};

/**
 * `THIDUA_FAULTS` for `npm start`, e.g. `call=0.02,attempt=0.02,post-write=0.01,crash=0.05,duplicate=0.02,shuffle,send=0.1`.
 * Unset or empty: no faults.
 */
export const faultsFromEnv = (value: string | undefined): Faults | undefined => {
  if (!value?.trim()) return undefined;
  const config: Record<string, number | boolean> = {};
  for (const part of value.split(',').map((each) => each.trim()).filter(Boolean)) {
    const [name, raw] = part.split('=');
    const key = ENV_KEYS[name];
    if (!key) throw new Error(`THIDUA_FAULTS: unknown fault "${name}" (known: ${Object.keys(ENV_KEYS).join(', ')})`);
    const number = raw === undefined ? 1 : Number(raw);
    if (!Number.isFinite(number) || (key !== 'seed' && (number < 0 || number > 1))) throw new Error(`THIDUA_FAULTS: "${part}" is not a rate in [0, 1]`);
    config[key] = key === 'shuffle' ? number > 0 : number;
  }
  return new Faults(config as FaultConfig);
};
