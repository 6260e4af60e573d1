import { type AttributeValue, ScanCommand } from '@aws-sdk/client-dynamodb';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import { projectRecords } from '../../functions/streams/project-views';
import { diffViews, storedViews } from '../../functions/streams/rebuild';
import { queryViews } from '../../functions/store/views';
import { viewKeys } from '../../functions/store/view-keys';
import type { Runtime } from '../../infra/local/runtime';
import { type Client, CAMPAIGN, ORG, as, paths, setUpOrganization, startTestRuntime } from '../support/runtime';
import { SELF_SCORES } from '../support/evaluation-fixtures';

const selfAssessment = (year: number, memberId: string) => `${paths.cycle(year)}/evaluations/${memberId}/self-assessment`;
const scores = (year: number, departmentId: string) => `${paths.cycle(year)}/departments/${departmentId}/scores`;
const memberIds = (body: { members: { memberId: string }[] }) => body.members.map((member) => member.memberId);
const boardMembers = (body: { departments: { departmentId: string; members: { memberId: string }[] }[] }) =>
  Object.fromEntries(body.departments.map((row) => [row.departmentId, row.members.map((member) => member.memberId)]));

/** Each department's stored summary of a cycle: its members' mean as every reader sees it. */
const summaryMeans = async (runtime: Runtime, year: number) =>
  Object.fromEntries((await queryViews(runtime.deps, viewKeys.departmentSummary(ORG, CAMPAIGN, year, '').pk)).map((item) => [item.sk, (item.open as [number | null, number | null])[1]]));

/**
 * A head's and a member's reads come from their department's own views (its postings, its lines, the summaries),
 * not the whole organization's; they must still count a member where it was on 31 December of each year. vien-a
 * (Phòng A) submits its 2024 and 2025 sheets there, then moves to Phòng B on 20 November 2025: its 2025 line, filed
 * under Phòng A, counts in Phòng B (the head of B reads it, B's summary has it, A's no longer does), and its 2024
 * line stays in Phòng A.
 */
