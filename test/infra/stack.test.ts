import { type CfnElement, NestedStack, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, type NagPack, ServerlessChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../infra/aws/build-app';
import type { Handlers } from '../../infra/aws/functions';
import { ROUTES, SCHEDULE_TIME_ZONE, SCHEDULES, STREAM_SUBSCRIPTIONS, routeMethods } from '../../infra/routes';

type Resource = { Type: string; Properties: Record<string, any>; DependsOn?: string[]; DeletionPolicy?: string; UpdateReplacePolicy?: string };

// Each synthesis bundles every function with esbuild: minutes on a busy 2-core machine, beyond the default hook time.
vi.setConfig({ hookTimeout: 300_000 });

// Synthesizing bundles every function with esbuild: do it once for the whole file.
let stack: ReturnType<typeof buildApp>['stack'];
let template: Template;
/** The resources of the root stack and of its nested stacks, as one (see `flatten`). */
let resources: Record<string, Resource>;
/** The nested stack resource (in the root template) each nested stack's resource lives in. */
let owners: Record<string, string>;
/** Every template the app deploys, with its resource count: the root stack's and each nested stack's. */
let templates: { name: string; resources: number; parameters: number; outputs: number }[];
const ofType = (type: string) => Object.values(resources).filter((resource) => resource.Type === type);
const idsOfType = (type: string) => Object.keys(resources).filter((id) => resources[id].Type === type);
/** The logical id behind `{ Ref: id }` or `{ 'Fn::GetAtt': [id, attribute] }`. */
const target = (reference: any): string => reference?.Ref ?? reference?.['Fn::GetAtt']?.[0];
const WRITE_METHODS = new Set(['PUT', 'POST', 'DELETE']);
/** The logical id of the function of a handler entry (in its own template, the root's or a nested stack's). */
const functionIdIn = (app: Stack, entry: string) => {
  const fn = (app.node.findChild('Handlers') as Handlers).forEntry(entry);
  return Stack.of(fn).getLogicalId(fn.node.defaultChild as CfnElement);
};
const functionId = (entry: string) => functionIdIn(stack, entry);

/**
 * The root template's resources and its nested stacks', as one map: in a nested stack's, each parameter is replaced
 * by what the root passes it, so a reference reads as if there were one stack (`{ Ref: 'referenceto…Arn' }` becomes
 * the root's `{ 'Fn::GetAtt': [bucket, 'Arn'] }`). Logical ids are unique across the templates (checked).
 */
const flatten = (root: Stack) => {
  const rootJson = Template.fromStack(root).toJSON();
  const all: Record<string, Resource> = { ...rootJson.Resources };
  const owner: Record<string, string> = {};
  const counts = [{ name: root.stackName, resources: Object.keys(rootJson.Resources).length, parameters: Object.keys(rootJson.Parameters ?? {}).length, outputs: Object.keys(rootJson.Outputs ?? {}).length }];
  for (const nested of root.node.findAll().filter(NestedStack.isNestedStack)) {
    const nestedId = root.getLogicalId(nested.nestedStackResource as CfnElement);
    const passed: Record<string, unknown> = rootJson.Resources[nestedId].Properties.Parameters ?? {};
    const resolve = (value: any): any =>
      Array.isArray(value)
        ? value.map(resolve)
        : value && typeof value === 'object'
          ? typeof value.Ref === 'string' && value.Ref in passed
            ? passed[value.Ref]
            : Object.fromEntries(Object.entries(value).map(([key, each]) => [key, resolve(each)]))
          : value;
    const json = Template.fromStack(nested).toJSON();
    counts.push({ name: nested.node.path, resources: Object.keys(json.Resources).length, parameters: Object.keys(json.Parameters ?? {}).length, outputs: Object.keys(json.Outputs ?? {}).length });
    for (const [id, resource] of Object.entries<Resource>(json.Resources)) {
      if (id in all) throw new Error(`logical id ${id} is in two templates`);
      all[id] = resolve(resource);
      owner[id] = nestedId;
    }
  }
  return { resources: all, owner, counts };
};

/** The findings of a cdk-nag pack that nobody acknowledged, as `rule at path` lines. */
const unacknowledged = (pack: NagPack, scope: ReturnType<typeof buildApp>['stack']) =>
  pack.validateScope(scope).violations.flatMap((violation) => violation.violatingResources.map((resource) => `${violation.ruleName} at ${resource.constructPath}`));

beforeAll(() => {
  ({ stack } = buildApp({ env: { account: '123456789012', region: 'ap-southeast-1' } }));
  template = Template.fromStack(stack);
  ({ resources, owner: owners, counts: templates } = flatten(stack));
});

describe('CloudFormation limits', () => {
  // CloudFormation refuses a template of more than 500 resources (and 200 parameters, 200 outputs): one stack held
  // everything and reached 494. Each template must keep room for the next routes and functions.
  it('keeps every template, the root and each nested stack, well under 500 resources, 200 parameters and 200 outputs', () => {
    expect(templates.length).toBeGreaterThan(1);
    for (const each of templates) {
      expect(each.resources, each.name).toBeLessThanOrEqual(450);
      expect(each.parameters, each.name).toBeLessThanOrEqual(150);
      expect(each.outputs, each.name).toBeLessThanOrEqual(150);
    }
  });

  it("puts each HTTP route, its integration and its function's invoke permission in its function's template, outside the root", () => {
    const integrations = idsOfType('AWS::ApiGatewayV2::Integration');
    expect(integrations.length).toBeGreaterThan(0);
    for (const id of idsOfType('AWS::ApiGatewayV2::Route')) {
      const integration = resources[id].Properties.Target['Fn::Join'][1][1].Ref;
      expect(integrations, id).toContain(integration);
      expect(owners[id], id).toBeDefined();
      expect(owners[integration], id).toBe(owners[id]);
      expect(owners[target(resources[integration].Properties.IntegrationUri)], id).toBe(owners[id]);
    }
    for (const id of idsOfType('AWS::Lambda::Permission')) expect(owners[id], id).toBe(owners[target(resources[id].Properties.FunctionName)]);
  });
});

describe('tables', () => {
  it('keeps the events table: stream of new images, point-in-time recovery, deletion protection, retained', () => {
    const [events] = ofType('AWS::DynamoDB::Table').filter((table) => table.Properties.StreamSpecification);
    expect(events.Properties).toMatchObject({
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
      AttributeDefinitions: expect.arrayContaining([{ AttributeName: 'sk', AttributeType: 'N' }]),
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      BillingMode: 'PAY_PER_REQUEST',
    });
    expect(events).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  it('gives the views table the campaign index, point-in-time recovery, and retains it', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        GlobalSecondaryIndexes: [
          Match.objectLike({ IndexName: 'byKind', KeySchema: [{ AttributeName: 'gsi1pk', KeyType: 'HASH' }, { AttributeName: 'gsi1sk', KeyType: 'RANGE' }] }),
        ],
      }),
    });
  });
});

