import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { Duration, NestedStack, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { Charset, LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ROUTES, SCHEDULES, STREAM_SUBSCRIPTIONS, type TableAccess } from '../routes';
import { grantCallerCheck, grantTableAccess, mergeAccess } from './access';
import { LAMBDA_BUNDLE, bundleDefines } from './bundle-options';
import { entryGroups, type RouteGroup } from './route-groups';
import { grantSendEmail } from './email';
import type { EvidenceAccess, EvidenceBucket } from './evidence';
import type { Tables } from './tables';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

type Trigger = 'http' | 'stream' | 'schedule';

/** HTTP answers well inside API Gateway's 30 s; a projector batch and a yearly sweep of all campaigns get longer. */
const TIMEOUTS: Record<Trigger, Duration> = { http: Duration.seconds(10), stream: Duration.minutes(1), schedule: Duration.minutes(5) };


/** The only `Resource: *` statements: actions that AWS does not scope to a resource. */
const XRAY = 'Active tracing adds xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions.';
const WILDCARD_REASONS: Record<Trigger, string> = {
  http: XRAY,
  schedule: XRAY,
  stream: `${XRAY} The stream event source also needs dynamodb:ListStreams, which supports no resource-level permissions either.`,
};

interface EntryUse {
  readonly trigger: Trigger;
  readonly accesses: TableAccess[];
  /** Whether any of its uses sends e-mail (routes.ts `notifies`, on stream subscriptions). */
  notifies: boolean;
  /** What its routes do with the evidence bucket (routes.ts `evidence`); routes sharing an entry share it. */
  evidence?: EvidenceAccess;
  /** Its routes' own timeout (routes.ts `timeoutSeconds`), if longer than its trigger's. */
  timeoutSeconds?: number;
  /** Whether any of its routes needs a token: then it checks the caller is still on staff (grantCallerCheck). */
  authenticated?: boolean;
}

/** Every distinct entry of the routes, stream subscriptions and schedules, with the access of all its uses. */
const entryUses = (): Map<string, EntryUse> => {
  const uses = new Map<string, EntryUse>();
  const add = (entry: string, trigger: Trigger, access: TableAccess, notifies = false) => {
    const use = uses.get(entry) ?? { trigger, accesses: [], notifies: false };
    if (use.trigger !== trigger) throw new Error(`${entry} serves both ${use.trigger} and ${trigger}: give each trigger its own entry`);
    use.accesses.push(access);
    use.notifies ||= notifies;
    uses.set(entry, use);
  };
  ROUTES.forEach((route) => {
    add(route.entry, 'http', route.access);
    const use = uses.get(route.entry)!;
    if (route.evidence) use.evidence = route.evidence;
    if (!route.public) use.authenticated = true;
    if (route.timeoutSeconds) use.timeoutSeconds = Math.max(use.timeoutSeconds ?? 0, route.timeoutSeconds);
  });
  STREAM_SUBSCRIPTIONS.forEach((subscription) => add(subscription.entry, 'stream', subscription.access, subscription.notifies));
  SCHEDULES.forEach((schedule) => add(schedule.entry, 'schedule', schedule.access));
  return uses;
};

/** `functions/http/put-pledge.ts` → `HttpPutPledge`: stable, readable construct ids. */
const functionId = (entry: string) =>
  entry
    .replace(/^functions\//, '')
    .replace(/\.ts$/, '')
    .split(/[/-]/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');

/**
 * One Lambda per distinct entry (routes sharing a file share a function), each with its own role holding only the
 * table access its specs declare, and its own log group (so the role writes logs to that group, not `*`). The HTTP
 * functions live in one nested stack per route group (route-groups.ts), where Api puts their routes too; the stream
 * and schedule functions stay in the root stack beside their event sources, alarms and dashboard.
 */
export class Handlers extends Construct {
  private readonly byEntry = new Map<string, NodejsFunction>();
  private readonly groupStacks = new Map<RouteGroup, NestedStack>();

  /** `reminderSender`: the verified SES address reminders go out from; without it they are recorded, not e-mailed. */
  constructor(scope: Construct, id: string, tables: Tables, { reminderSender, evidence }: { readonly reminderSender?: string; readonly evidence?: EvidenceBucket } = {}) {
    super(scope, id);
    const groups = entryGroups();
    for (const [entry, use] of entryUses()) {
      const name = functionId(entry);
      const group = groups.get(entry);
      const home = group ? this.groupStack(group) : this;
      const logGroup = new LogGroup(home, `${name}Logs`, { retention: RetentionDays.THREE_MONTHS });
      const role = new Role(home, `${name}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
      logGroup.grantWrite(role);
      const fn = new NodejsFunction(home, name, {
        entry: path.join(ROOT, entry),
        handler: 'handler',
        projectRoot: ROOT,
        depsLockFilePath: path.join(ROOT, 'package-lock.json'),
        runtime: Runtime.NODEJS_24_X,
        architecture: Architecture.ARM_64,
        // The zip of a department's evidence streams up to a few hundred MB through it: more memory is more network.
        memorySize: use.evidence === 'archive' ? 1024 : 256,
        timeout: use.timeoutSeconds ? Duration.seconds(use.timeoutSeconds) : TIMEOUTS[use.trigger],
        tracing: Tracing.ACTIVE,
        role,
        logGroup,
        environment: {
          EVENTS_TABLE: tables.events.tableName,
          VIEWS_TABLE: tables.views.tableName,
          ...(use.notifies && reminderSender ? { REMINDER_SENDER: reminderSender } : {}),
          ...(use.evidence && evidence ? { EVIDENCE_BUCKET: evidence.bucket.bucketName } : {}),
        },
        bundling: {
          forceDockerBundling: false,
          // The same settings as the bench and the bundle test (bundle-options.ts).
          format: OutputFormat.ESM,
          mainFields: [...LAMBDA_BUNDLE.mainFields],
          minify: LAMBDA_BUNDLE.minify,
          charset: LAMBDA_BUNDLE.charset as Charset,
          sourceMap: false,
          logLevel: LogLevel.WARNING,
          externalModules: [...LAMBDA_BUNDLE.external],
          banner: LAMBDA_BUNDLE.banner,
          define: bundleDefines(entry),
        },
      });
      grantTableAccess(role, tables, mergeAccess(use.accesses));
      if (use.authenticated) grantCallerCheck(role, tables);
      if (use.notifies && reminderSender) grantSendEmail(home, role, reminderSender);
      if (use.evidence && evidence) evidence.grant(role, use.evidence);
      Validations.of(role).acknowledge({ id: 'AwsSolutions-IAM5[Resource::*]', reason: WILDCARD_REASONS[use.trigger] });
      if (use.trigger === 'http') {
        Validations.of(fn).acknowledge({
          id: 'Serverless-LambdaDLQ',
          reason: `API Gateway invokes ${entry} synchronously and the caller gets the error (5xx, counted by the API 5xx alarm); a dead-letter queue only ever receives asynchronous invocations.`,
        });
      }
      this.byEntry.set(entry, fn);
    }
  }

  /** The nested stack of a route group, made on first use. */
  private groupStack(group: RouteGroup): NestedStack {
    const stack = this.groupStacks.get(group) ?? new NestedStack(this, `${group}Routes`, { description: `thidua: the ${group} routes and their functions` });
    this.groupStacks.set(group, stack);
    return stack;
  }

  forEntry(entry: string): NodejsFunction {
    const fn = this.byEntry.get(entry);
    if (!fn) throw new Error(`no function for ${entry}`);
    return fn;
  }
}
