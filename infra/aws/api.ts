import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { type CfnStage, CorsHttpMethod, HttpApi, HttpMethod, HttpNoneAuthorizer, HttpRoute, HttpRouteKey, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ROUTES, type RouteSpec, routeMethods } from '../routes';
import type { Handlers } from './functions';

export interface ApiProps {
  readonly handlers: Handlers;
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly corsOrigins: readonly string[];
}

/**
 * One JSON line per request, with what an operator needs to trace a failure to a function log (whose line names
 * the caller). No caller's identity here (sub, IP, user agent): the stage logs every route alike, the secret
 * ballot's too, and a ballot's request must log nothing that ties it to its voter.
 */
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
  }),
);

/**
 * Steady (requests per second) and burst limits. API Gateway applies the stage's default route settings to each
 * route that has none of its own; they cap Lambda concurrency and DynamoDB spend under abuse or a runaway client.
 * Writes get less than reads: each one costs a conditional PutItem, a stream record and a projector write, and a
 * client refused with 429 retries with its Idempotency-Key. The public route, reachable without a token, gets the
 * least. A route's limit is shared by all its callers: at the deadline a whole province's pledges share the pledge
 * route's, so raise `write` (and the account's Lambda concurrency) before a national rollout.
 */
const THROTTLE = {
  default: { rateLimit: 100, burstLimit: 200 },
  write: { rateLimit: 50, burstLimit: 100 },
  public: { rateLimit: 10, burstLimit: 20 },
} as const;

const WRITE_METHODS: ReadonlySet<RouteSpec['method']> = new Set(['PUT', 'POST', 'DELETE']);

/** The limits of one route: its own when it is public or a write, else none (the stage default applies). */
const routeThrottle = (route: RouteSpec) => (route.public ? THROTTLE.public : WRITE_METHODS.has(route.method) ? THROTTLE.write : undefined);

/**
 * The HTTP API: every route of ROUTES, each checked by the Cognito JWT authorizer unless it is public. The
 * authorizer checks signature, expiry, issuer and audience; the handlers read roles and organization from the
 * claims (send the ID token: only it carries the `custom:` attributes).
 */
export class Api extends Construct {
  readonly url: string;
  readonly httpApi: HttpApi;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const authorizer = new HttpUserPoolAuthorizer('Cognito', props.userPool, { userPoolClients: [props.client] });
    const api = (this.httpApi = new HttpApi(this, 'HttpApi', {
      defaultAuthorizer: authorizer,
      // The default stage is made below, with throttling and access logs the default one cannot take.
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [...props.corsOrigins],
        allowMethods: [...new Set(ROUTES.map((route) => CorsHttpMethod[route.method]))],
        allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'if-match', 'x-correlation-id'],
        // The web console reads the version for If-Match, and a download's file name.
        exposeHeaders: ['etag', 'content-disposition'],
        maxAge: Duration.hours(1),
      },
    }));
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.THREE_MONTHS });
    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: api,
      stageName: '$default',
      autoDeploy: true,
      throttle: THROTTLE.default,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
    });
    this.url = stage.url;

    // One integration per function, shared by all the routes of its entry, and one invoke permission per function
    // for this API (not one per route: with every GET's HEAD, per-route permissions alone took 108 of the stack's
    // 500 resources, CloudFormation's hard limit). Both live beside the function, in its route group's nested stack
    // (route-groups.ts), and so do its routes: only the API, its authorizer and its stage stay in this stack.
    const integrations = new Map<string, HttpLambdaIntegration>();
    const integrationFor = (entry: string) => {
      const fn = props.handlers.forEntry(entry);
      const integration = integrations.get(entry) ?? new HttpLambdaIntegration(fn.node.id, fn, { scopePermissionToRoute: false });
      integrations.set(entry, integration);
      return integration;
    };
    const routesIn = (entry: string): Construct => {
      const home = Stack.of(props.handlers.forEntry(entry));
      return home.node.tryFindChild('Routes') ?? new Construct(home, 'Routes');
    };
    // Per-route limits: the L2 stage has no prop for them, the CloudFormation one takes a map keyed by route key.
    // A route's settings replace the default ones as a whole, so each names both limits.
    const routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    for (const route of ROUTES) {
      const limits = routeThrottle(route);
      // An HTTP API serves only the methods its routes name: a GET route's HEAD is a route of its own.
      for (const method of routeMethods(route)) {
        const added = new HttpRoute(routesIn(route.entry), `${method}${route.path}`, {
          httpApi: api,
          routeKey: HttpRouteKey.with(route.path, HttpMethod[method as keyof typeof HttpMethod]),
          integration: integrationFor(route.entry),
          ...(route.public ? { authorizer: new HttpNoneAuthorizer() } : {}),
        });
        if (route.public) {
          const touches = Object.keys(route.access).length === 0 ? ' and touches no table' : '';
          Validations.of(added).acknowledge({ id: 'AwsSolutions-APIG4', reason: `${route.method} ${route.path} (${route.summary}) is declared public in infra/routes.ts${touches}.` });
        }
        if (limits) {
          routeSettings[`${method} ${route.path}`] = { ThrottlingRateLimit: limits.rateLimit, ThrottlingBurstLimit: limits.burstLimit };
          // API Gateway refuses settings for a route key that does not exist yet: create the routes first (for a
          // route in a nested stack, CloudFormation waits for that whole stack).
          stage.node.addDependency(added);
        }
      }
    }
    (stage.node.defaultChild as CfnStage).routeSettings = routeSettings;
  }
}
