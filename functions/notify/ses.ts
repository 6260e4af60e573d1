import { type EmailMessage, type Notifier, Undeliverable } from './notifier';

/**
 * The request of Amazon SES v2's SendEmail, as @aws-sdk/client-sesv2 spells its `SendEmailCommandInput` (the fields
 * this adapter fills). Declared here so the adapter does not depend on the SDK: the Lambda wiring passes a function
 * that sends it, `(request) => client.send(new SendEmailCommand(request))`.
 */
export interface SesSendEmailRequest {
  readonly FromEmailAddress: string;
  readonly Destination: { readonly ToAddresses: string[] };
  readonly Content: {
    readonly Simple: {
      readonly Subject: { readonly Data: string; readonly Charset: 'UTF-8' };
      readonly Body: { readonly Text: { readonly Data: string; readonly Charset: 'UTF-8' } };
    };
  };
}

export type SesSendEmail = (request: SesSendEmailRequest) => Promise<unknown>;

/** A message as SES sends it: from the configured sender (a verified identity), UTF-8 so Vietnamese arrives intact. */
export const sesSendEmailRequest = (sender: string, message: EmailMessage): SesSendEmailRequest => ({
  FromEmailAddress: sender,
  Destination: { ToAddresses: [message.to] },
  Content: {
    Simple: {
      Subject: { Data: message.subject, Charset: 'UTF-8' },
      Body: { Text: { Data: message.text, Charset: 'UTF-8' } },
    },
  },
});

/**
 * SES v2's errors that refuse the message itself (a rejected message or recipient, an invalid request): sending it
 * again fails the same way. Throttling, quotas, a paused account or the network may pass, and are retried.
 */
const REFUSALS: ReadonlySet<string> = new Set(['MessageRejected', 'BadRequestException']);

/** The SES adapter of the notifier port. `sender` comes from the function's REMINDER_SENDER (CDK context `thidua:reminderSender`). */
export const sesNotifier = (sender: string, sendEmail: SesSendEmail): Notifier => ({
  send: async (message) => {
    try {
      await sendEmail(sesSendEmailRequest(sender, message));
    } catch (error) {
      if (error instanceof Error && REFUSALS.has(error.name)) throw new Undeliverable(`${error.name}: ${error.message}`, { cause: error });
      throw error;
    }
  },
});