describe('functions', () => {
  it('has one arm64 Node.js 24 function per distinct entry', () => {
    const entries = new Set([...ROUTES, ...STREAM_SUBSCRIPTIONS, ...SCHEDULES].map((spec) => spec.entry));
    // Besides ours, CDK's own provider that copies the web console into its bucket at deploy time.
    const functions = idsOfType('AWS::Lambda::Function').filter((id) => !id.startsWith('CustomCDKBucketDeployment')).map((id) => resources[id]);
    expect(functions).toHaveLength(entries.size);
    for (const fn of functions) {
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], Handler: 'index.handler', TracingConfig: { Mode: 'Active' } });
      // The accounts function also gets its pool, the evidence functions their bucket (each checked with its grant, below).
      expect(Object.keys(fn.Properties.Environment.Variables).filter((name) => name !== 'USER_POOL_ID' && name !== 'EVIDENCE_BUCKET').sort()).toEqual(['EVENTS_TABLE', 'VIEWS_TABLE']);
    }
  });

  it('grants no DynamoDB wildcard: no dynamodb:* action, and Resource * only for ListStreams', () => {
    const statements = ofType('AWS::IAM::Policy').flatMap((policy) => policy.Properties.PolicyDocument.Statement);
    for (const statement of statements) {
      const actions: string[] = [statement.Action].flat();
      const dynamo = actions.filter((action) => action.startsWith('dynamodb:'));
      expect(dynamo).not.toContain('dynamodb:*');
      // ListStreams supports no resource-level permission: the stream event source needs it on `*`.
      if ([statement.Resource].flat().includes('*')) expect(dynamo.filter((action) => action !== 'dynamodb:ListStreams')).toEqual([]);
      // The events table is append-only, and so is every grant on it.
      expect(dynamo.filter((action) => /UpdateItem|DeleteItem|BatchWriteItem|Scan/.test(action))).toEqual([]);
    }
  });

  it("lets every authenticated function read the caller's roster item (on-staff check), by key, member items only; public ones not", () => {
    const memberReads = (entry: string) => {
      const role = target(resources[functionId(entry)].Properties.Role);
      return ofType('AWS::IAM::Policy')
        .filter((policy) => policy.Properties.Roles.some((each: any) => target(each) === role))
        .flatMap((policy) => policy.Properties.PolicyDocument.Statement)
        .filter((statement: any) => statement.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys']);
    };
    for (const route of ROUTES) {
      const reads = memberReads(route.entry);
      if (route.public) expect(reads, route.entry).toEqual([]);
      else expect(reads.map((statement: any) => [statement.Action, statement.Condition]), route.entry).toEqual([['dynamodb:GetItem', { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['*#members'] } }]]);
    }
  });
});

