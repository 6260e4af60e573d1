import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import { silentLogger } from '../../functions/log';
import { diffViews } from '../../functions/streams/rebuild';
import { StreamDelivery } from '../../infra/local/stream-delivery';
import type { Runtime } from '../../infra/local/runtime';
import { as, memberPledge, paths, setUpOrganization, startTestRuntime } from '../support/runtime';

describe('local stream delivery', () => {
  it('retries a failing batch from its first failed record, in order, and sets a record aside after its attempts', async () => {
    const seen: string[] = [];
    let failuresLeft = 2;
    const delivery = new StreamDelivery(
      'events',
      async (records) => {
        seen.push(...records.map((each) => each.dynamodb!.SequenceNumber!));
        const poison = records.find((each) => each.dynamodb!.NewImage!.pk.S === 'poison');
        if (poison) return { batchItemFailures: [{ itemIdentifier: poison.dynamodb!.SequenceNumber! }] };
        const second = records.find((each) => each.dynamodb!.SequenceNumber === '000000000000000000002');
        if (second && failuresLeft-- > 0) return { batchItemFailures: [{ itemIdentifier: second.dynamodb!.SequenceNumber! }] };
        return { batchItemFailures: [] };
      },
      silentLogger,
      { batchSize: 10, maxAttempts: 3, retryDelayMs: 1 },
    );
    for (const pk of ['a', 'b', 'c']) delivery.enqueue({ pk: { S: pk }, sk: { N: '1' } });
    await delivery.drained();
    // Record 2 fails twice: 1 is done after the first batch; 2..3 are redelivered twice, then succeed.
    expect(seen).toEqual(['000000000000000000001', '000000000000000000002', '000000000000000000003', '000000000000000000002', '000000000000000000003', '000000000000000000002', '000000000000000000003']);
    expect(delivery.delivered).toBe(3);

    delivery.enqueue({ pk: { S: 'poison' }, sk: { N: '1' } });
    delivery.enqueue({ pk: { S: 'd' }, sk: { N: '1' } });
    await delivery.drained();
    expect(delivery.failed.map((each) => each.dynamodb!.NewImage!.pk.S)).toEqual(['poison']);
    expect(seen.at(-1)).toBe('000000000000000000005');
  });
});

describe('restart on the same data folder', () => {
  let dataDir: string;
  let first: Runtime;

  beforeAll(async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    dataDir = mkdtempSync(join(tmpdir(), 'thidua-restart-'));
    first = await startTestRuntime(vnInstant(2025, 2, 1, 9), { data: dataDir });
  });
  afterAll(async () => {
    const { rmSync } = await import('node:fs');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses nothing: events, views and tokens survive; views are rebuilt at start', async () => {
    const { office } = await setUpOrganization(first);
    expect((await office.put(paths.pledge(2025, 'vien-a'), memberPledge())).status).toBe(201);
    const token = await first.token({ org: 'test-org', role: 'office' });
    // A department's score item as an older release wrote it (an entry per participant): no read reads it any more.
    const older = { pk: 'test-org#scores#cchc-2021-2025#2025', sk: 'phong-a', version: 1, entries: { 'member:vien-a': { version: 1, participantKind: 'member', participantId: 'vien-a' } }, etag: 'x' };
    await first.deps.db.send(new PutCommand({ TableName: first.deps.tables.views, Item: older }));
    expect((await diffViews(first.deps)).map(({ key }) => key)).toEqual([`${older.pk}\n${older.sk}`]);
    await first.stop();

    const second = await startTestRuntime(vnInstant(2025, 2, 1, 10), { data: dataDir });
    try {
      const member = await as(second, { role: 'member', department: 'phong-a', member: 'vien-a' });
      const pledge = await member.get(paths.pledge(2025, 'vien-a'));
      expect(pledge.status).toBe(200);
      expect(pledge.body.targetTitles).toEqual(['lao-dong-tien-tien']);
      const board = await fetch(`${second.url}${paths.board(2025)}`, { headers: { authorization: `Bearer ${token}` } });
      expect(((await board.json()) as { totals: { membersRegistered: number } }).totals.membersRegistered).toBe(1);
      expect(await diffViews(second.deps)).toEqual([]);
    } finally {
      await second.stop();
    }
  });
});
