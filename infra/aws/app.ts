import { buildApp } from './build-app';

// The executable the CDK CLI runs (cdk.json). Account and region come from the CLI's profile when there is one;
// without them the stack is environment-agnostic and still synthesizes offline.
buildApp({ env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION } }).app.synth();
