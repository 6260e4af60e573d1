import { describe, expect, it } from 'vitest';
import { type EmailMessage, type Notifier, Undeliverable, deliverAll } from '../../functions/notify/notifier';
import { sesNotifier } from '../../functions/notify/ses';

const named = (name: string) => Object.assign(new Error(`${name} from SES`), { name });

describe('deliverAll', () => {
  it('sends every message; a refused address and a throttled send are logged and counted apart, and the others still go out', async () => {
    const sent: string[] = [];
    // A notifier that refuses one address for good and is throttled on another, as SES may be.
    const notifier: Notifier = {
      send: async (message) => {
        if (message.to === 'bounced@bqlkkt.gov.vn') throw new Undeliverable('MessageRejected');
        if (message.to === 'busy@bqlkkt.gov.vn') throw new Error('TooManyRequestsException');
        sent.push(message.to);
      },
    };
    const messages: EmailMessage[] = ['a', 'bounced', 'b', 'busy', 'c', 'd', 'e'].map((name) => ({ to: `${name}@bqlkkt.gov.vn`, subject: 'Nhắc việc', text: '…' }));
    const logged: unknown[] = [];
    expect(await deliverAll(notifier, messages, (level, message, fields) => logged.push({ level, message, ...fields }))).toEqual({ delivered: 5, failed: 1, undeliverable: 1 });
    expect(sent.sort()).toEqual(['a', 'b', 'c', 'd', 'e'].map((name) => `${name}@bqlkkt.gov.vn`));
    expect(logged).toEqual([
      { level: 'error', message: 'a message was not delivered', subject: 'Nhắc việc', error: 'MessageRejected' },
      { level: 'error', message: 'a message was not delivered', subject: 'Nhắc việc', error: 'TooManyRequestsException' },
    ]);
  });

  it('with nothing to send, sends nothing', async () => {
    expect(await deliverAll({ send: async () => expect.unreachable() }, [], () => {})).toEqual({ delivered: 0, failed: 0, undeliverable: 0 });
  });
});

describe('the SES adapter', () => {
  const message: EmailMessage = { to: 'vien.a@bqlkkt.gov.vn', subject: 'Nhắc việc', text: 'Kính gửi' };

  it('sends from the sender, in UTF-8', async () => {
    const requests: unknown[] = [];
    await sesNotifier('thidua@bqlkkt.gov.vn', async (request) => requests.push(request)).send(message);
    expect(requests).toEqual([
      {
        FromEmailAddress: 'thidua@bqlkkt.gov.vn',
        Destination: { ToAddresses: ['vien.a@bqlkkt.gov.vn'] },
        Content: { Simple: { Subject: { Data: 'Nhắc việc', Charset: 'UTF-8' }, Body: { Text: { Data: 'Kính gửi', Charset: 'UTF-8' } } } },
      },
    ]);
  });

  it('tells a refused message (not worth retrying) from a failure that may pass', async () => {
    const failing = (name: string) => sesNotifier('thidua@bqlkkt.gov.vn', async () => Promise.reject(named(name))).send(message);
    await expect(failing('MessageRejected')).rejects.toBeInstanceOf(Undeliverable);
    await expect(failing('BadRequestException')).rejects.toBeInstanceOf(Undeliverable);
    await expect(failing('TooManyRequestsException')).rejects.toMatchObject({ name: 'TooManyRequestsException' });
    await expect(failing('TooManyRequestsException')).rejects.not.toBeInstanceOf(Undeliverable);
  });
});
