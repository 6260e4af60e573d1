import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssetHashType, type CfnElement, DefaultStackSynthesizer, DockerImage, Duration, Stack, Token, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { HSTS_MAX_AGE_SECONDS, contentSecurityPolicy } from '../web/security-headers';
import type { Auth } from './auth';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface WebConsoleProps {
  /** The HTTP API's URL: written to config.json and allowed by the Content-Security-Policy. */
  readonly apiUrl: string;
  /** The user pool: its hosted UI signs users in and sends them back to this console. */
  readonly auth: Auth;
  /** The campaign the console opens on (anyone can open another); default the plan's 2026-2030 one. */
  readonly defaultCampaign?: string;
  /** Where evidence files are uploaded (presigned PUTs to S3): allowed by the Content-Security-Policy. */
  readonly uploadOrigin?: string;
}

/**
 * The console's files, built by vite at synth time as CDK builds the Lambda bundles: no dist folder to forget, and the
 * asset's hash is its sources' (web/, not its dist or node_modules), so an unchanged console is not rebuilt.
 */
const consoleAsset = () =>
  Source.asset(join(ROOT, 'web'), {
    assetHashType: AssetHashType.SOURCE,
    exclude: ['dist', 'node_modules'],
    bundling: {
      // Only used if the local build cannot run; the local build needs nothing beyond `npm ci`.
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:20'),
      local: {
        tryBundle(outputDir: string) {
          const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
          const built = spawnSync(process.execPath, [vite, 'build', '--config', join(ROOT, 'web/vite.config.ts'), '--outDir', outputDir, '--emptyOutDir', '--logLevel', 'warn'], {
            cwd: ROOT,
            encoding: 'utf8',
          });
          if (built.status !== 0) throw new Error(`building the web console failed (run \`npm run build:web\` to see why):\n${built.stderr}`);
          return true;
        },
      },
    },
  });

/**
 * The web console on AWS: a private, encrypted bucket that only CloudFront reads (origin access control), HTTPS
 * only, security headers on every answer, index.html for the client's own routes, and a config.json written at
 * deploy time with the API's URL and the hosted UI's settings.
 */
export class WebConsole extends Construct {
  readonly url: string;
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: WebConsoleProps) {
    super(scope, id);
    const bucket = new Bucket(this, 'Files', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
    });
    const hostedUi = props.auth.hostedUiDomain;

    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'thidua console: HSTS, CSP (the API and the hosted UI only), no framing, no sniffing',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy({ connect: [props.apiUrl, `https://${hostedUi}`, ...(props.uploadOrigin ? [props.uploadOrigin] : [])] }), override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.seconds(HSTS_MAX_AGE_SECONDS), includeSubdomains: true, preload: true, override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      },
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'thidua web console',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
      },
      // The console's own routes (/dang-ky, /bang-dang-ky…) are not files: S3 answers 403 (OAC) and the page loads.
      errorResponses: [403, 404].map((httpStatus) => ({ httpStatus, responseHttpStatus: 200, responsePagePath: '/index.html', ttl: Duration.seconds(0) })),
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Edge locations in Asia (Việt Nam's users) are in class 200; 100 is only North America and Europe.
      priceClass: PriceClass.PRICE_CLASS_200,
    });
    this.url = `https://${this.distribution.distributionDomainName}/`;
    props.auth.allowHostedUiReturnTo(this.url);

    new BucketDeployment(this, 'Deploy', {
      destinationBucket: bucket,
      sources: [
        consoleAsset(),
        Source.jsonData('config.json', {
          mode: 'cognito',
          apiUrl: props.apiUrl.replace(/\/$/, ''),
          defaultCampaign: props.defaultCampaign ?? 'cchc-2026-2030',
          cognito: { domain: hostedUi, clientId: props.auth.client.userPoolClientId, redirectUri: this.url },
        }),
      ],
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });

    Validations.of(this.distribution).acknowledge(
      { id: 'AwsSolutions-CFR1', reason: 'Civil servants may sign in from abroad (missions, training); access is controlled by Cognito, not by country.' },
      { id: 'AwsSolutions-CFR2', reason: 'The distribution serves static files only; every call with data goes to the API, which is throttled per route. A WAF web ACL (~$5/month plus rules) can be attached per deployment.' },
      { id: 'AwsSolutions-CFR3', reason: 'The files are the same public build for everyone; who did what is logged by the API (access logs with the caller) and kept in the events.' },
      { id: 'AwsSolutions-CFR4', reason: 'The default *.cloudfront.net certificate fixes the minimum TLS version; with a custom domain and ACM certificate set TLSv1.2_2021.' },
    );
    // The deployment's function is CDK's own (one per stack, found by its id prefix): its runtime, policies and
    // settings are the library's, run only at deploy time by CloudFormation.
    const stack = Stack.of(this);
    const deployer = stack.node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'))!;
    const named = (value: string, pseudo: string) => (Token.isUnresolved(value) ? `<AWS::${pseudo}>` : value);
    const assetBucket = `arn:<AWS::Partition>:s3:::cdk-${DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-${named(stack.account, 'AccountId')}-${named(stack.region, 'Region')}/*`;
    const copies = 'CDK BucketDeployment provider: copies the build from the CDK asset bucket into the console bucket, then invalidates the distribution (CloudFront has no resource-level permission).';
    Validations.of(deployer).acknowledge(
      { id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', reason: 'CDK BucketDeployment provider: its logs only.' },
      ...['Action::s3:Abort*', 'Action::s3:DeleteObject*', 'Action::s3:GetBucket*', 'Action::s3:GetObject*', 'Action::s3:List*', 'Resource::*', `Resource::<${stack.getLogicalId(bucket.node.defaultChild as CfnElement)}.Arn>/*`, `Resource::${assetBucket}`].map(
        (finding) => ({ id: `AwsSolutions-IAM5[${finding}]`, reason: copies }),
      ),
      { id: 'AwsSolutions-L1', reason: 'CDK BucketDeployment provider: its runtime is pinned by aws-cdk-lib and moves with it.' },
      { id: 'Serverless-LambdaLatestVersion', reason: 'CDK BucketDeployment provider: its runtime is pinned by aws-cdk-lib and moves with it.' },
      { id: 'Serverless-LambdaDLQ', reason: 'Invoked synchronously by CloudFormation at deploy time: a failure fails the deployment, which is the alert.' },
      { id: 'Serverless-LambdaTracing', reason: 'Runs once per deployment; CloudFormation events and its logs trace it.' },
    );
    Validations.of(bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'The bucket holds the console build, written only by the deployment and read only by CloudFront through origin access control; access to data is logged by the API.',
    });
  }
}
