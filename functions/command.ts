import type { EventMeta, StoredEvent, StreamId } from '../events/envelope';
import type { Actor } from '../domain/actor';
import { type Decider, fold } from '../domain/decider';
import { DomainError, refuse } from '../domain/errors';
import type { Deps } from './deps';
import { VersionConflict, appendEvent, loadStream } from './store/event-store';

export interface CommandRequest {
  readonly actor: Actor;
  readonly requestId?: string;
  readonly correlationId?: string;
  /** The version the client last read (If-Match); absent means "whatever is current". */
  readonly expectedVersion?: number;
  readonly idempotency?: { readonly key: string; readonly requestHash: string };
}

export interface CommandResult<State> {
  readonly state: State;
  readonly version: number;
  /** The stream up to `version`: what the response and the projection are computed from. */
  readonly events: readonly StoredEvent[];
  /** The first event this request wrote (or wrote the first time, on a replay); null when nothing changed. */
  readonly event: StoredEvent | null;
  /** Every event this request wrote, oldest first: more than one where a command writes pages (a large decision). */
  readonly written: readonly StoredEvent[];
  readonly replayed: boolean;
}

/**
 * Races on one aggregate are rare (one pledge, one department), but a burst at a deadline can put dozens of writers
 * on one record. A caller without If-Match asked for "whatever is current", so its command is decided again on the
 * newer state, after a short random pause (full jitter: the writers spread out instead of colliding again), up to a
 * bound; a caller with If-Match gets its 412 at once.
 */
const MAX_ATTEMPTS = 16;
const MAX_PAUSE_MS = 1000;
const pauseBeforeAttempt = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(MAX_PAUSE_MS, 20 * 2 ** attempt)));

/** Whether a request's events stop short of the last of its parts: it was cut off between two writes. */
const cutShort = (own: readonly StoredEvent[]) => {
  const part = own.at(-1)?.meta.part;
  return part !== undefined && part.index + 1 < part.of;
};

/**
 * Load, decide, append: one Query and one conditional PutItem per event. A retried request (same Idempotency-Key)
 * finds its own events in the stream it has just loaded and answers as the first time, so idempotency costs no
 * extra call. A command may write several events (pages that keep each item far below DynamoDB's 400 KB): they are
 * appended one after the other, each at the next version, so nothing can come between them but a writer that won
 * a version; a request cut off between them (a crash, a lost race) is decided again when retried, and the decider
 * writes what is still missing. The context may be a loader of reference data: it is read once, at the same time
 * as the stream.
 */
export const executeCommand = async <Command, Event extends { type: string; data: unknown }, State, Context>(
  deps: Deps,
  decider: Decider<Command, Event, State, Context>,
  streamId: StreamId,
  command: Command,
  contextOrLoader: Context | (() => Promise<Context>),
  request: CommandRequest,
): Promise<CommandResult<State>> => {
  const contextPromise = typeof contextOrLoader === 'function' ? (contextOrLoader as () => Promise<Context>)() : Promise.resolve(contextOrLoader);
  for (let attempt = 1; ; attempt++) {
    const [events, context] = await Promise.all([loadStream(deps, streamId), contextPromise]);
    const own = requestEvents(events, request);
    if (own.length > 0 && !cutShort(own)) {
      const upTo = events.slice(0, own.at(-1)!.version);
      return { state: fold(decider, upTo as unknown as Event[]), version: upTo.length, events: upTo, event: own[0], written: own, replayed: true };
    }

    const state = fold(decider, events as unknown as Event[]);
    const version = events.length;
    // A request resuming its own cut-off write passed this check the first time.
    if (own.length === 0 && request.expectedVersion !== undefined && request.expectedVersion !== version) {
      refuse('version-conflict', `the record is at version ${version}, not ${request.expectedVersion}: read it again`, { currentVersion: version });
    }
    const decided = decider.decide(command, state, context);
    if (decided.length === 0) return { state, version, events, event: own[0] ?? null, written: own, replayed: false };

    const appended: StoredEvent[] = [];
    try {
      for (const [index, event] of decided.entries()) {
        const part = decided.length > 1 ? { index, of: decided.length } : undefined;
        appended.push(await appendEvent(deps, streamId, version + 1 + index, event, metaFor(deps, request, part)));
      }
      const written = [...own, ...appended];
      return { state: decided.reduce(decider.evolve, state), version: version + appended.length, events: [...events, ...appended], event: written[0], written, replayed: false };
    } catch (error) {
      if (!(error instanceof VersionConflict)) throw error;
      // Someone wrote this version first, perhaps this very request (an SDK retry of a write whose answer was
      // lost): load again. The replay check finds our own events (and resumes them if they stop short); otherwise
      // the If-Match check answers 412, or, without If-Match, the command is decided again on the newer state.
      if (attempt >= MAX_ATTEMPTS) refuse('version-conflict', 'the record was changed by someone else meanwhile: read it again');
      if (request.expectedVersion === undefined) await pauseBeforeAttempt(attempt);
    }
  }
};

/**
 * The earlier events of this very request, if any. A retry belongs to its caller: an event written for another
 * `sub` is never this request's, whatever key or request id it carries (another caller sending a key it saw or
 * guessed makes a fresh request, and learns nothing of the first one's answer).
 */
const requestEvents = (events: readonly StoredEvent[], request: CommandRequest): StoredEvent[] => {
  const own = events.filter((event) => event.meta.actor.sub === request.actor.sub);
  // Without a key, a request still recognizes its own write by its request id (an SDK retry keeps it).
  if (!request.idempotency) return request.requestId === undefined ? [] : own.filter((event) => event.meta.requestId === request.requestId);
  const { key, requestHash } = request.idempotency;
  const earlier = own.filter((event) => event.meta.idempotencyKey === key);
  if (earlier.some((event) => event.meta.requestHash !== requestHash)) {
    throw new DomainError('idempotency-key-reused', 'this Idempotency-Key was used for a different request');
  }
  return earlier;
};

const metaFor = (deps: Deps, request: CommandRequest, part: EventMeta['part']): EventMeta => ({
  at: deps.now().toISOString(),
  actor: { sub: request.actor.sub, roles: [...request.actor.roles] },
  requestId: request.requestId,
  correlationId: request.correlationId,
  idempotencyKey: request.idempotency?.key,
  requestHash: request.idempotency?.requestHash,
  part,
});