describe('evidence bucket', () => {
  const evidenceBucketId = () => target(template.toJSON().Outputs.EvidenceBucketName.Value);
  const bucket = () => resources[evidenceBucketId()];
  const policiesOf = (entry: string) => {
    const role = target(resources[functionId(entry)].Properties.Role);
    return ofType('AWS::IAM::Policy').filter((policy) => policy.Properties.Roles.some((each: any) => target(each) === role));
  };
  const bucketStatements = (entry: string) =>
    policiesOf(entry)
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement)
      .filter((statement: any) => JSON.stringify(statement.Resource).includes(evidenceBucketId()));

  it('is private, encrypted, TLS only, versioned, logged and retained', () => {
    expect(bucket().Properties).toMatchObject({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      VersioningConfiguration: { Status: 'Enabled' },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      LoggingConfiguration: { DestinationBucketName: expect.anything() },
    });
    expect(bucket()).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    const policy = ofType('AWS::S3::BucketPolicy').find((each) => target(each.Properties.Bucket) === evidenceBucketId())!;
    expect(policy.Properties.PolicyDocument.Statement).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
  });

  it('keeps evidence 20 years (current and earlier versions) and archives a day', () => {
    const rules = bucket().Properties.LifecycleConfiguration.Rules;
    const days = 20 * 365 + 5;
    expect(rules).toContainEqual(expect.objectContaining({ Prefix: 'evidence/', ExpirationInDays: days, NoncurrentVersionExpiration: { NoncurrentDays: days }, Status: 'Enabled' }));
    expect(rules).toContainEqual(expect.objectContaining({ Prefix: 'archives/', ExpirationInDays: 1, Status: 'Enabled' }));
  });

  it("answers browsers from the console's origin only, for PUT, GET and HEAD", () => {
    const [rule] = bucket().Properties.CorsConfiguration.CorsRules;
    expect(rule).toMatchObject({ AllowedMethods: ['PUT', 'GET', 'HEAD'], AllowedHeaders: ['content-type', 'x-amz-checksum-sha256'] });
    expect(rule.AllowedOrigins).toHaveLength(1);
    expect(JSON.stringify(rule.AllowedOrigins)).toContain('DomainName');
    expect(JSON.stringify(rule.AllowedOrigins)).not.toContain('*');
  });

  it('reaches only the functions whose routes use it, each with just what they do', () => {
    const users = new Set(ROUTES.filter((route) => route.evidence).map((route) => route.entry));
    for (const entry of new Set([...ROUTES, ...STREAM_SUBSCRIPTIONS, ...SCHEDULES].map((spec) => spec.entry))) {
      const variables = resources[functionId(entry)].Properties.Environment.Variables;
      expect('EVIDENCE_BUCKET' in variables, entry).toBe(users.has(entry));
      if (!users.has(entry)) expect(bucketStatements(entry), entry).toEqual([]);
    }
    const actionsOf = (entry: string) => bucketStatements(entry).flatMap((statement: any) => [statement.Action].flat()).sort();
    expect(actionsOf('functions/http/evidence-commands.ts')).toEqual(['s3:GetObject', 's3:ListBucket', 's3:PutObject']);
    expect(actionsOf('functions/http/get-evidence-file.ts')).toEqual(['s3:GetObject']);
    expect(actionsOf('functions/http/export-evidence-archive.ts')).toEqual(['s3:AbortMultipartUpload', 's3:GetObject', 's3:GetObject', 's3:ListBucket', 's3:PutObject']);
    expect(resources[functionId('functions/http/export-evidence-archive.ts')].Properties).toMatchObject({ Timeout: 29, MemorySize: 1024 });
  });

  it("lets the console's pages upload to S3 (Content-Security-Policy connect-src)", () => {
    const [policy] = ofType('AWS::CloudFront::ResponseHeadersPolicy');
    expect(JSON.stringify(policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy)).toContain('*.s3.');
  });
});

