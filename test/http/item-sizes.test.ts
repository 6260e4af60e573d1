import { GetCommand, ScanCommand, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import type { Runtime } from '../../infra/local/runtime';
import { viewKeys } from '../../functions/store/view-keys';
import { seedRoster } from '../support/bulk-roster';
import { type ApiResponse, type Client, CAMPAIGN, ORG, as, paths, startTestRuntime } from '../support/runtime';

/**
 * Issue 17: no item over 100 KB (DynamoDB refuses 400 KB) and no answer over 1 MB, whatever the size of the agency.
 * A 5,000-member agency, its roster written in bulk; then, through the local HTTP API, a decision granting LĐTT to
 * every member, another of three pages corrected and revoked, and a reminder run of everyone late to register.
 */
const MEMBERS = 5_000;
const DEPARTMENTS = 100;
const ITEM_LIMIT = 100 * 1024;
const ANSWER_LIMIT = 1024 * 1024;
const DECISION = `/orgs/${ORG}/decisions/qd-lao-dong-tien-tien`;
const AWARDS = `/orgs/${ORG}/campaigns/${CAMPAIGN}/cycles/2025/awards`;
const memberIds = Array.from({ length: MEMBERS }, (_, index) => `m-${index}`);
const decisionBody = (ids: readonly string[], reason?: string) => ({
  campaignId: CAMPAIGN,
  year: 2025,
  number: '15/QĐ-BQL',
  date: '2025-03-20',
  signer: 'Nguyễn Văn Trưởng',
  signerPosition: 'Trưởng ban',
  awards: ids.map((recipientId) => ({ title: 'lao-dong-tien-tien', recipientKind: 'member', recipientId })),
  // The bulk roster has no score sheets: the grants rest on a recorded basis (the subject here is size, not eligibility).
  legalBasis: 'Tờ trình số 12/TTr-VP của Văn phòng',
  ...(reason ? { reason } : {}),
});

/** An answer's size as sent (the JSON as the server wrote it, give or take its spacing). */
const answerBytes = (response: ApiResponse) => Buffer.byteLength(typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? ''));
const answers: { path: string; bytes: number }[] = [];
const sized = async (path: string, call: Promise<ApiResponse>) => {
  const response = await call;
  answers.push({ path, bytes: answerBytes(response) });
  return response;
};

