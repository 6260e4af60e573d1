import { ScanCommand, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';
import { CAMPAIGN_TEMPLATES } from '../../domain/campaign/templates';
import { vnInstant } from '../../domain/time';
import { silentLogger } from '../../functions/log';
import { startRuntime } from '../../infra/local/runtime';
import { batchPut } from './batch-put';
import { tapCalls } from './call-counter';
import { viewContributions } from '../../functions/projections';
import { CAMPAIGN, ORG, participantYear, projectedViews, stream } from './report';
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

const scanSizes = async (runtime: Awaited<ReturnType<typeof startRuntime>>) => {
  let largest = 0;
  let items = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page: ScanCommandOutput = await runtime.deps.db.send(new ScanCommand({ TableName: runtime.deps.tables.views, ExclusiveStartKey: startKey }));
    for (const item of page.Items ?? []) largest = Math.max(largest, Buffer.byteLength(JSON.stringify(item)));
    items += page.Items?.length ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return { items, largestItemKb: round(largest / 1024, 1) };
};

/**
 * What reads cost as the organization grows: an agency of `members` civil servants in `departments` departments
 * (views seeded in bulk as the projector writes them), each read sent `runs` times through the local HTTP stack.
 * Per read: the read units DynamoDB reports (ConsumedCapacity, what it bills), the calls, the answer's size, and
 * the median time. Then the largest view item. `wholeOrganization: false` leaves the Office's reads out.
 */
export const readsAtScale = async ({ departments, members, runs, wholeOrganization = true }: { departments: number; members: number; runs: number; wholeOrganization?: boolean }) => {
  const runtime = await startRuntime({ data: 'memory', port: 0, now: vnInstant(2025, 12, 26, 9), frozenClock: true, seed: false, autoSchedules: false, log: silentLogger });
  try {
    const seedStarted = performance.now();
    await batchPut(runtime.deps, runtime.deps.tables.views, projectedViews(cycleStreams(departments, members)));
    const seedSeconds = round((performance.now() - seedStarted) / 1000, 1);
    const cycle = `/orgs/${ORG}/campaigns/${CAMPAIGN}/cycles/${YEAR}`;
    const readers = {
      office: await runtime.token({ org: ORG, role: 'office' }),
      head: await runtime.token({ org: ORG, role: 'head', department: 'phong-0', member: 'm-0' }),
      member: await runtime.token({ org: ORG, role: 'member', department: 'phong-0', member: `m-${departments}` }),
    };
    const reads: [string, keyof typeof readers, string][] = [
      ['member: own board row', 'member', `${cycle}/registrations`],
      ['head: department board', 'head', `${cycle}/registrations`],
      ['head: department scores', 'head', `${cycle}/departments/phong-0/scores`],
      ['office: whole board', 'office', `${cycle}/registrations`],
      ['office: scoreboard', 'office', `${cycle}/scoreboard`],
      ['office: eligibility, first page', 'office', `${cycle}/eligibility`],
    ];
    // The Office's reads cost the whole organization by design; a province's are left out (minutes each, locally).
    const measured = wholeOrganization ? reads : reads.filter(([, reader]) => reader !== 'office');
    const tap = tapCalls(runtime.deps.db);
    const figures: Record<string, { readUnits: number; calls: Record<string, number>; answerKb: number; p50Ms: number }> = {};
    for (const [label, reader, path] of measured) {
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
    return { departments, members, seedSeconds, runs, reads: figures, views: await scanSizes(runtime) };
  } finally {
    await runtime.stop();
  }
};

/** CPU time to build a decision's views (its item and an entry per recipient) at `awards` awards, median of `runs`. */
export const decisionViewMs = (awards: number, runs = 5) => {
  const granted = Array.from({ length: awards }, (_, i) => ({ title: 'lao-dong-tien-tien', recipientKind: 'member', recipientId: `m-${i}`, departmentId: `phong-${i % 100}`, amount: 702_000, ruleSet: 'nd98-2023' }));
  const content = { campaignId: CAMPAIGN, year: YEAR, number: '1/QĐ-BQL', date: `${YEAR}-12-26`, signer: 'Trưởng ban', awards: granted };
  const { id, events } = stream('decision', 'qd-1', [
    { type: 'DecisionRecorded', data: content },
    { type: 'DecisionCorrected', data: { ...content, awards: granted.slice(1), reason: 'Bỏ một người' } },
  ]);
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    viewContributions(id, events);
    times.push(performance.now() - started);
  }
  return { awards, medianMs: round(median(times), 1) };
};
