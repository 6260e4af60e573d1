import type { Logger } from '../log';

/** A plain-text e-mail to one address: what a reminder becomes on its way out. */
export interface EmailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/**
 * The notifier port: where messages leave the system. On AWS an SES adapter (ses.ts), locally the outbox
 * (outbox.ts). A send either resolves (accepted for delivery) or throws: `Undeliverable` when sending it again
 * cannot help, anything else when it may.
 */
export interface Notifier {
  readonly send: (message: EmailMessage) => Promise<void>;
}

/** The message itself is refused (an address the provider rejects): a retry would fail the same way. */
export class Undeliverable extends Error {
  override readonly name = 'Undeliverable';
}

export interface DeliveryReport {
  readonly delivered: number;
  /** Failed for now (throttled, unreachable): worth another attempt. */
  readonly failed: number;
  /** Refused for good: logged, not retried. */
  readonly undeliverable: number;
}

/** Sends a few at a time: SES accepts a handful per second, and a run must stay well inside a Lambda's timeout. */
const WIDTH = 4;

/**
 * Delivers every message; a failed one is logged and counted, never thrown: one bad address must not keep the rest
 * from going out. The caller (functions/streams/deliver-reminders.ts) has the whole event delivered again if any
 * failed for now, not for one refused for good: that would only send everyone else's message again at each retry.
 */
export const deliverAll = async (notifier: Notifier, messages: readonly EmailMessage[], log: Logger): Promise<DeliveryReport> => {
  let next = 0;
  let delivered = 0;
  let failed = 0;
  let undeliverable = 0;
  await Promise.all(
    Array.from({ length: Math.min(WIDTH, messages.length) }, async () => {
      while (next < messages.length) {
        const message = messages[next++];
        try {
          await notifier.send(message);
          delivered++;
        } catch (error) {
          if (error instanceof Undeliverable) undeliverable++;
          else failed++;
          log('error', 'a message was not delivered', { subject: message.subject, error: error instanceof Error ? error.message : String(error) });
        }
      }
    }),
  );
  return { delivered, failed, undeliverable };
};