describe('HTTP API', () => {
  it('has every route of ROUTES, behind the JWT authorizer unless public', () => {
    const routes = ofType('AWS::ApiGatewayV2::Route');
    // A GET route is served for HEAD too (issue 13): an HTTP API answers only the methods its routes name.
    expect(routes).toHaveLength(ROUTES.length + ROUTES.filter((route) => route.method === 'GET').length);
    for (const route of ROUTES) {
      for (const method of routeMethods(route)) {
        const key = `${method} ${route.path}`;
        expect(routes.filter((each) => each.Properties.RouteKey === key && each.Properties.AuthorizationType === (route.public ? 'NONE' : 'JWT')), key).toHaveLength(1);
      }
    }
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', { AuthorizerType: 'JWT', JwtConfiguration: Match.objectLike({ Audience: Match.anyValue() }) });
  });

  it('logs access and throttles the default stage', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('\\$context\\.requestId') },
      DefaultRouteSettings: { ThrottlingBurstLimit: Match.anyValue(), ThrottlingRateLimit: Match.anyValue() },
    });
  });

  it("keeps the caller's identity out of the stage's access log: it logs the secret ballot's requests too", () => {
    const [stageId] = idsOfType('AWS::ApiGatewayV2::Stage');
    const format = JSON.stringify(resources[stageId].Properties.AccessLogSettings.Format);
    expect(format).toContain('$context.requestId');
    expect(format).not.toMatch(/authorizer\.claims|sourceIp|userAgent/);
  });

  it('throttles every write route of ROUTES more tightly than the default, and only routes that exist, created first', () => {
    const [stageId] = idsOfType('AWS::ApiGatewayV2::Stage');
    const stage = resources[stageId];
    const defaults = stage.Properties.DefaultRouteSettings;
    const settings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = stage.Properties.RouteSettings;
    const writes = ROUTES.filter((route) => WRITE_METHODS.has(route.method));
    expect(writes.length).toBeGreaterThan(0);
    for (const route of writes) {
      const key = `${route.method} ${route.path}`;
      expect(settings[key], key).toBeDefined();
      expect(settings[key].ThrottlingRateLimit, key).toBeLessThan(defaults.ThrottlingRateLimit);
      expect(settings[key].ThrottlingBurstLimit, key).toBeLessThan(defaults.ThrottlingBurstLimit);
      expect(settings[key].ThrottlingBurstLimit, key).toBeGreaterThanOrEqual(settings[key].ThrottlingRateLimit);
    }
    // API Gateway rejects settings for a route key it does not know yet: each must be a route the stage waits for
    // (for a route in a nested stack, the stage waits for that stack).
    const routeIds = new Map(idsOfType('AWS::ApiGatewayV2::Route').map((id) => [resources[id].Properties.RouteKey as string, id]));
    for (const key of Object.keys(settings)) {
      expect(routeIds.has(key), key).toBe(true);
      const id = routeIds.get(key)!;
      expect(stage.DependsOn, key).toContain(owners[id] ?? id);
    }
  });
});

describe('stream and schedules', () => {
  /** The event source mapping of a stream subscription. */
  const mappingOf = (name: string) => {
    const fnId = functionId(STREAM_SUBSCRIPTIONS.find((subscription) => subscription.name === name)!.entry);
    const found = ofType('AWS::Lambda::EventSourceMapping').filter((mapping) => target(mapping.Properties.FunctionName) === fnId);
    expect(found, name).toHaveLength(1);
    return found[0].Properties;
  };

  it('delivers the events stream to each subscription with partial batch failures, bisection, bounded retries and its own failure destination', () => {
    const destinations = STREAM_SUBSCRIPTIONS.map(({ name, batchSize }) => {
      const mapping = mappingOf(name);
      expect(mapping, name).toMatchObject({
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: batchSize,
        BisectBatchOnFunctionError: true,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        MaximumRetryAttempts: 10,
        DestinationConfig: { OnFailure: { Destination: expect.anything() } },
      });
      return target(mapping.DestinationConfig.OnFailure.Destination);
    });
    expect(new Set(destinations).size).toBe(STREAM_SUBSCRIPTIONS.length);
  });

  it('invokes the reminders delivery only for RemindersSent inserts (an event-source filter), the projector for every event', () => {
    expect(mappingOf('project-views').FilterCriteria).toBeUndefined();
    const { Filters } = mappingOf('deliver-reminders').FilterCriteria;
    expect(Filters.map((filter: { Pattern: string }) => JSON.parse(filter.Pattern))).toEqual([{ eventName: ['INSERT'], dynamodb: { NewImage: { type: { S: ['RemindersSent'] } } } }]);
  });

  it('runs each schedule at its wall-clock time in Asia/Ho_Chi_Minh, with a dead-letter queue', () => {
    expect(ofType('AWS::Scheduler::Schedule')).toHaveLength(SCHEDULES.length);
    for (const { at } of SCHEDULES) {
      template.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: `cron(${at.minute} ${at.hour} ${at.day ?? '*'} ${at.month ?? '*'} ? *)`,
        ScheduleExpressionTimezone: SCHEDULE_TIME_ZONE,
        Target: Match.objectLike({ DeadLetterConfig: { Arn: Match.anyValue() }, RetryPolicy: Match.anyValue() }),
      });
    }
  });

  it('sends scheduled runs that threw to a queue too, and alarms on every failure queue', () => {
    expect(ofType('AWS::Lambda::EventInvokeConfig')).toHaveLength(new Set(SCHEDULES.map((spec) => spec.entry)).size);
    const queues = Object.entries(resources).filter(([, resource]) => resource.Type === 'AWS::SQS::Queue');
    for (const [logicalId, queue] of queues) {
      expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId, 'QueueName'] } }],
      });
    }
  });
});

