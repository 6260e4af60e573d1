import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import type { Runtime } from '../../infra/local/runtime';
import { type Client, memberPledge, paths, setUpOrganization, startTestRuntime } from '../support/runtime';
import { countEvents } from '../support/store';

describe('retries and races', () => {
  let runtime: Runtime;
  let office: Client;

  beforeAll(async () => {
    runtime = await startTestRuntime(vnInstant(2025, 2, 1, 9));
    ({ office } = await setUpOrganization(runtime));
  });
  afterAll(() => runtime.stop());

  it('answers a retry with the same Idempotency-Key exactly as the first time, and writes once', async () => {
    const key = { 'idempotency-key': 'retry-1' };
    const first = await office.put(paths.pledge(2025, 'vien-a'), memberPledge(), key);
    const events = await countEvents(runtime);
    const retry = await office.put(paths.pledge(2025, 'vien-a'), memberPledge(), key);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await countEvents(runtime)).toBe(events);
  });

  it('still answers the first request after the record moved on', async () => {
    await office.put(paths.pledge(2025, 'vien-a'), memberPledge(['lao-dong-tien-tien', 'giay-khen']));
    const retry = await office.put(paths.pledge(2025, 'vien-a'), memberPledge(), { 'idempotency-key': 'retry-1' });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('etag')).toBe('"1"');
    expect(retry.body.targetTitles).toEqual(['lao-dong-tien-tien']);
  });

  it('treats key order in the body as the same request', async () => {
    const body = memberPledge(['giay-khen']);
    const reordered = { commitments: body.commitments, targetTitles: body.targetTitles, participantKind: body.participantKind };
    const first = await office.put(paths.pledge(2025, 'vien-b'), body, { 'idempotency-key': 'order' });
    const second = await office.put(paths.pledge(2025, 'vien-b'), reordered, { 'idempotency-key': 'order' });
    expect(second.status).toBe(first.status);
  });

  it('treats a retry differing only in NFC or NFD as the same request (issue 16)', async () => {
    const text = 'Giải quyết hồ sơ đúng hạn, không để tồn đọng';
    const body = (form: 'NFC' | 'NFD') => ({ participantKind: 'department', targetTitles: ['tap-the-lao-dong-tien-tien'], commitments: [{ text: text.normalize(form) }] });
    const first = await office.put(paths.pledge(2025, 'phong-b'), body('NFC'), { 'idempotency-key': 'nfc-nfd' });
    const events = await countEvents(runtime);
    const retry = await office.put(paths.pledge(2025, 'phong-b'), body('NFD'), { 'idempotency-key': 'nfc-nfd' });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(await countEvents(runtime)).toBe(events);
  });

  it('refuses the same key with another body: 422 idempotency-key-reused, nothing written', async () => {
    const events = await countEvents(runtime);
    const reused = await office.put(paths.pledge(2025, 'vien-a'), memberPledge(['chien-si-thi-dua-co-so']), { 'idempotency-key': 'retry-1' });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotency-key-reused');
    expect(await countEvents(runtime)).toBe(events);
  });

  it('lets one of two concurrent amendments of the same version win; the other gets 412', async () => {
    const current = await office.get(paths.pledge(2025, 'vien-a'));
    const etag = current.headers.get('etag')!;
    const [a, b] = await Promise.all([
      office.put(paths.pledge(2025, 'vien-a'), memberPledge(['lao-dong-tien-tien'], 'A'), { 'if-match': etag }),
      office.put(paths.pledge(2025, 'vien-a'), memberPledge(['lao-dong-tien-tien'], 'B'), { 'if-match': etag }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const loser = a.status === 412 ? a : b;
    expect(loser.body.code).toBe('version-conflict');
    const history = await office.get(paths.history('pledge', 'cchc-2021-2025:2025:member:vien-a'));
    expect(history.body.version).toBe(Number(etag.replaceAll('"', '')) + 1);
  });

  it('refuses a stale If-Match with 412 and a malformed one with 400', async () => {
    expect((await office.put(paths.pledge(2025, 'vien-a'), memberPledge(['giay-khen']), { 'if-match': '"1"' })).status).toBe(412);
    expect((await office.put(paths.pledge(2025, 'vien-a'), memberPledge(['giay-khen']), { 'if-match': 'yesterday' })).status).toBe(400);
  });

  it('without If-Match, concurrent writers of one record all succeed in some order', async () => {
    const results = await Promise.all(
      ['A', 'B', 'C', 'D'].map((text) => office.put(paths.pledge(2025, 'truong-a'), memberPledge(['lao-dong-tien-tien'], text))),
    );
    expect(results.map((result) => result.status).sort()).toEqual([200, 200, 200, 201]);
    const history = await office.get(paths.history('pledge', 'cchc-2021-2025:2025:member:truong-a'));
    expect(history.body.events.map((event: { version: number }) => event.version)).toEqual([1, 2, 3, 4]);
  });

  it('without If-Match, thirty concurrent writers of one record all succeed: a version conflict is decided again (issue 16)', { timeout: 60_000 }, async () => {
    const texts = Array.from({ length: 30 }, (_, index) => `Cam kết ${index}`);
    const results = await Promise.all(texts.map((text) => office.put(paths.pledge(2025, 'vien-b'), memberPledge(['lao-dong-tien-tien'], text))));
    const statuses = results.map((result) => result.status);
    expect(statuses.filter((status) => status === 412)).toEqual([]);
    expect(statuses.filter((status) => status !== 200 && status !== 201), JSON.stringify(results.find((result) => result.status >= 300)?.body)).toEqual([]);
    const history = await office.get(paths.history('pledge', 'cchc-2021-2025:2025:member:vien-b'));
    const written = history.body.events.filter((event: { data: { commitments?: { text: string }[] } }) => event.data.commitments?.[0]?.text.startsWith('Cam kết '));
    expect(written).toHaveLength(30);
  });
});
