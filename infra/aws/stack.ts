import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Alarms } from './alarms';
import { Api } from './api';
import { Auth } from './auth';
import { WebConsole } from './console';
import { Dashboard } from './dashboard';
import { EvidenceBucket } from './evidence';
import { ROUTES, STREAM_SUBSCRIPTIONS } from '../routes';
import { Handlers } from './functions';
import { watched } from './metrics';
import { Schedules } from './schedules';
import { StreamSubscriptions } from './streams';
import { Tables } from './tables';

export interface ThiduaStackProps extends StackProps {
  /** Origins allowed to call the API from a browser. */
  readonly corsOrigins: readonly string[];
  /** A verified SES sender for Cognito's invitation e-mails (optional). */
  readonly emailFrom?: string;
  /** The verified SES address reminders are sent from (optional: without it they are recorded, not e-mailed). */
  readonly reminderSender?: string;
  /** Where alarm notifications are e-mailed (optional: without it, subscribe to the alarm topic otherwise). */
  readonly alarmEmail?: string;
}

/** The whole backend in one stack, wired from the one description in `infra/routes.ts`. */
export class ThiduaStack extends Stack {
  constructor(scope: Construct, id: string, props: ThiduaStackProps) {
    super(scope, id, props);
    const tables = new Tables(this, 'Tables');
    const auth = new Auth(this, 'Auth', { emailFrom: props.emailFrom });
    const evidence = new EvidenceBucket(this, 'Evidence');
    const handlers = new Handlers(this, 'Handlers', tables, { reminderSender: props.reminderSender, evidence });
    for (const subscription of STREAM_SUBSCRIPTIONS.filter((each) => each.managesAccounts)) auth.grantAccountsAdmin(handlers.forEntry(subscription.entry));
    for (const route of ROUTES.filter((each) => each.managesAccounts)) auth.grantAccountsRead(handlers.forEntry(route.entry));
    const api = new Api(this, 'Api', { handlers, userPool: auth.userPool, client: auth.client, corsOrigins: props.corsOrigins });
    const streams = new StreamSubscriptions(this, 'Streams', { handlers, tables });
    const schedules = new Schedules(this, 'Schedules', handlers);
    // The console uploads evidence straight to the bucket (presigned PUTs), which answers its origin only.
    const webConsole = new WebConsole(this, 'Console', { apiUrl: api.url, auth, uploadOrigin: `https://*.s3.${this.region}.${this.urlSuffix}` });
    evidence.allowBrowsersFrom(webConsole.url.replace(/\/$/, ''));

    const watching = watched({
      api,
      handlers,
      scheduleGroup: schedules.group,
      failureQueues: [
        ...streams.failures,
        { name: 'scheduled runs', failures: schedules.failures },
      ],
    });
    const alarms = new Alarms(this, 'Alarms', { watched: watching, email: props.alarmEmail });
    const dashboard = new Dashboard(this, 'Dashboard', { watched: watching, alarms });

    new CfnOutput(this, 'ApiUrl', { value: api.url });
    new CfnOutput(this, 'ConsoleUrl', { value: webConsole.url });
    new CfnOutput(this, 'UserPoolId', { value: auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: auth.client.userPoolClientId });
    new CfnOutput(this, 'EventsTableName', { value: tables.events.tableName });
    new CfnOutput(this, 'ViewsTableName', { value: tables.views.tableName });
    new CfnOutput(this, 'EvidenceBucketName', { value: evidence.bucket.bucketName });
    new CfnOutput(this, 'AlarmTopicArn', { value: alarms.topic.topicArn });
    new CfnOutput(this, 'DashboardName', { value: dashboard.dashboard.dashboardName });
  }
}
