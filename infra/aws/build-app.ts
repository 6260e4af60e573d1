import { App, type Environment, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { ThiduaStack } from './stack';

export interface BuildAppProps {
  /** Context as `cdk.json` or `-c key=value` would give it (the CLI passes its own through the environment). */
  readonly context?: Record<string, unknown>;
  readonly env?: Environment;
  readonly outdir?: string;
}

/** A context list from cdk.json (a JSON array) or from `-c key=a,b` (a string). */
const list = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(',').map((each) => each.trim()).filter(Boolean) : undefined;

/**
 * The app without side effects, so tests synthesize exactly what `cdk synth` does. cdk-nag's AwsSolutions and
 * Serverless packs run as validation plugins: synthesis fails on any finding that is not acknowledged with a reason.
 *
 * Context: `thidua:stage` (stack name suffix, default `dev`); `thidua:corsOrigins` (default `*`: the API takes a
 * bearer token in a header, never a cookie, so a foreign page cannot ride a user's session; list the web client's
 * origins to narrow it); `thidua:emailFrom` (a verified SES sender for invitations); `thidua:reminderSender` (the
 * verified SES address reminders are sent from; default `thidua:emailFrom`; without either, reminders are recorded
 * and not e-mailed); `thidua:alarmEmail` (an address
 * subscribed to the alarm topic; it must confirm the subscription from the e-mail SNS sends).
 */
export const buildApp = (props: BuildAppProps = {}) => {
  const app = new App({ context: props.context, outdir: props.outdir });
  const context = (key: string): unknown => app.node.tryGetContext(`thidua:${key}`);
  const stage = String(context('stage') ?? 'dev');
  const stack = new ThiduaStack(app, `Thidua-${stage}`, {
    env: props.env,
    description: `thidua (${stage}): emulation movements for administrative reform`,
    corsOrigins: list(context('corsOrigins')) ?? ['*'],
    emailFrom: context('emailFrom') as string | undefined,
    reminderSender: (context('reminderSender') ?? context('emailFrom')) as string | undefined,
    alarmEmail: context('alarmEmail') as string | undefined,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }), new ServerlessChecks(app, { verbose: true }));
  return { app, stack };
};
