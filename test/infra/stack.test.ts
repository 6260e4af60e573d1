import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/aws/build-app';
import { ROUTES, SCHEDULE_TIME_ZONE, SCHEDULES, STREAM_SUBSCRIPTIONS } from '../../infra/routes';

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string };

// Synthesizing bundles every function with esbuild: do it once for the whole file.
let stack: ReturnType<typeof buildApp>['stack'];
let template: Template;
let resources: Record<string, Resource>;
const ofType = (type: string) => Object.values(resources).filter((resource) => resource.Type === type);

beforeAll(() => {
  ({ stack } = buildApp({ env: { account: '123456789012', region: 'ap-southeast-1' } }));
  template = Template.fromStack(stack);
  resources = template.toJSON().Resources;
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
    const functions = ofType('AWS::Lambda::Function');
    expect(functions).toHaveLength(entries.size);
    for (const fn of functions) {
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], Handler: 'index.handler', TracingConfig: { Mode: 'Active' } });
      expect(Object.keys(fn.Properties.Environment.Variables).sort()).toEqual(['EVENTS_TABLE', 'VIEWS_TABLE']);
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
});

describe('HTTP API', () => {
  it('has every route of ROUTES, behind the JWT authorizer unless public', () => {
    const routes = ofType('AWS::ApiGatewayV2::Route');
    expect(routes).toHaveLength(ROUTES.length);
    for (const route of ROUTES) {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: `${route.method} ${route.path}`,
        AuthorizationType: route.public ? 'NONE' : 'JWT',
      });
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
});

describe('stream and schedules', () => {
  it('projects the events stream with partial batch failures, bisection, bounded retries and a failure destination', () => {
    const [mapping] = ofType('AWS::Lambda::EventSourceMapping');
    expect(mapping.Properties).toMatchObject({
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: STREAM_SUBSCRIPTIONS[0].batchSize,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: 10,
      DestinationConfig: { OnFailure: { Destination: expect.anything() } },
    });
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

describe('cdk-nag AwsSolutions', () => {
  it('reports no finding that is not acknowledged with a reason, error or warning', () => {
    const report = new AwsSolutionsChecks().validateScope(stack);
    const findings = report.violations.map((violation) => `${violation.ruleName} at ${violation.violatingResources.map((r) => r.constructPath).join(', ')}`);
    expect(findings).toEqual([]);
    expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([]);
  });
});
