import { Agent, request as httpRequest } from 'node:http';
import { BatchGetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { vnInstant } from '../../domain/time';
import { silentLogger } from '../../functions/log';
import { startRuntime } from '../../infra/local/runtime';
import { STREAM_SUBSCRIPTIONS } from '../../infra/routes';
import { bundleSizes } from './bundle-sizes';
import { coldImportMs } from './cold-start';
import { evidenceBench } from './evidence';
import { PRICES, estimateUsd } from './cost';
import { fillHistory } from './history-growth';
import { largeItems } from './large-items';
import { projectionBurst } from './projection';
import { reportBuild } from './report';
import { rosterImport } from './roster-import';
import { projectorUnitsPerEvent, readsAtScale } from './scale';
import { tapCalls } from './call-counter';
import { measure, median, round } from './stats';

/**
 * `npm run bench`: the registration path's cost, measured side by side in one run against one embedded DynamoDB.
 *  - HTTP stack: PUT pledge through the local server, JWT check, middy chain, decider, event store;
 *  - direct: the same store calls made with the SDK alone (Query + BatchGetItem + conditional PutItem);
 *  - floor: a bare conditional PutItem.
 * Stream delivery is paused while a phase is measured (the projector would share the one dynalite with
 * whichever phase ran), and drained between phases. Rounds alternate the three so machine noise hits all
 * alike; the median of the rounds is reported.
 */
const PLEDGES = Number(process.env.BENCH_PLEDGES ?? 600);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const ORG = 'bench-org';
const CAMPAIGN = 'cchc-2021-2025';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

// The five-year report (tổng kết) of a 1,000-member agency (issue 5: builds in under 10 s locally).
const fiveYearReport = () =>
  reportBuild({ departments: Number(process.env.BENCH_REPORT_DEPARTMENTS ?? 20), members: Number(process.env.BENCH_REPORT_MEMBERS ?? 1000), runs: Number(process.env.BENCH_REPORT_RUNS ?? 3) });
// `BENCH_ONLY=report npm run bench`: that case alone, without the minutes the others take.
if (process.env.BENCH_ONLY === 'report') {
  process.stdout.write(`${JSON.stringify({ settings: { node: process.version }, fiveYearReport: await fiveYearReport() }, null, 2)}\n`);
  process.exit(0);
}
// Evidence files: upload+confirm of 100 files of 1 MB, and the zip of a department's files. BENCH_ZIP_MB sets the
// zip's size (default 100 MB, to keep the run short; the figure is BENCH_ZIP_MB=500). `BENCH_ONLY=evidence`: that case alone.
const evidence = () => evidenceBench({ files: Number(process.env.BENCH_EVIDENCE_FILES ?? 100), zipMb: Number(process.env.BENCH_ZIP_MB ?? 100) });
if (process.env.BENCH_ONLY === 'evidence') {
  process.stdout.write(`${JSON.stringify({ settings: { node: process.version }, evidenceFiles: await evidence() }, null, 2)}\n`);
  process.exit(0);
}
// The roster import of a 1,000-member agency (issue 11): preview, apply, the same file again.
const rosterImportCase = () => rosterImport({ rows: Number(process.env.BENCH_ROSTER_ROWS ?? 1000), departments: Number(process.env.BENCH_REPORT_DEPARTMENTS ?? 20) });
if (process.env.BENCH_ONLY === 'roster') {
  process.stdout.write(`${JSON.stringify({ settings: { node: process.version }, rosterImport: await rosterImportCase() }, null, 2)}\n`);
  process.exit(0);
}
// Issue 17: a decision's view at 1,000 and 4,000 awards (CPU, linear) and the largest items at 5,000. `BENCH_ONLY=items`.
const largeItemsCase = () => largeItems({ rounds: Number(process.env.BENCH_ROUNDS ?? 5) });
if (process.env.BENCH_ONLY === 'items') {
  process.stdout.write(`${JSON.stringify({ settings: { node: process.version }, largeItems: largeItemsCase() }, null, 2)}\n`);
  process.exit(0);
}
// Reads at 100 and 5,000 members (read units and p50 per reader) and the projector's units per evaluation event at
// 10 and 200 members a department (issue 17). `BENCH_ONLY=scale`: that case alone.
const scaleCase = async () => ({
  reads: [await readsAtScale({ departments: 2, members: 100, runs: 5 }), await readsAtScale({ departments: 100, members: Number(process.env.BENCH_SCALE_MEMBERS ?? 5000), runs: 5 })],
  projector: [await projectorUnitsPerEvent({ membersPerDepartment: 10, events: 10 }), await projectorUnitsPerEvent({ membersPerDepartment: 200, events: 20 })],
});
if (process.env.BENCH_ONLY === 'scale') {
  process.stdout.write(`${JSON.stringify({ settings: { node: process.version }, scale: await scaleCase() }, null, 2)}\n`);
  process.exit(0);
}
const runtime = await startRuntime({ data: 'memory', port: 0, now: vnInstant(2025, 2, 1, 9), frozenClock: true, seed: false, autoSchedules: false, log: silentLogger });
const { db, tables } = runtime.deps;
const token = await runtime.token({ org: ORG, role: 'office' });
// node:http with keep-alive: the client shares the process (and its CPU) with the stack, so it must be light.
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
const http = (method: string, path: string, body?: unknown) =>
  new Promise<void>((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const request = httpRequest(`${runtime.url}${path}`, { method, agent, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(payload ? { 'content-length': Buffer.byteLength(payload) } : {}) } }, (response) => {
      response.resume();
      response.on('end', () => ((response.statusCode ?? 500) >= 300 ? reject(new Error(`${method} ${path}: ${response.statusCode}`)) : resolve()));
    });
    request.on('error', reject);
    request.end(payload);
  });