describe('department reads and summaries after a move', () => {
  let runtime: Runtime;
  let office: Client;
  let percent2024: number;
  let percent2025: number;
  let percentB: number;
  const heads = async () => ({
    headA: await as(runtime, { role: 'head', department: 'phong-a', member: 'truong-a' }),
    headB: await as(runtime, { role: 'head', department: 'phong-b' }),
  });

  beforeAll(async () => {
    runtime = await startTestRuntime(vnInstant(2024, 11, 15, 9));
    ({ office } = await setUpOrganization(runtime));
    const submit = async (year: number, memberId: string, departmentId: string, sheet: readonly unknown[] = SELF_SCORES) => {
      const client = await as(runtime, { role: 'member', department: departmentId, member: memberId });
      const response = await client.put(selfAssessment(year, memberId), { participantKind: 'member', submit: true, scores: sheet });
      expect(response.status).toBe(201);
    };
    await submit(2024, 'vien-a', 'phong-a');
    await submit(2024, 'vien-b', 'phong-b'); // the same sheet: in 2024 the two departments tie, and names decide
    runtime.clock.set(vnInstant(2025, 11, 15, 9), true);
    office = await as(runtime, { role: 'office' });
    await submit(2025, 'vien-a', 'phong-a', SELF_SCORES.map((score, index) => (index === 0 ? { ...score, score: 2 } : score)));
    await submit(2025, 'vien-b', 'phong-b', SELF_SCORES.map((score, index) => (index === 1 ? { ...score, score: 4 } : score)));
    await runtime.settle();
    const line = async (year: number, departmentId: string, memberId: string) =>
      (await office.get(scores(year, departmentId))).body.members.find((member: { memberId: string }) => member.memberId === memberId).percent as number;
    percent2024 = await line(2024, 'phong-a', 'vien-a');
    percent2025 = await line(2025, 'phong-a', 'vien-a');
    percentB = await line(2025, 'phong-b', 'vien-b');
    expect(new Set([percent2025, percentB]).size).toBe(2);
  });
  afterAll(() => runtime.stop());

  it('counts the sheet in Phòng A before the move', async () => {
    expect(await summaryMeans(runtime, 2025)).toEqual({ 'phong-a': percent2025, 'phong-b': percentB });
  });

  it('after the move, counts its 2025 line in Phòng B for the head of B and in B’s summary, not in A’s; its 2024 line stays in A', async () => {
    runtime.clock.set(vnInstant(2025, 11, 20, 9), true);
    office = await as(runtime, { role: 'office' });
    expect((await office.post(`${paths.member('vien-a')}/transfer`, { departmentId: 'phong-b', on: '2025-11-20' })).status).toBe(200);
    await runtime.settle();
    const { headA, headB } = await heads();

    const b2025 = (await headB.get(scores(2025, 'phong-b'))).body;
    expect(memberIds(b2025)).toEqual(expect.arrayContaining(['vien-a', 'vien-b']));
    expect(b2025.membersMean).toBe(Math.round(((percent2025 + percentB) / 2) * 100) / 100);
    expect(memberIds((await headA.get(scores(2025, 'phong-a'))).body)).toEqual(['truong-a']);
    expect(await summaryMeans(runtime, 2025)).toEqual({ 'phong-a': null, 'phong-b': b2025.membersMean });

    expect(memberIds((await headA.get(scores(2024, 'phong-a'))).body)).toEqual(['truong-a', 'vien-a']);
    expect((await headA.get(scores(2024, 'phong-a'))).body.membersMean).toBe(percent2024);
    expect(memberIds((await headB.get(scores(2024, 'phong-b'))).body)).toEqual(['vien-b']);
    expect(await summaryMeans(runtime, 2024)).toEqual({ 'phong-a': percent2024, 'phong-b': percent2024 });
    // Tied on both figures, Phòng A ranks first by its name: each head's page reads the tied department's name.
    expect([(await headA.get(scores(2024, 'phong-a'))).body.rank, (await headB.get(scores(2024, 'phong-b'))).body.rank]).toEqual([1, 2]);

    // The scoreboard's own row, ranked from the others' summaries: B first in 2025, A unscored.
    const rowOf = async (client: Client, year: number) => (await client.get(`${paths.cycle(year)}/scoreboard`)).body.departments;
    expect((await rowOf(headB, 2025)).map((row: { departmentId: string; rank: number | null; membersMean: number | null }) => [row.departmentId, row.rank, row.membersMean])).toEqual([['phong-b', 1, b2025.membersMean]]);
    expect((await rowOf(headA, 2025)).map((row: { departmentId: string; rank: number | null }) => [row.departmentId, row.rank])).toEqual([['phong-a', null]]);
    expect((await rowOf(headA, 2024)).map((row: { departmentId: string; rank: number | null }) => [row.departmentId, row.rank])).toEqual([['phong-a', 1]]);

    // Registration boards: each head lists who counts with it that year; the member its own row where it counts.
    expect(boardMembers((await headB.get(paths.board(2025))).body)).toEqual({ 'phong-b': ['vien-a', 'vien-b'] });
    expect(boardMembers((await headA.get(paths.board(2025))).body)).toEqual({ 'phong-a': ['truong-a'] });
    expect(boardMembers((await headA.get(paths.board(2024))).body)).toEqual({ 'phong-a': ['truong-a', 'vien-a'] });
    const vienA = await as(runtime, { role: 'member', department: 'phong-b', member: 'vien-a' });
    expect(boardMembers((await vienA.get(paths.board(2025))).body)).toEqual({ 'phong-b': ['vien-a'] });
    expect(boardMembers((await vienA.get(paths.board(2024))).body)).toEqual({ 'phong-b': [] });
    expect(await diffViews(runtime.deps)).toEqual([]);
  });

  it('ends with the same summaries whatever the order and batching of deliveries, two batches at once', async () => {
    const page = await runtime.deps.db.send(new ScanCommand({ TableName: runtime.deps.tables.events }));
    const records = (page.Items ?? []).map(
      (image: Record<string, AttributeValue>, index): DynamoDBRecord => ({ eventName: 'INSERT', dynamodb: { NewImage: image as never, SequenceNumber: String(index + 1).padStart(21, '0') } }),
    );
    for (const seed of [1, 2, 3]) {
      for (const item of await storedViews(runtime.deps)) await runtime.deps.db.send(new DeleteCommand({ TableName: runtime.deps.tables.views, Key: { pk: item.pk, sk: item.sk } }));
      // A fixed shuffle per seed; the two halves are projected at the same time, in batches of three.
      const shuffled = records.map((record, index) => ({ record, key: (index * 7919 * seed) % 104_729 })).sort((a, b) => a.key - b.key).map(({ record }) => record);
      const halves = [shuffled.filter((_, index) => index % 2 === 0), shuffled.filter((_, index) => index % 2 === 1)];
      await Promise.all(halves.map(async (half) => {
        for (let start = 0; start < half.length; start += 3) await projectRecords(runtime.deps, half.slice(start, start + 3));
      }));
      expect(await diffViews(runtime.deps)).toEqual([]);
      expect(await summaryMeans(runtime, 2025)).toEqual({ 'phong-a': null, 'phong-b': Math.round(((percent2025 + percentB) / 2) * 100) / 100 });
    }
  });
});
