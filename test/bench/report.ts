import { CAMPAIGN_TEMPLATES, CCHC_CRITERIA } from '../../domain/campaign/templates';
import { vnInstant } from '../../domain/time';
import type { AggregateType, StoredEvent, StreamId } from '../../events/envelope';
import { silentLogger } from '../../functions/log';
import { viewsOfStreams } from '../../functions/projections';
import { initiativeAggregateId } from '../../functions/projections/awards';
import { participantAggregateId } from '../../functions/store/view-keys';
import { startRuntime } from '../../infra/local/runtime';
import { batchPut } from './batch-put';
import { median, round } from './stats';

export const ORG = 'bench-report';
export const CAMPAIGN = 'cchc-2021-2025';
const YEARS = [2021, 2022, 2023, 2024, 2025];
const meta = { at: '2025-12-26T02:00:00.000Z', actor: { sub: 'bench', roles: ['office'] } };
const catalogue = CCHC_CRITERIA.map(({ code, maxScore }) => ({ code, maxScore, parent: code }));

/** An aggregate's stream as the store would hold it. */
export const stream = (type: AggregateType, id: string, events: readonly { type: string; data: unknown }[]) => ({
  id: { org: ORG, type, id } satisfies StreamId,
  events: events.map((event, index): StoredEvent => ({ pk: `${ORG}#${type}#${id}`, version: index + 1, type: event.type, data: event.data, meta })),
});

/** A participant's year: a pledge, then a self-assessment submitted and finalized (scores spread over 60-99%). */
export const participantYear = (year: number, kind: 'department' | 'member', id: string, departmentId: string, seed: number) => {
  const participant = { kind, id, departmentId };
  const percent = 60 + (seed % 40);
  return [
    stream('pledge', participantAggregateId(CAMPAIGN, year, kind, id), [
      { type: 'PledgeSubmitted', data: { participantKind: kind, participantId: id, departmentId, targetTitles: [kind === 'member' ? 'lao-dong-tien-tien' : 'tap-the-lao-dong-tien-tien'], commitments: [{ text: 'Giải quyết 100% hồ sơ đúng hạn' }] } },
    ]),
    stream('evaluation', participantAggregateId(CAMPAIGN, year, kind, id), [
      { type: 'SelfAssessmentSubmitted', data: { participant, scores: CCHC_CRITERIA.map((criterion) => ({ criterion: criterion.code, score: criterion.maxScore, evidence: [{ title: 'Báo cáo', ref: 'Số 1/BC' }] })), catalogue } },
      { type: 'EvaluationFinalized', data: { result: { percent, grade: 'hoan-thanh-tot', gradeLabel: 'Hoàn thành tốt nhiệm vụ', total: percent, applicableMax: 100, criteria: [] } } },
    ]),
  ];
};

/**
 * The histories of an agency over the plan's five years: departments, members, the campaign; every year each
 * participant's pledge and final evaluation, a decision granting LĐTT to a third of the members and a title to each
 * department, and an initiative recognized per department.
 */
const agencyStreams = (departments: number, members: number) => {
  const memberDepartment = (m: number) => `phong-${m % departments}`;
  const streams = [
    stream('campaign', CAMPAIGN, [{ type: 'CampaignLaunched', data: { definition: CAMPAIGN_TEMPLATES[CAMPAIGN], openedCycle: 2021 } }]),
    ...Array.from({ length: departments }, (_, d) => stream('department', `phong-${d}`, [{ type: 'DepartmentRegistered', data: { name: `Phòng chuyên môn số ${d + 1}` } }])),
    ...Array.from({ length: members }, (_, m) => stream('member', `m-${m}`, [{ type: 'MemberRegistered', data: { fullName: `Công chức số ${m + 1}`, departmentId: memberDepartment(m), position: 'Chuyên viên' } }])),
  ];
  for (const year of YEARS) {
    for (let d = 0; d < departments; d++) streams.push(...participantYear(year, 'department', `phong-${d}`, `phong-${d}`, d * 7 + year));
    for (let m = 0; m < members; m++) streams.push(...participantYear(year, 'member', `m-${m}`, memberDepartment(m), m * 13 + year));
    const awards = [
      ...Array.from({ length: Math.floor(members / 3) }, (_, i) => ({ title: 'lao-dong-tien-tien', recipientKind: 'member', recipientId: `m-${i * 3}`, departmentId: memberDepartment(i * 3), amount: 702_000, ruleSet: 'nd98-2023' })),
      ...Array.from({ length: departments }, (_, d) => ({ title: 'tap-the-lao-dong-tien-tien', recipientKind: 'department', recipientId: `phong-${d}`, departmentId: `phong-${d}`, amount: 1_872_000, ruleSet: 'nd98-2023' })),
    ];
    streams.push(stream('decision', `qd-${year}`, [{ type: 'DecisionRecorded', data: { campaignId: CAMPAIGN, year, number: `${year}/QĐ-BQL`, date: `${year}-12-26`, signer: 'Trưởng ban', awards } }]));
    for (let d = 0; d < departments; d++) {
      const author = { kind: 'member', id: `m-${d}`, departmentId: memberDepartment(d) };
      streams.push(
        stream('initiative', initiativeAggregateId(CAMPAIGN, year, `sk-${d}`), [
          { type: 'InitiativeSubmitted', data: { title: `Sáng kiến số ${d + 1} năm ${year}`, problem: 'Hồ sơ giấy', solution: 'Số hóa', results: 'Giảm 30% thời gian', scope: 'Ban Quản lý', author } },
          { type: 'InitiativeSentToReview', data: {} },
          { type: 'InitiativeRecognized', data: { decisionNumber: `${d + 1}/QĐ-BQL`, decisionDate: `${year}-06-15` } },
        ]),
      );
    }
  }
  return streams;
};

/**
 * The five-year report (tổng kết) of an agency with `members` civil servants, through the local HTTP stack. The
 * views are seeded as the projector would write them (its own item and entry functions over the agencies' event
 * streams), in bulk; then the report is downloaded `runs` times: its build time is the request's.
 */
export const reportBuild = async (options: { departments: number; members: number; runs: number }) => {
  const runtime = await startRuntime({ data: 'memory', port: 0, now: vnInstant(2026, 1, 15, 9), frozenClock: true, seed: false, autoSchedules: false, log: silentLogger });
  const seedStarted = performance.now();
  const streams = agencyStreams(options.departments, options.members);
  const views = viewsOfStreams(streams);
  await batchPut(runtime.deps, runtime.deps.tables.views, views);
  const seedMs = performance.now() - seedStarted;

  const token = await runtime.token({ org: ORG, role: 'office' });
  const timings: number[] = [];
  let bytes = 0;
  for (let run = 0; run < options.runs; run++) {
    const started = performance.now();
    const response = await fetch(`${runtime.url}/orgs/${ORG}/campaigns/${CAMPAIGN}/reports`, { headers: { authorization: `Bearer ${token}` } });
    bytes = (await response.arrayBuffer()).byteLength;
    if (response.status !== 200) throw new Error(`report: ${response.status}`);
    timings.push(performance.now() - started);
  }
  await runtime.stop();
  return {
    departments: options.departments,
    members: options.members,
    years: YEARS.length,
    events: streams.reduce((sum, { events }) => sum + events.length, 0),
    viewItems: views.length,
    seedSeconds: round(seedMs / 1000, 2),
    docxKb: round(bytes / 1024),
    runs: options.runs,
    buildMs: { first: round(timings[0]), median: round(median(timings)), max: round(Math.max(...timings)) },
    goalMs: 10_000,
  };
};