// The organization: 10 departments, PLEDGES × ROUNDS members (+1 for the call count), the plan's campaign.
for (let d = 0; d < 10; d++) await http('PUT', `/orgs/${ORG}/departments/phong-${d}`, { name: `Phòng ${d}` });
for (let m = 0; m <= PLEDGES * ROUNDS; m++) await http('PUT', `/orgs/${ORG}/members/m-${m}`, { fullName: `Công chức ${m}`, departmentId: `phong-${m % 10}` });
await http('PUT', `/orgs/${ORG}/campaigns/${CAMPAIGN}`, { template: CAMPAIGN });
await runtime.settle();

const pledge = { participantKind: 'member', targetTitles: ['lao-dong-tien-tien'], commitments: [{ text: 'Giải quyết 100% hồ sơ đúng hạn', criterion: 'cai-cach-thu-tuc-hanh-chinh' }] };
const viewKey = (pk: string, sk: string) => ({ pk, sk });

const viaHttp = (round: number) => (i: number) => http('PUT', `/orgs/${ORG}/campaigns/${CAMPAIGN}/cycles/2025/pledges/m-${round * PLEDGES + i}`, pledge);
const direct = (round: number) => async (i: number) => {
  const pk = `${ORG}#pledge#${CAMPAIGN}:2024:member:direct-${round}-${i}`;
  // The handler reads the aggregate and its reference data at the same time: so does the direct path.
  await Promise.all([
    db.send(new QueryCommand({ TableName: tables.events, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true })),
    db.send(new BatchGetCommand({ RequestItems: { [tables.views]: { Keys: [viewKey(`${ORG}#campaigns`, CAMPAIGN), viewKey(`${ORG}#members`, `m-${i}`)] } } })),
  ]);
  await db.send(new PutCommand({ TableName: `${tables.events}`, Item: { pk, sk: 1, type: 'PledgeSubmitted', data: pledge, meta: { at: new Date().toISOString() } }, ConditionExpression: 'attribute_not_exists(pk)' }));
};
const floor = (round: number) => (i: number) =>
  db.send(new PutCommand({ TableName: tables.views, Item: { pk: `floor-${round}`, sk: `i-${i}`, version: 1 }, ConditionExpression: 'attribute_not_exists(pk)' })).then(() => undefined);

const results = { http: [] as Awaited<ReturnType<typeof measure>>[], direct: [] as Awaited<ReturnType<typeof measure>>[], floor: [] as Awaited<ReturnType<typeof measure>>[] };
const measured = async (operation: (index: number) => Promise<void>) => {
  runtime.streams.pause();
  const figures = await measure(PLEDGES, CONCURRENCY, operation);
  runtime.streams.resume();
  await runtime.settle();
  return figures;
};
for (let round = 0; round < ROUNDS; round++) {
  results.http.push(await measured(viaHttp(round)));
  results.direct.push(await measured(direct(round)));
  results.floor.push(await measured(floor(round)));
}
const summary = (runs: typeof results.http) => ({ perSecond: round(median(runs.map((run) => run.perSecond))), p50: round(median(runs.map((run) => run.p50)), 2), p99: round(median(runs.map((run) => run.p99)), 2) });
const [h, d, f] = [summary(results.http), summary(results.direct), summary(results.floor)];

// Cost per command as history grows: the same submissions with ~1k events in the table, then with 100k more.
const HISTORY = Number(process.env.BENCH_HISTORY ?? 100_000);
const historyMembers = (offset: number) => (i: number) => http('PUT', `/orgs/${ORG}/campaigns/${CAMPAIGN}/cycles/2025/pledges/h-${offset + i}`, pledge);
for (let m = 0; m < 2 * PLEDGES; m++) await http('PUT', `/orgs/${ORG}/members/h-${m}`, { fullName: `Công chức h${m}`, departmentId: `phong-${m % 10}` });
await runtime.settle();
const smallTable = await measured(historyMembers(0));
await fillHistory(runtime, HISTORY);
const largeTable = await measured(historyMembers(PLEDGES));

