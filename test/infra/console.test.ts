import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { Auth } from '../../infra/aws/auth';
import { WebConsole } from '../../infra/aws/console';

const API = 'https://api.example.test/';

// The console with the user pool it signs in with, in a stack of their own: the same constructs the real stack
// wires (test/infra/stack.test.ts synthesizes that one whole, cdk-nag included), without bundling every function.
let app: App;
let template: Template;
let resources: Record<string, { Type: string; Properties: Record<string, any> }>;
const ofType = (type: string) => Object.values(resources).filter((resource) => resource.Type === type);

beforeAll(() => {
  app = new App();
  const stack = new Stack(app, 'ConsoleOnly', { env: { account: '123456789012', region: 'ap-southeast-1' } });
  new WebConsole(stack, 'Console', { apiUrl: API, auth: new Auth(stack, 'Auth') });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  template = Template.fromStack(stack);
  resources = template.toJSON().Resources;
});

describe('web console on AWS', () => {
  it('keeps its files in a private, encrypted bucket that refuses plain HTTP', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
    });
    const statements = ofType('AWS::S3::BucketPolicy').flatMap((policy) => policy.Properties.PolicyDocument.Statement);
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    // The only reader: CloudFront, for this distribution.
    const reads = statements.filter((statement) => statement.Effect === 'Allow');
    expect(reads.length).toBeGreaterThan(0);
    for (const statement of reads) expect(statement.Principal).toEqual({ Service: 'cloudfront.amazonaws.com' });
  });

  it('serves it through CloudFront with origin access control, HTTPS only, and index.html for client routes', () => {
    expect(ofType('AWS::CloudFront::OriginAccessControl')).toHaveLength(1);
    const [distribution] = ofType('AWS::CloudFront::Distribution');
    const config = distribution.Properties.DistributionConfig;
    expect(config.Origins[0].OriginAccessControlId).toBeDefined();
    expect(config.Origins[0].S3OriginConfig.OriginAccessIdentity).toBe('');
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.CustomErrorResponses).toEqual(
      expect.arrayContaining([403, 404].map((code) => expect.objectContaining({ ErrorCode: code, ResponseCode: 200, ResponsePagePath: '/index.html' }))),
    );
  });

  it('sends security headers: HSTS, a CSP that lets it call only the API and the hosted UI, no framing, nosniff, referrer policy', () => {
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: {
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 63_072_000, IncludeSubdomains: true, Override: true }),
          ContentSecurityPolicy: { ContentSecurityPolicy: Match.anyValue(), Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ContentTypeOptions: { Override: true },
          ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
        },
      }),
    });
    const [policy] = ofType('AWS::CloudFront::ResponseHeadersPolicy');
    const csp = JSON.stringify(policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy);
    expect(csp).toContain(`connect-src 'self' ${API} https://`);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('deploys the built console and a config.json with the API URL and the hosted UI settings', () => {
    const [deployment] = ofType('Custom::CDKBucketDeployment');
    const keys: string[] = deployment.Properties.SourceObjectKeys;
    expect(keys).toHaveLength(2);
    const folder = (key: string) => join(app.outdir, `asset.${key.replace(/\.zip$/, '')}`);
    expect(existsSync(join(folder(keys[0]), 'index.html'))).toBe(true);
    const config = JSON.parse(readFileSync(join(folder(keys[1]), 'config.json'), 'utf8'));
    expect(config).toMatchObject({ mode: 'cognito', apiUrl: 'https://api.example.test', defaultCampaign: 'cchc-2026-2030' });
    expect(Object.keys(config.cognito).sort()).toEqual(['clientId', 'domain', 'redirectUri']);
    // Deploy-time values (client id, hosted UI domain, the distribution's address) are filled in by the deployment.
    expect(JSON.stringify(deployment.Properties.SourceMarkers[1])).toMatch(/UserPoolWebClient.*Distribution/s);
    expect(deployment.Properties.DistributionPaths).toEqual(['/*']);
  });

  it('lets the hosted UI sign users in with the code flow and send them back to the console only', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'consoleonly-123456789012' });
    const [client] = ofType('AWS::Cognito::UserPoolClient');
    expect(client.Properties).toMatchObject({ AllowedOAuthFlows: ['code'], AllowedOAuthFlowsUserPoolClient: true, GenerateSecret: false, SupportedIdentityProviders: ['COGNITO'] });
    for (const urls of [client.Properties.CallbackURLs, client.Properties.LogoutURLs]) {
      expect(urls).toHaveLength(1);
      expect(JSON.stringify(urls)).toContain('Distribution');
    }
  });
});
