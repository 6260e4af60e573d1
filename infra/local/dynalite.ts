import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { TABLES } from '../routes';

export interface LocalDynamo {
  readonly client: DynamoDBClient;
  readonly endpoint: string;
  readonly tables: { readonly events: string; readonly views: string };
  /**
   * Refuses new store calls (each gets a `StoreClosing` error, which its caller handles as any store error), waits
   * for the calls already sent to be answered, then closes dynalite. Closing it under a running call would let
   * LevelDB throw ("Database is closed", "Iterator is not open") from inside dynalite, outside any handler.
   */
  close(): Promise<void>;
}

/** What a store call gets once the embedded DynamoDB is closing: a retryable error, like a connection refused. */
export const storeClosingError = () => Object.assign(new Error('the embedded DynamoDB is closing'), { name: 'StoreClosing' });

/**
 * The embedded DynamoDB: dynalite on loopback, on disk (LevelDB in `path`) or in memory, reached through the
 * real AWS SDK. Tables are created on start if missing, with the keys and index the CDK stack declares.
 */
export const startDynalite = async (path: string | 'memory'): Promise<LocalDynamo> => {
  if (path !== 'memory') mkdirSync(path, { recursive: true });
  const server = dynalite({ ...(path === 'memory' ? {} : { path }), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 3,
  });
  // Every call is counted from its start to its answer, its SDK retries included, so close() can wait for them.
  let closing = false;
  let running = 0;
  let idle: (() => void) | undefined;
  client.middlewareStack.add(
    (next) => async (args) => {
      if (closing) throw storeClosingError();
      running++;
      try {
        return await next(args);
      } finally {
        if (--running === 0) idle?.();
      }
    },
    { step: 'initialize', priority: 'high', name: 'localStoreGate' },
  );
  const tables = { events: 'thidua-events', views: 'thidua-views' };
  await ensureTable(client, tables.events, TABLES.events);
  await ensureTable(client, tables.views, TABLES.views);
  return {
    client,
    endpoint,
    tables,
    close: async () => {
      closing = true;
      if (running > 0) await new Promise<void>((resolve) => (idle = resolve));
      client.destroy();
      await new Promise<void>((resolve, reject) => server.close((error?: Error) => (error ? reject(error) : resolve())));
    },
  };
};

type TableSpec = (typeof TABLES)[keyof typeof TABLES];

const ensureTable = async (client: DynamoDBClient, name: string, spec: TableSpec) => {
  try {
    await client.send(new DescribeTableCommand({ TableName: name }));
    return;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException) && (error as Error).name !== 'ResourceNotFoundException') throw error;
  }
  const index = 'index' in spec ? spec.index : undefined;
  await client.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: spec.partitionKey, AttributeType: 'S' },
        { AttributeName: spec.sortKey, AttributeType: spec.sortKeyType },
        ...(index ? [{ AttributeName: index.partitionKey, AttributeType: 'S' as const }, { AttributeName: index.sortKey, AttributeType: 'S' as const }] : []),
      ],
      KeySchema: [
        { AttributeName: spec.partitionKey, KeyType: 'HASH' },
        { AttributeName: spec.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: index
        ? [
            {
              IndexName: index.name,
              KeySchema: [
                { AttributeName: index.partitionKey, KeyType: 'HASH' },
                { AttributeName: index.sortKey, KeyType: 'RANGE' },
              ],
              Projection: { ProjectionType: 'ALL' },
            },
          ]
        : undefined,
    }),
  );
};
