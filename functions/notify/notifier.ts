import type { Logger } from '../log';

/** A plain-text e-mail to one address: what a reminder becomes on its way out. */
export interface EmailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/**
 * The notifier port: where messages leave the system. On AWS an SES adapter (ses.ts), locally the outbox
 * (outbox.ts). A send either resolves (accepted for delivery) or throws.
 */
export interface Notifier {
  readonly send: (message: EmailMessage) => Promise<void>;
}

export interface DeliveryReport {
  readonly delivered: number;
  readonly failed: number;
}

/** Sends a few at a time: SES accepts a handful per second, and a run must stay well inside a Lambda's timeout. */
const WIDTH = 4;

/**
 * Delivers every message; a failed one is logged and counted, never thrown: the reminders are already recorded,
 * and one bad address must not keep the rest from going out.
 */
export const deliverAll = async (notifier: Notifier, messages: readonly EmailMessage[], log: Logger): Promise<DeliveryReport> => {
  let next = 0;
  let delivered = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: Math.min(WIDTH, messages.length) }, async () => {
      while (next < messages.length) {
        const message = messages[next++];
        try {
          await notifier.send(message);
          delivered++;
        } catch (error) {
          failed++;
          log('error', 'a message was not delivered', { subject: message.subject, error: error instanceof Error ? error.message : String(error) });
        }
      }
    }),
  );
  return { delivered, failed };
};