/** Every item of a table, and its size as DynamoDB counts it, about (the JSON of its attributes is a little larger). */
const itemSizes = async (runtime: Runtime, table: string) => {
  const sizes: { key: string; bytes: number }[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page: ScanCommandOutput = await runtime.deps.db.send(new ScanCommand({ TableName: table, ExclusiveStartKey: startKey }));
    for (const item of page.Items ?? []) sizes.push({ key: `${item.pk} / ${item.sk}`, bytes: Buffer.byteLength(JSON.stringify(item)) });
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return sizes;
};

/** Reads a paged answer to its end: each page through `sized`, the cursor from `next`. */
const readAll = async <T>(office: Client, first: string, next: (body: any) => string | null, rows: (body: any) => T[]) => {
  const all: T[] = [];
  for (let path: string | null = first; path !== null; ) {
    const response = await sized(path, office.get(path));
    expect(response.status).toBe(200);
    all.push(...rows(response.body));
    path = next(response.body);
  }
  return all;
};

describe('items and answers stay bounded at 5,000 members (issue 17)', () => {
  let runtime: Runtime;
  let office: Client;

  beforeAll(async () => {
    runtime = await startTestRuntime(vnInstant(2025, 3, 23, 9));
    office = await as(runtime, { role: 'office' });
    expect((await office.put(paths.campaign(), { template: CAMPAIGN })).status).toBe(201);
    await seedRoster(runtime.deps, ORG, { departments: DEPARTMENTS, members: MEMBERS });
    await runtime.settle();
  }, 60_000);
  afterAll(() => runtime.stop());

  it('a decision of 5,000 awards is recorded, read page by page, exported and its history read', async () => {
    // Its 25 events reach the projector in one batch, as within the subscription's batching window on AWS.
    runtime.streams.pause();
    const recorded = await sized(DECISION, office.put(DECISION, decisionBody(memberIds)));
    runtime.streams.resume();
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ awardCount: MEMBERS, awardPages: 25, complete: true });
    expect(recorded.body.awards).toHaveLength(200);
    await runtime.settle();

    const list = await sized(AWARDS, office.get(AWARDS));
    expect(list.body.summary).toMatchObject({ awards: MEMBERS, titles: [{ title: 'lao-dong-tien-tien', count: MEMBERS }] });
    const pages = Array.from({ length: 25 }, (_, page) => `${AWARDS}?decisionId=qd-lao-dong-tien-tien&page=${page}`);
    const listed = (await Promise.all(pages.map((path) => sized(path, office.get(path))))).flatMap((page) => page.body.awards.map((award: { recipientId: string }) => award.recipientId));
    expect(listed).toEqual(memberIds);
    expect((await office.get(`${AWARDS}?decisionId=qd-lao-dong-tien-tien&page=25`)).status).toBe(404);
    expect((await office.get(`/orgs/${ORG}/awards/member/m-4999`)).body.awards).toMatchObject([{ decisionId: 'qd-lao-dong-tien-tien', granted: true }]);

    const annex = await fetch(`${runtime.url}${DECISION}/annex`, { headers: { authorization: `Bearer ${await runtime.token({ org: ORG, role: 'office' })}` } });
    expect(annex.status).toBe(200);
    answers.push({ path: `${DECISION}/annex`, bytes: (await annex.arrayBuffer()).byteLength });

    const history = await readAll<{ type: string }>(office, paths.history('decision', 'qd-lao-dong-tien-tien'), (body) => body.nextCursor && `${paths.history('decision', 'qd-lao-dong-tien-tien')}?afterVersion=${body.nextCursor}`, (body) => body.events);
    expect(history.map((event) => event.type)).toEqual(['DecisionRecorded', ...new Array(24).fill('DecisionAwardsAdded')]);
  }, 120_000);

  it('a decision of several pages corrected to fewer, then revoked: the dropped keep their entry, marked; the pages beyond empty', async () => {
    const path = `/orgs/${ORG}/decisions/qd-giay-khen`;
    const giayKhen = (ids: readonly string[], reason?: string) => ({ ...decisionBody(ids, reason), number: '16/QĐ-BQL', awards: ids.map((recipientId) => ({ title: 'giay-khen', recipientKind: 'member', recipientId })) });
    expect((await sized(path, office.put(path, giayKhen(memberIds.slice(0, 450))))).body).toMatchObject({ awardCount: 450, awardPages: 3 });
    const corrected = await sized(path, office.put(path, giayKhen(memberIds.slice(0, 250), 'Bỏ 200 người không đủ điều kiện')));
    expect([corrected.status, corrected.body.awardCount, corrected.body.awardPages]).toEqual([200, 250, 2]);
    await runtime.settle();
    const giayKhenOf = async (memberId: string) => (await office.get(`/orgs/${ORG}/awards/member/${memberId}`)).body.awards.find((award: { title: string }) => award.title === 'giay-khen');
    expect([await giayKhenOf('m-249'), await giayKhenOf('m-250')]).toMatchObject([{ granted: true }, { granted: false }]);
    expect((await office.get(`${AWARDS}?decisionId=qd-giay-khen&page=1`)).body.awards).toHaveLength(50);
    expect(await runtime.deps.db.send(new GetCommand({ TableName: runtime.deps.tables.views, Key: viewKeys.decisionAwards(ORG, 'qd-giay-khen', 2) }))).toMatchObject({ Item: { awards: [] } });

    expect((await sized(`${path}/revoke`, office.post(`${path}/revoke`, { reason: 'Sai thẩm quyền' }))).status).toBe(200);
    await runtime.settle();
    expect(await giayKhenOf('m-249')).toMatchObject({ granted: false });
    expect((await sized(AWARDS, office.get(AWARDS))).body.summary.titles).toMatchObject([{ title: 'lao-dong-tien-tien', count: MEMBERS }]);
  }, 60_000);

  it('a reminder run of everyone late (5,100 participants) is recorded and read in pages', async () => {
    const reminders = `${paths.cycle(2025)}/reminders`;
    runtime.streams.pause();
    const sent = await sized(reminders, office.post(reminders, { deadline: 'registration' }));
    runtime.streams.resume();
    expect(sent.status).toBe(200);
    expect(sent.body.remindedCount).toBe(MEMBERS + DEPARTMENTS);
    await runtime.settle();
    const rows = await readAll<{ participantId: string }>(office, reminders, (body) => body.nextCursor && `${reminders}?afterPage=${body.nextCursor}`, (body) => body.reminders);
    expect(new Set(rows.map((row) => row.participantId)).size).toBe(MEMBERS + DEPARTMENTS);
    // Sent again the same day: nobody twice.
    expect((await sized(reminders, office.post(reminders, { deadline: 'registration' }))).body).toMatchObject({ remindedCount: 0, skippedCount: MEMBERS + DEPARTMENTS });
  }, 120_000);

  it('no item of the events or the views table reaches 100 KB, and no answer 1 MB', async () => {
    await runtime.settle();
    const items = [...(await itemSizes(runtime, runtime.deps.tables.events)), ...(await itemSizes(runtime, runtime.deps.tables.views))];
    expect(items.length).toBeGreaterThan(2 * MEMBERS);
    expect(items.filter((item) => item.bytes >= ITEM_LIMIT)).toEqual([]);
    expect(answers.length).toBeGreaterThan(30);
    expect(answers.filter((answer) => answer.bytes >= ANSWER_LIMIT)).toEqual([]);
  }, 60_000);
});
