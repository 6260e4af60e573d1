import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { type Deps, lambdaDeps } from '../deps';
import { sesNotifier } from './ses';

let withNotifier: Deps | undefined;

/**
 * Lambda dependencies with email: only the function that sends (the stream subscription marked `notifies` in
 * infra/routes.ts) imports this, so the SES client is in its bundle alone. Without REMINDER_SENDER (no sender configured) reminders are
 * recorded and logged, not sent.
 */
export const notifyingLambdaDeps = (): Deps => {
  if (withNotifier) return withNotifier;
  const sender = process.env.REMINDER_SENDER;
  const client = sender ? new SESv2Client({}) : undefined;
  withNotifier = {
    ...lambdaDeps(),
    notifier: sender && client ? sesNotifier(sender, (request) => client.send(new SendEmailCommand(request))) : undefined,
  };
  return withNotifier;
};
