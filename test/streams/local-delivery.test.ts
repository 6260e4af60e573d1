import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
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
    // A view an older release wrote at the same version, without the index keys a head's board reads by.
    const { pk, sk, gsi1pk: _pk, gsi1sk: _sk, ...older } = (await first.deps.db.send(new GetCommand({ TableName: first.deps.tables.views, Key: { pk: 'test-org#members', sk: 'vien-a' } }))).Item!;
    await first.deps.db.send(new PutCommand({ TableName: first.deps.tables.views, Item: { pk, sk, ...older } }));
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
      // Laid out again at start: the head of Phòng A sees its member.
      const head = await as(second, { role: 'head', department: 'phong-a', member: 'truong-a' });
      const members = (await head.get(paths.board(2025))).body.departments[0].members.map((each: { memberId: string }) => each.memberId);
      expect(members).toEqual(['truong-a', 'vien-a']);
    } finally {
      await second.stop();
    }
  });
});