describe('alarms', () => {
  let topicId: string;
  let alarms: [string, Resource][];
  const metricOf = (alarm: Resource) => alarm.Properties.MetricName ?? alarm.Properties.Metrics?.find((query: any) => query.ReturnData !== false)?.MetricStat?.Metric?.MetricName;

  beforeAll(() => {
    [topicId] = idsOfType('AWS::SNS::Topic');
    alarms = Object.entries(resources).filter(([, resource]) => resource.Type === 'AWS::CloudWatch::Alarm');
  });

  it('notifies one KMS-encrypted, TLS-only topic, which CloudWatch may use the key of', () => {
    expect(idsOfType('AWS::SNS::Topic')).toHaveLength(1);
    const topic = resources[topicId];
    const keyId = target(topic.Properties.KmsMasterKeyId);
    expect(resources[keyId]).toMatchObject({ Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true } });
    expect(resources[keyId].Properties.KeyPolicy.Statement).toContainEqual(
      expect.objectContaining({ Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: expect.arrayContaining(['kms:Decrypt', 'kms:GenerateDataKey*']) }),
    );
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topicId }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
    // Without thidua:alarmEmail nobody is subscribed (see the e-mail variant below).
    expect(ofType('AWS::SNS::Subscription')).toEqual([]);
  });

  it('sends every alarm, on alarm and on recovery, to that topic', () => {
    expect(alarms.length).toBeGreaterThan(0);
    for (const [id, alarm] of alarms) {
      expect(alarm.Properties.AlarmActions, id).toEqual([{ Ref: topicId }]);
      expect(alarm.Properties.OKActions, id).toEqual([{ Ref: topicId }]);
    }
  });

  it("alarms on the API's 5xx rate from API Gateway's own metrics", () => {
    const [apiId] = idsOfType('AWS::ApiGatewayV2::Api');
    const rate = alarms.filter(([, alarm]) =>
      alarm.Properties.Metrics?.some((query: any) => query.MetricStat?.Metric?.MetricName === '5xx' && target(query.MetricStat.Metric.Dimensions[0].Value) === apiId),
    );
    expect(rate).toHaveLength(1);
    const [[, alarm]] = rate;
    const metrics = alarm.Properties.Metrics;
    expect(metrics.find((query: any) => query.ReturnData !== false).Expression).toMatch(/100 \* errors \/ requests/);
    expect(metrics.find((query: any) => query.Id === 'requests').MetricStat.Metric).toMatchObject({ Namespace: 'AWS/ApiGateway', MetricName: 'Count' });
    expect(alarm.Properties).toMatchObject({ ComparisonOperator: 'GreaterThanThreshold', TreatMissingData: 'notBreaching' });
  });

  it('alarms when each projector falls 5 minutes behind, or keeps reporting failed aggregates', () => {
    for (const subscription of STREAM_SUBSCRIPTIONS) {
      const fnId = functionId(subscription.entry);
      expect(ofType('AWS::Lambda::EventSourceMapping').some((mapping) => target(mapping.Properties.FunctionName) === fnId), subscription.name).toBe(true);
      const age = alarms.filter(([, alarm]) => alarm.Properties.MetricName === 'IteratorAge' && target(alarm.Properties.Dimensions[0].Value) === fnId);
      expect(age, subscription.name).toHaveLength(1);
      expect(age[0][1].Properties).toMatchObject({ Namespace: 'AWS/Lambda', Statistic: 'Maximum', Threshold: 5 * 60 * 1000, ComparisonOperator: 'GreaterThanThreshold' });
    }
    const failures = alarms.filter(([, alarm]) => alarm.Properties.Namespace === 'thidua' && alarm.Properties.MetricName === 'Failures');
    expect(failures).toHaveLength(STREAM_SUBSCRIPTIONS.length);
    expect(failures.map(([, alarm]) => alarm.Properties.Dimensions).sort((a, b) => a[0].Value.localeCompare(b[0].Value))).toEqual([
      [{ Name: 'projector', Value: 'accounts' }],
      [{ Name: 'projector', Value: 'reminders' }],
      [{ Name: 'projector', Value: 'views' }],
    ]);
    for (const [, alarm] of failures) expect(alarm.Properties).toMatchObject({ Statistic: 'Sum', Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
  });

  it('gives every event source mapping and every schedule a failure destination whose queue has exactly one alarm', () => {
    const alarmsByQueue = new Map<string, string[]>();
    for (const [id, alarm] of alarms) {
      if (alarm.Properties.Namespace !== 'AWS/SQS' || metricOf(alarm) !== 'ApproximateNumberOfMessagesVisible') continue;
      expect(alarm.Properties, id).toMatchObject({ Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
      const queue = target(alarm.Properties.Dimensions[0].Value);
      alarmsByQueue.set(queue, [...(alarmsByQueue.get(queue) ?? []), id]);
    }
    const expectAlarmed = (destination: any, what: string) => {
      const queue = target(destination);
      expect(resources[queue]?.Type, what).toBe('AWS::SQS::Queue');
      expect(alarmsByQueue.get(queue), what).toHaveLength(1);
    };
    const mappings = ofType('AWS::Lambda::EventSourceMapping');
    expect(mappings).toHaveLength(STREAM_SUBSCRIPTIONS.length);
    mappings.forEach((mapping) => expectAlarmed(mapping.Properties.DestinationConfig?.OnFailure?.Destination, `mapping of ${target(mapping.Properties.FunctionName)}`));
    const schedules = ofType('AWS::Scheduler::Schedule');
    expect(schedules).toHaveLength(SCHEDULES.length);
    const invokeConfigs = ofType('AWS::Lambda::EventInvokeConfig');
    for (const schedule of schedules) {
      const what = schedule.Properties.Description;
      // Scheduler's failures (could not invoke) and the function's (the run threw, after Lambda's retries).
      expectAlarmed(schedule.Properties.Target.DeadLetterConfig?.Arn, `${what}: Scheduler dead-letter queue`);
      const config = invokeConfigs.find((each) => target(each.Properties.FunctionName) === target(schedule.Properties.Target.Arn));
      expect(config, what).toBeDefined();
      expectAlarmed(config!.Properties.DestinationConfig?.OnFailure?.Destination, `${what}: on-failure destination`);
    }
    // And every queue of the stack is such a failure queue, with its one alarm.
    expect([...alarmsByQueue.keys()].sort()).toEqual(idsOfType('AWS::SQS::Queue').sort());
  });
});

describe('dashboard', () => {
  type Widget = { type: string; properties: { title?: string; metrics?: unknown[][]; alarms?: string[] } };
  let widgets: Widget[];
  /** The dashboard body with each reference replaced by the logical id it names, parsed. */
  beforeAll(() => {
    const dashboards = ofType('AWS::CloudWatch::Dashboard');
    expect(dashboards).toHaveLength(1);
    const body = dashboards[0].Properties.DashboardBody;
    const parts: unknown[] = typeof body === 'string' ? [body] : body['Fn::Join'][1];
    widgets = JSON.parse(parts.map((part) => (typeof part === 'string' ? part : (target(part) ?? 'pseudo'))).join('')).widgets;
  });
  const metricLines = () => widgets.flatMap((widget) => widget.properties.metrics ?? []);
  const hasMetric = (namespace: string, name: string, ...dimensions: string[]) =>
    metricLines().some((line) => line[0] === namespace && line[1] === name && dimensions.every((value, index) => line[2 + index] === value));

  it("follows each projector's iterator age, view writes per record and failures", () => {
    for (const subscription of STREAM_SUBSCRIPTIONS) {
      expect(hasMetric('AWS/Lambda', 'IteratorAge', 'FunctionName', functionId(subscription.entry))).toBe(true);
    }
    const expressions = metricLines().flatMap((line) => line.filter((part: any) => part?.expression).map((part: any) => part.expression as string));
    expect(expressions).toContain('IF(records > 0, writes / records, 0)');
    expect(hasMetric('thidua', 'ViewWrites', 'projector', 'views')).toBe(true);
    expect(hasMetric('thidua', 'Records', 'projector', 'views')).toBe(true);
    expect(hasMetric('thidua', 'Failures', 'projector', 'views')).toBe(true);
  });

  it('shows API requests and 5xx by route, and latency p50 and p99', () => {
    const expressions = metricLines().flatMap((line) => line.filter((part: any) => part?.expression).map((part: any) => part.expression as string));
    expect(expressions).toContainEqual(expect.stringMatching(/^SELECT SUM\(Requests\) FROM SCHEMA\("thidua", outcome, route\) GROUP BY route/));
    expect(expressions).toContainEqual(expect.stringMatching(/^SELECT SUM\(Requests\) FROM SCHEMA\("thidua", outcome, route\) WHERE outcome = '5xx' GROUP BY route/));
    const latency = metricLines().filter((line) => line[0] === 'AWS/ApiGateway' && line[1] === 'Latency').map((line) => (line.at(-1) as { stat: string }).stat);
    expect(latency).toEqual(expect.arrayContaining(['p50', 'p99']));
    for (const route of ROUTES) expect(hasMetric('thidua', 'Latency', 'outcome', '2xx', 'route', `${route.method} ${route.path}`), `${route.method} ${route.path}`).toBe(true);
  });

  it('shows the failure queues, the schedules and every alarm', () => {
    for (const queue of idsOfType('AWS::SQS::Queue')) expect(hasMetric('AWS/SQS', 'ApproximateNumberOfMessagesVisible', 'QueueName', queue), queue).toBe(true);
    for (const entry of new Set(SCHEDULES.map((spec) => spec.entry))) expect(hasMetric('AWS/Lambda', 'Errors', 'FunctionName', functionId(entry)), entry).toBe(true);
    expect(metricLines().some((line) => line[0] === 'AWS/Scheduler' && line[1] === 'TargetErrorCount')).toBe(true);
    const shown = widgets.flatMap((widget) => widget.properties.alarms ?? []);
    expect(shown.sort()).toEqual(idsOfType('AWS::CloudWatch::Alarm').sort());
  });
});

describe('cdk-nag', () => {
  it('AwsSolutions reports no finding that is not acknowledged with a reason, error or warning', () => {
    expect(unacknowledged(new AwsSolutionsChecks(), stack)).toEqual([]);
    expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([]);
  });

  it('Serverless reports no finding that is not acknowledged with a reason, error or warning', () => {
    expect(unacknowledged(new ServerlessChecks(), stack)).toEqual([]);
  });

  it('synthesizes without CDK warnings', () => {
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map((warning) => `${warning.id}: ${warning.entry.data}`)).toEqual([]);
  });
});

describe('with an alarm e-mail (thidua:alarmEmail)', () => {
  let withEmail: ReturnType<typeof buildApp>['stack'];
  let emailTemplate: Template;

  // The same app with one more context key; asset bundling skipped (`aws:cdk:bundling-stacks`), as only the
  // subscription and its cdk-nag findings differ.
  beforeAll(() => {
    ({ stack: withEmail } = buildApp({
      context: { 'thidua:alarmEmail': 'ops@example.org', 'aws:cdk:bundling-stacks': [] },
      env: { account: '123456789012', region: 'ap-southeast-1' },
    }));
    emailTemplate = Template.fromStack(withEmail);
  });

  it('subscribes the address to the alarm topic', () => {
    const [topicId] = Object.keys(emailTemplate.findResources('AWS::SNS::Topic'));
    emailTemplate.resourceCountIs('AWS::SNS::Subscription', 1);
    emailTemplate.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.org', TopicArn: { Ref: topicId } });
  });

  it('still passes both cdk-nag packs', () => {
    expect(unacknowledged(new AwsSolutionsChecks(), withEmail)).toEqual([]);
    expect(unacknowledged(new ServerlessChecks(), withEmail)).toEqual([]);
  });
});

describe('with a reminder sender (thidua:reminderSender)', () => {
  const SENDER = 'nhacviec@bqlkkt.gov.vn';
  let withSender: ReturnType<typeof buildApp>['stack'];
  let senderResources: Record<string, Resource>;

  beforeAll(() => {
    ({ stack: withSender } = buildApp({
      context: { 'thidua:reminderSender': SENDER, 'aws:cdk:bundling-stacks': [] },
      env: { account: '123456789012', region: 'ap-southeast-1' },
    }));
    senderResources = flatten(withSender).resources;
  });

  /** The functions whose roles may send e-mail, and the resources they may send from, by entry. */
  const sendersIn = (all: Record<string, Resource>) => {
    const roleOf = (id: string) => target(all[id].Properties.Role);
    const sending = Object.values(all)
      .filter((resource) => resource.Type === 'AWS::IAM::Policy')
      .flatMap((policy) =>
        policy.Properties.PolicyDocument.Statement.filter((statement: any) => [statement.Action].flat().includes('ses:SendEmail')).map((statement: any) => ({
          role: target(policy.Properties.Roles[0]),
          resources: [statement.Resource].flat(),
        })),
      );
    return Object.keys(all)
      .filter((id) => all[id].Type === 'AWS::Lambda::Function' && sending.some((each) => each.role === roleOf(id)))
      .map((id) => ({ id, env: all[id].Properties.Environment.Variables, resources: sending.find((each) => each.role === roleOf(id))!.resources }));
  };

  it('lets only the reminders delivery send, from that sender (its address or its domain), and tells it who it is', () => {
    // The schedule and the POST route only record; the stream subscription sends.
    const notifying = STREAM_SUBSCRIPTIONS.filter((spec) => spec.notifies).map((spec) => spec.entry);
    expect(notifying).toEqual(['functions/streams/deliver-reminders.ts']);
    const senders = sendersIn(senderResources);
    expect(senders.map((each) => each.id).sort()).toEqual(notifying.map((entry) => functionIdIn(withSender, entry)).sort());
    for (const sender of senders) {
      expect(sender.env.REMINDER_SENDER).toBe(SENDER);
      expect(JSON.stringify(sender.resources)).toContain(`:identity/${SENDER}`);
      expect(JSON.stringify(sender.resources)).toContain(':identity/bqlkkt.gov.vn');
      expect(JSON.stringify(sender.resources)).not.toContain('*');
    }
  });

  it('lets only the accounts function call the Cognito admin API (and the account list read it), on this pool only, and tells them the pool', () => {
    const roleOf = (id: string) => target(resources[id].Properties.Role);
    const admin = Object.values(resources)
      .filter((resource) => resource.Type === 'AWS::IAM::Policy')
      .flatMap((policy) =>
        policy.Properties.PolicyDocument.Statement.filter((statement: any) => [statement.Action].flat().some((action: string) => action.startsWith('cognito-idp:'))).map((statement: any) => ({
          role: target(policy.Properties.Roles[0]),
          actions: [statement.Action].flat(),
          resources: [statement.Resource].flat(),
        })),
      );
    const managing = STREAM_SUBSCRIPTIONS.filter((spec) => spec.managesAccounts).map((spec) => spec.entry);
    expect(managing).toEqual(['functions/streams/follow-roster.ts']);
    const accountsFunction = functionId(managing[0]);
    // The one route that lists accounts reads them (ListUsers, AdminListGroupsForUser) and changes nothing.
    const listing = ROUTES.filter((spec) => spec.managesAccounts).map((spec) => spec.entry);
    expect(listing).toEqual(['functions/http/list-accounts.ts']);
    const listFunction = functionId(listing[0]);
    expect(new Set(admin.map((each) => each.role))).toEqual(new Set([roleOf(accountsFunction), roleOf(listFunction)]));
    const grantOf = (fn: string) => admin.find((each) => each.role === roleOf(fn))!;
    expect(grantOf(accountsFunction).actions.every((action: string) => /^cognito-idp:(Admin\w+|ListUsers)$/.test(action))).toBe(true);
    expect(grantOf(accountsFunction).actions).toContain('cognito-idp:AdminDisableUser');
    expect(new Set(grantOf(listFunction).actions)).toEqual(new Set(['cognito-idp:ListUsers', 'cognito-idp:AdminListGroupsForUser']));
    for (const each of admin) expect(each.resources).toEqual([{ 'Fn::GetAtt': [expect.stringMatching(/^AuthUserPool/), 'Arn'] }]);
    expect(resources[accountsFunction].Properties.Environment.Variables.USER_POOL_ID).toEqual({ Ref: expect.stringMatching(/^AuthUserPool/) });
    const told = Object.keys(resources).filter((id) => resources[id].Type === 'AWS::Lambda::Function' && resources[id].Properties.Environment?.Variables?.USER_POOL_ID);
    expect(new Set(told)).toEqual(new Set([accountsFunction, listFunction]));
  });

  it('without a sender, nothing may send e-mail', () => {
    expect(sendersIn(resources)).toEqual([]);
  });

  it('still passes both cdk-nag packs', () => {
    expect(unacknowledged(new AwsSolutionsChecks(), withSender)).toEqual([]);
    expect(unacknowledged(new ServerlessChecks(), withSender)).toEqual([]);
  });
});
