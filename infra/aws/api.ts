import { Duration, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CorsHttpMethod, HttpApi, HttpMethod, HttpNoneAuthorizer, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ROUTES } from '../routes';
import type { Handlers } from './functions';

export interface ApiProps {
  readonly handlers: Handlers;
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly corsOrigins: readonly string[];
}

/** One JSON line per request, with what an operator needs to trace a failure to a function log and a person. */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    time: '$context.requestTime',
    route: '$context.routeKey',
    status: '$context.status',
    latencyMs: '$context.responseLatency',
    integrationLatencyMs: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
    authorizerError: '$context.authorizer.error',
    sub: '$context.authorizer.claims.sub',
    ip: '$context.identity.sourceIp',
    userAgent: '$context.identity.userAgent',
  }),
);

/** Steady and burst request rates for the whole stage: caps Lambda concurrency and DynamoDB spend under abuse. */
const THROTTLE = { rateLimit: 50, burstLimit: 100 };

/**
 * The HTTP API: every route of ROUTES, each checked by the Cognito JWT authorizer unless it is public. The
 * authorizer checks signature, expiry, issuer and audience; the handlers read roles and organization from the
 * claims (send the ID token: only it carries the `custom:` attributes).
 */
export class Api extends Construct {
  readonly url: string;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const authorizer = new HttpUserPoolAuthorizer('Cognito', props.userPool, { userPoolClients: [props.client] });
    const api = new HttpApi(this, 'HttpApi', {
      defaultAuthorizer: authorizer,
      // The default stage is made below, with throttling and access logs the default one cannot take.
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [...props.corsOrigins],
        allowMethods: [...new Set(ROUTES.map((route) => CorsHttpMethod[route.method]))],
        allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'if-match', 'x-correlation-id'],
        exposeHeaders: ['etag'],
        maxAge: Duration.hours(1),
      },
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.THREE_MONTHS });
    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: api,
      stageName: '$default',
      autoDeploy: true,
      throttle: THROTTLE,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
    });
    this.url = stage.url;

    // One integration per function, shared by all the routes of its entry.
    const integrations = new Map<string, HttpLambdaIntegration>();
    const integrationFor = (entry: string) => {
      const fn = props.handlers.forEntry(entry);
      const integration = integrations.get(entry) ?? new HttpLambdaIntegration(fn.node.id, fn);
      integrations.set(entry, integration);
      return integration;
    };
    for (const route of ROUTES) {
      const [added] = api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: integrationFor(route.entry),
        ...(route.public ? { authorizer: new HttpNoneAuthorizer() } : {}),
      });
      if (route.public) {
        const touches = Object.keys(route.access).length === 0 ? ' and touches no table' : '';
        Validations.of(added).acknowledge({ id: 'AwsSolutions-APIG4', reason: `${route.method} ${route.path} (${route.summary}) is declared public in infra/routes.ts${touches}.` });
      }
    }
  }
}
