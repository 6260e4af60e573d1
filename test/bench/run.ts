import { Agent, request as httpRequest } from 'node:http';
import { BatchGetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { vnInstant } from '../../domain/time';
import { silentLogger } from '../../functions/log';
import { startRuntime } from '../../infra/local/runtime';
import { STREAM_SUBSCRIPTIONS } from '../../infra/routes';
import { bundleSizes } from './bundle-sizes';
import { coldImportMs } from './cold-start';
import { PRICES, estimateUsd } from './cost';
import { fillHistory } from './history-growth';
import { projectionBurst } from './projection';
import { reportBuild } from './report';
import { decisionViewMs, readsAtScale } from './scale';
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

// Reads as the organization grows (issue 17): 50 civil servants a department, 2 departments, 100, then a province's
// 1,000 (50,000 people: its members' and heads' reads only, sent once; seeding it is most of this case's time;
// BENCH_PROVINCE_MEMBERS=0 leaves it out).
const SCALE_RUNS = Number(process.env.BENCH_SCALE_RUNS ?? 5);
const PROVINCE = Number(process.env.BENCH_PROVINCE_MEMBERS ?? 50_000);
const scaleReads = async () => {
  const small = await readsAtScale({ departments: 2, members: 100, runs: SCALE_RUNS });
  const agency = await readsAtScale({ departments: 100, members: 5_000, runs: SCALE_RUNS });
  const province = PROVINCE > 0 ? await readsAtScale({ departments: PROVINCE / 50, members: PROVINCE, runs: 1, wholeOrganization: false }) : null;
  const ratio = (label: string) => round(agency.reads[label].readUnits / small.reads[label].readUnits, 2);
  return {
    readUnitRatio5000To100: { 'member: own board row': ratio('member: own board row'), 'head: department board': ratio('head: department board'), 'head: department scores': ratio('head: department scores'), goal: 1.2 },
    small,
    agency,
    province,
    decisionView: [decisionViewMs(1_000), decisionViewMs(4_000)],
  };
};
// The projector's write units per evaluation event, as departments grow: 10 members each, then 200.
const projectionBursts = async () => {
  const options = { batchSize: STREAM_SUBSCRIPTIONS[0].batchSize, batchingWindowMs: STREAM_SUBSCRIPTIONS[0].batchingWindowSeconds * 1000, concurrency: CONCURRENCY };
  const small = await projectionBurst({ ...options, departments: Number(process.env.BENCH_DEPARTMENTS ?? 50), membersPerDepartment: Number(process.env.BENCH_MEMBERS ?? 10) });
  const large = await projectionBurst({ ...options, departments: 2, membersPerDepartment: 200 });
  return { small, large };
};
if (process.env.BENCH_ONLY === 'scale') {
  const started = performance.now();
  const figures = { settings: { node: process.version }, readsAtScale: await scaleReads(), evaluationBurstsThroughProjector: await projectionBursts() };
  process.stdout.write(`${JSON.stringify({ ...figures, seconds: round((performance.now() - started) / 1000) }, null, 2)}\n`);
  process.exit(0);
}
const benchStarted = performance.now();
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
// Each side is ROUNDS runs of a share of the pledges, and reports the median of their p50s (one sample a side swung
// from 1.34 to 0.92 between two runs on this machine).
const share = Math.ceil(PLEDGES / ROUNDS);
const sideP50 = async (offset: number) => {
  const p50s: number[] = [];
  for (let run = 0; run < ROUNDS; run++) p50s.push((await measured(historyMembers(offset + run * share))).p50);
  return { p50: median(p50s) };
};
const smallTable = await sideP50(0);
await fillHistory(runtime, HISTORY);
const largeTable = await sideP50(PLEDGES);

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

// The evaluation burst through the projector: 10,000 events over 50 departments (issue 3's benchmark), and the
// same members' histories in 2 departments of 200.
const bursts = await projectionBursts();
const projection = bursts.small;
const scale = await scaleReads();

// The bill, from the units measured above: one agency's year (100 civil servants: pledges, a season of
// evaluation, reviews; ~40 commands and ~400 reads each) and a province's deadline day (1,000 agencies × 100 people
// × 2 writes, and as many reads of the board). Units are DynamoDB's own (ConsumedCapacity): the command's, the
// projector's per event, and a read's as a civil servant or a head makes it (the mean of the two board reads).
const units = perCommand.submit as { readCapacityUnits: number; writeCapacityUnits: number };
const readUnitsPerRead = round((scale.small.reads['member: own board row'].readUnits + scale.small.reads['head: department board'].readUnits) / 2, 2);
const costOf = (commands: number, reads: number) =>
  estimateUsd({ commands, reads, writeUnitsPerCommand: units.writeCapacityUnits, readUnitsPerCommand: units.readCapacityUnits + projection.readUnitsPerEvent, viewWritesPerEvent: projection.writeUnitsPerEvent, readUnitsPerRead, lambdaMs: 60, lambdaMb: 256 });
const cost = {
  prices: PRICES,
  assumptions: `Lambda 256 MB, 60 ms per request; measured units: ${units.writeCapacityUnits} write + ${units.readCapacityUnits} read per command, the projector ${projection.writeUnitsPerEvent} write + ${projection.readUnitsPerEvent} read per event, ${readUnitsPerRead} read per read`,
  agencyYear: costOf(4_000, 40_000),
  provinceDeadlineDay: costOf(200_000, 200_000),
};

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
  evaluationBurstLargeDepartments: bursts.large,
  readsAtScale: scale,
  estimatedAwsCostUsd: cost,
  fiveYearReport: await fiveYearReport(),
  lambdaBundlesKb: Object.fromEntries(bundles.map((bundle) => [bundle.entry, round(bundle.kb)])),
  largestBundleKb: round(Math.max(...bundles.filter((bundle) => !bundle.download).map((bundle) => bundle.kb))),
  largestDownloadBundleKb: round(Math.max(...bundles.filter((bundle) => bundle.download).map((bundle) => bundle.kb))),
};
process.stdout.write(`${JSON.stringify({ ...report, seconds: round((performance.now() - benchStarted) / 1000) }, null, 2)}\n`);
