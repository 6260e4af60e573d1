import type { AddressInfo } from 'node:net';
import type { DynamoDBRecord } from 'aws-lambda';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Deps, documentClient } from '../../functions/deps';
import { httpHandler } from '../../functions/http/handler';
import type { RouteHandler } from '../../functions/http/types';
import { Outbox } from '../../functions/notify/outbox';
import { type Logger, jsonLogger } from '../../functions/log';
import { computeViews, removeOlderLayouts, storedViews } from '../../functions/streams/rebuild';
import { writeViewIfNewer } from '../../functions/store/write-view';
import { ROUTES, SCHEDULES, STREAM_SUBSCRIPTIONS, type ScheduleSpec } from '../routes';
import { LocalAuthority, type TokenRequest } from './auth';
import { LocalClock } from './clock';
import { startDynalite } from './dynalite';
import { s3EvidenceStorage } from '../../functions/evidence/s3-storage';
import { startLocalS3 } from './s3';
import type { Faults } from './faults';
import { type LambdaHttpHandler, createLocalHttpServer } from './http-server';
import { localRoutes } from './local-routes';
import { compileRoute } from './router';
import { LocalScheduler } from './scheduler';
import { DEMO_ORG, seedDemo } from './seed';
import { staticFiles } from './static-files';
import { LocalAccounts } from './accounts';
import { StreamDeliveries } from './stream-deliveries';
import { StreamJournal } from './stream-journal';
import { type BatchHandler, StreamDelivery, type StreamDeliveryOptions } from './stream-delivery';

export interface RuntimeOptions {
  /** A folder for the embedded DynamoDB (kept across restarts), or 'memory'. */
  readonly data: string | 'memory';
  /** 0 picks a free port (tests). */
  readonly port?: number;
  readonly now?: Date;
  readonly frozenClock?: boolean;
  readonly seed?: boolean;
  readonly log?: Logger;
  readonly streams?: StreamDeliveryOptions;
  /** Tests drive the schedules by hand; the demo lets the clock fire them. */
  readonly autoSchedules?: boolean;
  /** Injected faults (faults.ts): store errors, projector crashes, duplicated and reordered deliveries. Off if absent. */
  readonly faults?: Faults;
  /** A folder holding the built web console, served at `/` beside the API (static-files.ts); none if absent. */
  readonly web?: string;
  /** How long evidence upload URLs last (900 s if absent): tests shorten it to see an expired one refused. */
  readonly evidenceUploadSeconds?: number;
}

const ROOT = new URL('../../', import.meta.url);
const importEntry = (entry: string) => import(pathToFileURL(join(ROOT.pathname, entry)).href);
/** What a stream entry exports for the local runtime (routes.ts): its handler with the dependencies passed in. */
type StreamHandler = (deps: Deps, records: DynamoDBRecord[]) => ReturnType<BatchHandler>;

export type Runtime = Awaited<ReturnType<typeof startRuntime>>;

const inParallel = async <T>(items: readonly T[], width: number, each: (item: T) => Promise<void>) => {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await each(items[next++]);
  }));
};

/**
 * The whole system on one machine: dynalite, stream delivery to each subscription, the scheduler on a movable clock,
 * and the HTTP API, all wired from the same route table as the CDK stack, running the same handlers.
 */
