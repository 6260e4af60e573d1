import { describe, expect, it } from 'vitest';
import { type EmailMessage, type Notifier, deliverAll } from '../../functions/notify/notifier';

describe('deliverAll', () => {
  it('sends every message; one refused address is logged and counted, and the others still go out', async () => {
    const sent: string[] = [];
    // A notifier that refuses one address, as SES refuses an address it has suppressed.
    const notifier: Notifier = {
      send: async (message) => {
        if (message.to === 'bounced@bqlkkt.gov.vn') throw new Error('MessageRejected');
        sent.push(message.to);
      },
    };
    const messages: EmailMessage[] = ['a', 'bounced', 'b', 'c', 'd', 'e'].map((name) => ({ to: `${name}@bqlkkt.gov.vn`, subject: 'Nhắc việc', text: '…' }));
    const logged: unknown[] = [];
    expect(await deliverAll(notifier, messages, (level, message, fields) => logged.push({ level, message, ...fields }))).toEqual({ delivered: 5, failed: 1 });
    expect(sent.sort()).toEqual(['a', 'b', 'c', 'd', 'e'].map((name) => `${name}@bqlkkt.gov.vn`));
    expect(logged).toEqual([{ level: 'error', message: 'a message was not delivered', subject: 'Nhắc việc', error: 'MessageRejected' }]);
  });

  it('with nothing to send, sends nothing', async () => {
    expect(await deliverAll({ send: async () => expect.unreachable() }, [], () => {})).toEqual({ delivered: 0, failed: 0 });
  });
});