// DynamoDB calls and capacity per command, counted on the runtime's own client.
const tap = tapCalls(db);
const one = `/orgs/${ORG}/campaigns/${CAMPAIGN}/cycles/2025/pledges/m-${PLEDGES * ROUNDS}`;
const perCommand: Record<string, unknown> = {};
for (const [label, method, body] of [['submit', 'PUT', pledge], ['amend', 'PUT', { ...pledge, targetTitles: ['giay-khen'] }], ['withdraw', 'DELETE', undefined]] as const) {
  await runtime.settle();
  runtime.streams.pause(); // count the command's own calls, not the projector's
  tap.start();
  await http(method, one, body);
  const tally = tap.stop();
  runtime.streams.resume();
  perCommand[label] = { calls: tally.calls, readCapacityUnits: tally.readCapacity, writeCapacityUnits: tally.writeCapacity };
}
await runtime.settle();

const bundles = await bundleSizes();
agent.destroy();
await runtime.stop();

// The evaluation burst through the projector: 10,000 events over 50 departments (issue 3's benchmark).
const projection = await projectionBurst({
  departments: Number(process.env.BENCH_DEPARTMENTS ?? 50),
  membersPerDepartment: Number(process.env.BENCH_MEMBERS ?? 10),
  batchSize: STREAM_SUBSCRIPTIONS[0].batchSize,
  batchingWindowMs: STREAM_SUBSCRIPTIONS[0].batchingWindowSeconds * 1000,
  concurrency: CONCURRENCY,
});

// The bill, from the units measured above: one agency's year (100 civil servants: pledges, a season of
// evaluation, reviews; ~40 commands and ~400 reads each) and a province's deadline day (1,000 agencies × 100 people
// × 2 writes, and as many reads of the board).
const units = perCommand.submit as { readCapacityUnits: number; writeCapacityUnits: number };
const costOf = (commands: number, reads: number) =>
  estimateUsd({ commands, reads, writeUnitsPerCommand: units.writeCapacityUnits, readUnitsPerCommand: units.readCapacityUnits, viewWritesPerEvent: projection.writesPerEvent, readUnitsPerRead: 3, lambdaMs: 60, lambdaMb: 256 });
const cost = { prices: PRICES, assumptions: 'Lambda 256 MB, 60 ms per request; 3 read units per read (a board is three Queries)', agencyYear: costOf(4_000, 40_000), provinceDeadlineDay: costOf(200_000, 200_000) };

const report = {
  settings: { pledgesPerRound: PLEDGES, rounds: ROUNDS, concurrency: CONCURRENCY, node: process.version },
  pledgeSubmissions: {
    httpStack: h,
    directSdk: d,
    bareConditionalPut: f,
    stackShareOfDirect: `${round((h.perSecond / d.perSecond) * 100)}%`,
    stackShareOfFloor: `${round((h.perSecond / f.perSecond) * 100)}%`,
  },
  dynamoCallsPerCommand: perCommand,
  historyGrowth: { extraEvents: HISTORY, p50SmallMs: round(smallTable.p50, 2), p50LargeMs: round(largeTable.p50, 2), p50Ratio: round(largeTable.p50 / smallTable.p50, 2) },
  coldStart: await coldImportMs(['functions/http/health.ts', 'functions/http/put-pledge.ts', 'functions/http/evaluation-commands.ts', 'functions/streams/project-views.ts', 'functions/http/export-registrations.ts', 'functions/http/get-report.ts']),
  evaluationBurstThroughProjector: { ...projection, batchSize: STREAM_SUBSCRIPTIONS[0].batchSize, batchingWindowSeconds: STREAM_SUBSCRIPTIONS[0].batchingWindowSeconds, perEventProjectorWritesPerEvent: 1 },
  estimatedAwsCostUsd: cost,
  fiveYearReport: await fiveYearReport(),
  evidenceFiles: await evidence(),
  rosterImport: await rosterImportCase(),
  largeItems: largeItemsCase(),
  scale: await scaleCase(),
  lambdaBundlesKb: Object.fromEntries(bundles.map((bundle) => [bundle.entry, round(bundle.kb)])),
  largestBundleKb: round(Math.max(...bundles.filter((bundle) => !bundle.download).map((bundle) => bundle.kb))),
  largestDownloadBundleKb: round(Math.max(...bundles.filter((bundle) => bundle.download).map((bundle) => bundle.kb))),
};
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
