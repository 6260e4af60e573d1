import type { StreamId } from '../../events/envelope';
import type { EvaluationEvent } from '../../events/evaluation';
import { CCHC_CRITERIA } from '../../domain/campaign/templates';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type Deps, documentClient } from '../../functions/deps';
import { silentLogger } from '../../functions/log';
import { projectRecords } from '../../functions/streams/project-views';
import { appendEvent } from '../../functions/store/event-store';
import { startDynalite } from '../../infra/local/dynalite';
import { StreamDelivery } from '../../infra/local/stream-delivery';
import { tapCalls } from './call-counter';
import { measure, percentile, round } from './stats';

const evidence = [{ title: 'Báo cáo', ref: 'Số 1/BC' }];
const catalogue = CCHC_CRITERIA.map(({ code, maxScore }) => ({ code, maxScore, parent: code }));
const sheet = (scale: number) => CCHC_CRITERIA.map((criterion) => ({ criterion: criterion.code, score: Math.floor(criterion.maxScore * scale * 4) / 4, evidence }));

/** A member's year: drafts, the submission, appraisals revised by three appraisers, the final result: 20 events. */
const memberHistory = (departmentId: string, memberId: string, seed: number): EvaluationEvent[] => {
  const participant = { kind: 'member' as const, id: memberId, departmentId };
  const drafts = Array.from({ length: 5 }, (_, index) => ({ type: 'SelfAssessmentDrafted' as const, data: { participant, scores: sheet(0.3 + index / 10), catalogue } }));
  const appraisals = Array.from({ length: 13 }, (_, index) => ({
    type: 'AppraisalSubmitted' as const,
    data: { appraiser: `appraiser-${index % 3}`, scores: [{ criterion: 'cai-cach-the-che', score: (seed + index) % 10 }] },
  }));
  return [
    ...drafts,
    { type: 'SelfAssessmentSubmitted', data: { participant, scores: sheet(0.8), catalogue } },
    ...appraisals,
    { type: 'EvaluationFinalized', data: { result: { percent: 80, grade: 'hoan-thanh', gradeLabel: 'Hoàn thành nhiệm vụ', total: 80, applicableMax: 100, criteria: [] } } },
  ];
};

/**
 * A burst of evaluation events through the projector, the way the local runtime delivers them (appends on the
 * real SDK, stream records batched as they queue up). Reports views-table writes per event, throughput, and the
 * lag from an append's return to its department's item being written.
 */
export const projectionBurst = async (options: { departments: number; membersPerDepartment: number; batchSize: number; batchingWindowMs: number; concurrency: number }) => {
  const dynamo = await startDynalite('memory');
  const deps: Deps = { db: documentClient(dynamo.client), tables: dynamo.tables, now: () => new Date(), log: silentLogger };
  const appendedAt = new Map<string, number>();
  const lags: number[] = [];
  let writes = 0;
  const delivery = new StreamDelivery(
    dynamo.tables.events,
    async (records) => {
      const outcome = await projectRecords(projectorDeps, records);
      writes += outcome.writes;
      const done = performance.now();
      for (const record of records) {
        const key = `${record.dynamodb!.NewImage!.pk.S}#${record.dynamodb!.NewImage!.sk.N}`;
        if (appendedAt.has(key)) lags.push(done - appendedAt.get(key)!);
      }
      return outcome;
    },
    silentLogger,
    { batchSize: options.batchSize, batchingWindowMs: options.batchingWindowMs },
  );
  delivery.attach(dynamo.client);
  // The projector's own calls and units: its client is apart from the appends' (same endpoint), so it is counted alone.
  const projectorClient = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 3 });
  const projectorDeps: Deps = { ...deps, db: documentClient(projectorClient) };
  const tap = tapCalls(projectorDeps.db);
  tap.start();

  const streams: { id: StreamId; events: EvaluationEvent[] }[] = [];
  for (let d = 0; d < options.departments; d++) {
    for (let m = 0; m < options.membersPerDepartment; m++) {
      const memberId = `m-${d}-${m}`;
      streams.push({ id: { org: 'bench', type: 'evaluation', id: `cchc-2021-2025:2025:member:${memberId}` }, events: memberHistory(`phong-${d}`, memberId, d + m) });
    }
  }
  // Interleave the members' events, as a deadline burst does: round r appends every member's r-th event.
  const meta = { at: new Date().toISOString(), actor: { sub: 'bench', roles: ['office'] } };
  const rounds = streams[0].events.length;
  const started = performance.now();
  for (let version = 1; version <= rounds; version++) {
    await measure(streams.length, options.concurrency, async (index) => {
      const { id, events } = streams[index];
      await appendEvent(deps, id, version, events[version - 1], meta);
      appendedAt.set(`bench#evaluation#${id.id}#${version}`, performance.now());
    });
  }
  await delivery.drained();
  const events = streams.length * rounds;
  const seconds = (performance.now() - started) / 1000;
  const projector = tap.stop();
  projectorClient.destroy();
  await dynamo.close();
  lags.sort((a, b) => a - b);
  return {
    events,
    viewWrites: writes,
    writesPerEvent: round(writes / events, 3),
    departments: options.departments,
    membersPerDepartment: options.membersPerDepartment,
    // What DynamoDB bills the projector for, per event, and the calls it made in all.
    writeUnitsPerEvent: round(projector.writeCapacity / events, 3),
    readUnitsPerEvent: round(projector.readCapacity / events, 3),
    projectorCalls: projector.calls,
    eventsPerSecond: round(events / seconds),
    lagMs: { p50: round(percentile(lags, 50)), p99: round(percentile(lags, 99)) },
  };
};
