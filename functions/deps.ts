import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Clock } from '../domain/time';
import { type Logger, jsonLogger } from './log';
import type { Accounts } from './accounts/accounts';
import type { EvidenceStorage } from './evidence/storage';
import type { Notifier } from './notify/notifier';

/** What a handler needs from the world. Lambda builds it from the environment; the local runtime passes its own. */
export interface Deps {
  readonly db: DynamoDBDocumentClient;
  readonly tables: { readonly events: string; readonly views: string };
  readonly now: Clock;
  readonly log: Logger;
  /** Where reminders are delivered (functions/notify): the outbox locally. Absent, they are recorded, not sent. */
  readonly notifier?: Notifier;
  /** Where evidence files are kept (functions/evidence): the local S3 server's bucket; on Lambda, from EVIDENCE_BUCKET. */
  readonly evidence?: EvidenceStorage;
  /** Sign-in accounts (functions/accounts): only the functions that manage accounts get them (accounts/lambda.ts). */
  readonly accounts?: Accounts;
}

export const documentClient = (client: DynamoDBClient): DynamoDBDocumentClient =>
  DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });

let fromEnvironment: Deps | undefined;

/** Built once per Lambda container, on first use (not at import, so a cold start pays only when it must). */
export const lambdaDeps = (): Deps =>
  (fromEnvironment ??= {
    db: documentClient(new DynamoDBClient({})),
    tables: { events: requiredEnv('EVENTS_TABLE'), views: requiredEnv('VIEWS_TABLE') },
    now: () => new Date(),
    log: jsonLogger(),
  });

const requiredEnv = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
};