export const startRuntime = async (options: RuntimeOptions) => {
  const log = options.log ?? jsonLogger();
  const dynamo = await startDynalite(options.data);
  const clock = new LocalClock();
  if (options.now) clock.set(options.now, options.frozenClock ?? false);
  // Reminders go to the outbox: kept beside the data (or in memory), logged, listed at GET /_local/outbox.
  const outbox = new Outbox(clock.now, log, options.data === 'memory' ? undefined : join(options.data, 'outbox.jsonl'));
  // Only the stream subscription that notifies is handed the outbox (as only it may send on AWS).
  // Evidence files go to a local S3-compatible server, through the same SDK client and presigner as on AWS. Uploads
  // come from the console's own origin (known once the server listens).
  let consoleOrigin = '';
  const s3 = await startLocalS3(options.data, (origin) => origin === consoleOrigin);
  const evidence = s3EvidenceStorage({
    bucket: s3.bucket,
    client: { endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: s3.credentials },
    uploadSeconds: options.evidenceUploadSeconds,
  });
  const deps: Deps = { db: documentClient(dynamo.client), tables: dynamo.tables, now: clock.now, log, evidence };

  // Every subscription reads the stream on its own, and any of them may crash mid-batch (injected), as a Lambda can.
  // Reminders leave through the notifier there, with its injected send failures, if any.
  const notifying: Deps = { ...deps, notifier: options.faults?.notifier(outbox) ?? outbox };
  // Sign-in accounts as the user pool keeps them, handed (as on AWS) only to what manages accounts.
  const accounts = LocalAccounts.forData(options.data);
  const managing: Deps = { ...deps, accounts };
  const deliveries = new Map<string, StreamDelivery>();
  for (const subscription of STREAM_SUBSCRIPTIONS) {
    const entry = (await importEntry(subscription.entry)) as { handleRecords: StreamHandler };
    const handle: BatchHandler = (records) => entry.handleRecords(subscription.notifies ? notifying : subscription.managesAccounts ? managing : deps, records);
    const delivery = new StreamDelivery(dynamo.tables.events, options.faults?.projector(handle) ?? handle, log, {
      batchSize: subscription.batchSize,
      eventTypes: subscription.eventTypes,
      name: subscription.name,
      faults: options.faults?.delivery,
      // On disk, each subscription resumes after a restart from its checkpoint, as a DynamoDB stream does.
      journal: options.data === 'memory' ? undefined : StreamJournal.open(join(options.data, 'streams'), subscription.name),
      ...options.streams,
    });
    delivery.attach(dynamo.client);
    deliveries.set(subscription.name, delivery);
  }
  const streams = new StreamDeliveries(deliveries);

  // In memory, whatever a crash left undelivered is lost; on disk it is resumed, and the views are recomputed from
  // the events here anyway (a rebuild is the projector's own recovery).
  // Items already at their version are skipped (writeViewIfNewer would refuse them anyway, one slow call each).
  const [views, stored] = await Promise.all([computeViews(deps), storedViews(deps)]);
  const storedVersions = new Map(stored.map((item) => [`${item.pk}\n${item.sk}`, item.version]));
  const upToDate = (item: (typeof views)[number]) => typeof item.version === 'number' && item.version === storedVersions.get(`${item.pk}\n${item.sk}`);
  let rebuilt = 0;
  await inParallel(views.filter((item) => !upToDate(item)), 16, async (item) => {
    if (await writeViewIfNewer(deps, item)) rebuilt++;
  });
  // Items an older release laid out (a department's score item, before lines were items) would only cost reads.
  rebuilt += await removeOlderLayouts(deps, stored);
  // What was enqueued but not handled when the last run stopped is delivered now, on the rebuilt views.
  streams.resume();
  const empty = views.length === 0;
  if (empty && options.seed) {
    await seedDemo(deps, clock.now(), () => streams.drained());
    await streams.drained();
  }

  const runSchedule = async (schedule: ScheduleSpec) => {
    const module = await importEntry(schedule.entry);
    const result = await module.run(deps);
    await streams.drained();
    return result;
  };
  const scheduler = new LocalScheduler(SCHEDULES, clock.now, runSchedule, log);
  if (options.autoSchedules ?? true) {
    for (const schedule of SCHEDULES) await runSchedule(schedule); // catch up on what fell due while stopped
    scheduler.start();
  }

  // Store faults start once the runtime is up: the rebuild at start-up has no retries (it is local machinery).
  options.faults?.attachStore(dynamo.client, dynamo.tables);

  // Requests still running when the server stops (their clients cut off) finish before the store closes.
  const inFlight = new Set<Promise<unknown>>();
  const tracked =
    (handler: LambdaHttpHandler): LambdaHttpHandler =>
    (event, context) => {
      const running = handler(event, context);
      inFlight.add(running);
      running.then(() => inFlight.delete(running), () => inFlight.delete(running));
      return running;
    };
  const handlers = new Map<string, LambdaHttpHandler>();
  for (const spec of ROUTES) {
    const module = (await importEntry(spec.entry)) as { route: RouteHandler };
    handlers.set(`${spec.method} ${spec.path}`, tracked(httpHandler(module.route, { public: spec.public, maxBodyBytes: spec.maxBodyBytes }, () => (spec.managesAccounts ? managing : deps)) as unknown as LambdaHttpHandler));
  }
  const authority = LocalAuthority.forData(options.data);
  const server = createLocalHttpServer({
    routes: ROUTES.map(compileRoute),
    handlers,
    authority,
    now: clock.now,
    // The demo's organization and its current campaign (the plan's 2026-2030 one) are what the console opens on.
    staticFiles: options.web ? staticFiles(options.web, { org: DEMO_ORG, defaultCampaign: 'cchc-2026-2030' }, [s3.endpoint]) : undefined,
    localRoutes: localRoutes({
      authority,
      accounts,
      now: clock.now,
      setClock: async (now, frozen) => {
        clock.set(now, frozen);
        if (options.autoSchedules ?? true) await scheduler.tick();
      },
      runSchedule,
      outbox: () => outbox.messages,
      drainStreams: async () => {
        await streams.drained();
        return { delivered: streams.delivered, failed: streams.failed.length };
      },
    }),
  });
  let apiBytes = 0;
  server.on('request', (request) => request.on('data', (chunk: Buffer) => (apiBytes += chunk.length)));
  await new Promise<void>((resolve) => server.listen(options.port ?? 3000, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  consoleOrigin = `http://127.0.0.1:${port}`;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    deps,
    clock,
    streams,
    scheduler,
    rebuiltAtStart: rebuilt,
    s3,
    /** Bytes of request bodies the API received (the bench shows no evidence file passes through it). */
    apiBytesReceived: () => apiBytes,
    seeded: empty && (options.seed ?? false),
    runSchedule: (name: string) => runSchedule(SCHEDULES.find((schedule) => schedule.name === name)!),
    token: (request: TokenRequest) => authority.issue(request, clock.now()),
    /** The local user pool: the accounts the roster's events made, and their roles. */
    accounts,
    /** Waits until every subscription (the projector, the reminders' delivery) has handled every event written so far. */
    settle: () => streams.drained(),
    /**
     * Cuts every connection, lets the requests already running finish, then closes the store. `crash: true` drops
     * the stream records not yet delivered, as a crash would (the next start rebuilds the views from the events).
     */
    stop: async ({ crash = false }: { readonly crash?: boolean } = {}) => {
      const scheduled = scheduler.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled([...inFlight, scheduled]);
      if (crash) {
        // The batch being projected fails at its next store call (refused once the store is closing; the calls
        // already sent are answered first): nothing is written after this returns.
        streams.pause();
        await Promise.all([dynamo.close(), s3.close()]);
        await streams.drained();
        return;
      }
      await streams.drained();
      await Promise.all([dynamo.close(), s3.close()]);
    },
  };
};

/**
 * Stops a runtime and starts it again on the same data folder and port, as a restarted server would: clients see
 * their connections cut, then refused, then the same URL again. The disk is kept; with `crash`, the stream records
 * not yet delivered are not (the views are rebuilt from the events at start).
 */
export const restartRuntime = async (runtime: Runtime, options: RuntimeOptions, { crash = false } = {}): Promise<Runtime> => {
  await runtime.stop({ crash });
  options.faults?.count('restart');
  return startRuntime({ ...options, port: runtime.port });
};
