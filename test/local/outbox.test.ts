import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Outbox } from '../../functions/notify/outbox';

describe('the local outbox', () => {
  const folder = mkdtempSync(join(tmpdir(), 'thidua-outbox-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('keeps each message with the clock time, logs it, and finds it again after a restart', async () => {
    const file = join(folder, 'outbox.jsonl');
    const logged: unknown[] = [];
    const now = () => new Date('2026-03-23T00:00:00.000Z');
    const first = new Outbox(now, (_level, message, fields) => logged.push({ message, ...fields }), file);
    const message = { to: 'vien.a@bqlkkt.gov.vn', subject: 'Nhắc việc: hạn đăng ký thi đua năm 2026 là 30/03/2026', text: 'Kính gửi ông/bà Nguyễn Văn A,' };
    await first.send(message);
    expect(first.messages).toEqual([{ at: '2026-03-23T00:00:00.000Z', ...message }]);
    expect(logged).toEqual([{ message: 'outbox: message sent', at: '2026-03-23T00:00:00.000Z', ...message }]);
    expect(readFileSync(file, 'utf8').split('\n').filter(Boolean)).toHaveLength(1);
    expect(new Outbox(now, () => {}, file).messages).toEqual(first.messages);
    expect(new Outbox(now, () => {}).messages).toEqual([]);
  });
});
