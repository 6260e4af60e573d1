import { Stack } from 'aws-cdk-lib';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';

/**
 * ses:SendEmail from one sender only. SES authorizes a send against the verified identity it goes out under, which
 * is the address itself or its domain: both are named, so it works whichever of the two was verified, and nothing
 * else can be sent from.
 */
export const grantSendEmail = (scope: Construct, grantee: IGrantable, sender: string) => {
  const identity = (name: string) => Stack.of(scope).formatArn({ service: 'ses', resource: 'identity', resourceName: name });
  Grant.addToPrincipal({ grantee, actions: ['ses:SendEmail'], resourceArns: [identity(sender), identity(sender.slice(sender.indexOf('@') + 1))] });
};
