import { ScanCommand, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { CAMPAIGN_TEMPLATES, CCHC_CRITERIA } from '../../domain/campaign/templates';
import { vnInstant } from '../../domain/time';
import type { StoredEvent } from '../../events/envelope';
import { type Deps, documentClient } from '../../functions/deps';
import { silentLogger } from '../../functions/log';
import { viewsOfStreams } from '../../functions/projections';
import { appendEvent } from '../../functions/store/event-store';
import { projectRecords } from '../../functions/streams/project-views';
import { participantAggregateId } from '../../functions/store/view-keys';
import { startDynalite } from '../../infra/local/dynalite';
import { startRuntime } from '../../infra/local/runtime';
import { batchPut } from './batch-put';
import { tapCalls } from './call-counter';
import { CAMPAIGN, ORG, participantYear, stream } from './report';
import { median, round } from './stats';

const YEAR = 2025;

/** One cycle of an agency: its roster, the campaign, every participant's pledge and final evaluation. */
const cycleStreams = (departments: number, members: number) => {
  const departmentOf = (m: number) => `phong-${m % departments}`;
  return [
    stream('campaign', CAMPAIGN, [{ type: 'CampaignLaunched', data: { definition: CAMPAIGN_TEMPLATES[CAMPAIGN], openedCycle: YEAR } }]),
    ...Array.from({ length: departments }, (_, d) => stream('department', `phong-${d}`, [{ type: 'DepartmentRegistered', data: { name: `Phòng chuyên môn số ${d + 1}` } }])),
    ...Array.from({ length: members }, (_, m) => stream('member', `m-${m}`, [{ type: 'MemberRegistered', data: { fullName: `Công chức số ${m + 1}`, departmentId: departmentOf(m), position: 'Chuyên viên' } }])),
    ...Array.from({ length: departments }, (_, d) => participantYear(YEAR, 'department', `phong-${d}`, `phong-${d}`, d * 7)).flat(),
    ...Array.from({ length: members }, (_, m) => participantYear(YEAR, 'member', `m-${m}`, departmentOf(m), m * 13)).flat(),
  ];
};

/** The largest view item (its JSON size, near DynamoDB's own count) and how many there are. */
const scanSizes = async (deps: Deps) => {
  let largest = 0;
  let items = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page: ScanCommandOutput = await deps.db.send(new ScanCommand({ TableName: deps.tables.views, ExclusiveStartKey: startKey }));
    for (const item of page.Items ?? []) largest = Math.max(largest, Buffer.byteLength(JSON.stringify(item)));
    items += page.Items?.length ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return { items, largestItemKb: round(largest / 1024, 1) };
};

/**
 * What reads cost as the organization grows: an agency of `members` civil servants in `departments` departments
 * (views seeded in bulk as the projector and a rebuild compute them), each read sent `runs` times through the local
 * HTTP stack. Per read: the read units DynamoDB reports (ConsumedCapacity, what it bills), the calls, the answer's
 * size, and the median time. Then the largest view item.
 */
export const readsAtScale = async ({ departments, members, runs }: { departments: number; members: number; runs: number }) => {
  const runtime = await startRuntime({ data: 'memory', port: 0, now: vnInstant(2025, 12, 26, 9), frozenClock: true, seed: false, autoSchedules: false, log: silentLogger });
  try {
    const seedStarted = performance.now();
    await batchPut(runtime.deps, runtime.deps.tables.views, viewsOfStreams(cycleStreams(departments, members)));
    const seedSeconds = round((performance.now() - seedStarted) / 1000, 1);
    const cycle = `/orgs/${ORG}/campaigns/${CAMPAIGN}/cycles/${YEAR}`;
    const readers = {
      office: await runtime.token({ org: ORG, role: 'office' }),
      head: await runtime.token({ org: ORG, role: 'head', department: 'phong-0', member: 'm-0' }),
      member: await runtime.token({ org: ORG, role: 'member', department: 'phong-0', member: `m-${departments}` }),
    };
    const reads: [string, keyof typeof readers, string][] = [
      ['member: own board row', 'member', `${cycle}/registrations`],
      ['member: own scoreboard row', 'member', `${cycle}/scoreboard`],
      ['head: department board', 'head', `${cycle}/registrations`],
      ['head: department scores', 'head', `${cycle}/departments/phong-0/scores`],
      ['head: scoreboard row', 'head', `${cycle}/scoreboard`],
      ['office: whole board', 'office', `${cycle}/registrations`],
      ['office: scoreboard', 'office', `${cycle}/scoreboard`],
    ];
    const tap = tapCalls(runtime.deps.db);
    const figures: Record<string, { readUnits: number; calls: Record<string, number>; answerKb: number; p50Ms: number }> = {};
    for (const [label, reader, path] of reads) {
      const times: number[] = [];
      let answer = 0;
      let tally: ReturnType<typeof tap.stop> | undefined;
      for (let run = 0; run < runs; run++) {
        if (run === 0) tap.start();
        const started = performance.now();
        const response = await fetch(`${runtime.url}${path}`, { headers: { authorization: `Bearer ${readers[reader]}` } });
        answer = (await response.arrayBuffer()).byteLength;
        times.push(performance.now() - started);
        if (run === 0) tally = tap.stop();
        if (response.status !== 200) throw new Error(`${label}: ${response.status}`);
      }
      figures[label] = { readUnits: round(tally!.readCapacity, 1), calls: tally!.calls, answerKb: round(answer / 1024, 1), p50Ms: round(median(times), 1) };
    }
    return { departments, members, seedSeconds, runs, reads: figures, views: await scanSizes(runtime.deps) };
  } finally {
    await runtime.stop();
  }
};

const catalogue = CCHC_CRITERIA.map(({ code, maxScore }) => ({ code, maxScore, parent: code }));
const meta = { at: '2025-12-01T02:00:00.000Z', actor: { sub: 'bench', roles: ['office'] } };
/** A stored event as DynamoDB Streams delivers it (one INSERT record). */
const recordOf = (event: StoredEvent, sequence: number): DynamoDBRecord => ({
  eventName: 'INSERT',
  dynamodb: { NewImage: marshall({ pk: event.pk, sk: event.version, type: event.type, data: event.data, meta: event.meta }, { removeUndefinedValues: true }) as never, SequenceNumber: String(sequence).padStart(21, '0') },
});

/**
 * What the projector pays per evaluation event in a department of `membersPerDepartment` (two departments, every
 * member with a submitted sheet): `events` members each get one more event (an appraisal), each delivered in a batch
 * of its own (the worst case: nothing to coalesce). Write and read units as DynamoDB reports them, per event.
 */
export const projectorUnitsPerEvent = async ({ membersPerDepartment, events }: { membersPerDepartment: number; events: number }) => {
  const dynamo = await startDynalite('memory');
  const deps: Deps = { db: documentClient(dynamo.client), tables: dynamo.tables, now: () => new Date(), log: silentLogger };
  const projectorClient = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 3 });
  const projectorDeps: Deps = { ...deps, db: documentClient(projectorClient) };
  try {
    const org = 'bench-projector';
    const appended: StoredEvent[] = [];
    const append = async (type: 'campaign' | 'department' | 'member' | 'evaluation', id: string, version: number, event: { type: string; data: unknown }) =>
      appended.push(await appendEvent(deps, { org, type, id }, version, event, meta));
    await append('campaign', CAMPAIGN, 1, { type: 'CampaignLaunched', data: { definition: CAMPAIGN_TEMPLATES[CAMPAIGN], openedCycle: YEAR } });
    const members: { id: string; departmentId: string }[] = [];
    for (let d = 0; d < 2; d++) {
      await append('department', `phong-${d}`, 1, { type: 'DepartmentRegistered', data: { name: `Phòng ${d}` } });
      for (let m = 0; m < membersPerDepartment; m++) members.push({ id: `m-${d}-${m}`, departmentId: `phong-${d}` });
    }
    const sheet = CCHC_CRITERIA.map((criterion) => ({ criterion: criterion.code, score: criterion.maxScore / 2, evidence: [{ title: 'Báo cáo', ref: 'Số 1/BC' }] }));
    for (const { id, departmentId } of members) {
      await append('member', id, 1, { type: 'MemberRegistered', data: { fullName: `Công chức ${id}`, departmentId } });
      await append('evaluation', participantAggregateId(CAMPAIGN, YEAR, 'member', id), 1, { type: 'SelfAssessmentSubmitted', data: { participant: { kind: 'member', id, departmentId }, scores: sheet, catalogue } });
    }
    const setUp = appended.map(recordOf);
    for (let start = 0; start < setUp.length; start += 100) await projectRecords(deps, setUp.slice(start, start + 100));

    const tap = tapCalls(projectorClient);
    let sequence = setUp.length;
    tap.start();
    for (const { id } of members.slice(0, events)) {
      const event = await appendEvent(deps, { org, type: 'evaluation', id: participantAggregateId(CAMPAIGN, YEAR, 'member', id) }, 2, { type: 'AppraisalSubmitted', data: { appraiser: 'office', scores: sheet.map(({ criterion, score }) => ({ criterion, score })) } }, meta);
      await projectRecords(projectorDeps, [recordOf(event, ++sequence)]);
    }
    const tally = tap.stop();
    return {
      membersPerDepartment,
      events,
      writeUnitsPerEvent: round(tally.writeCapacity / events, 2),
      readUnitsPerEvent: round(tally.readCapacity / events, 2),
      callsPerEvent: Object.fromEntries(Object.entries(tally.calls).map(([name, count]) => [name, round(count / events, 2)])),
      views: await scanSizes(deps),
    };
  } finally {
    projectorClient.destroy();
    await dynamo.close();
  }
};
