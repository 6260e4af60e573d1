import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Runtime } from '../../infra/local/runtime';

/** How many events the store holds: tests use it to prove a refusal wrote nothing. */
export const countEvents = async (runtime: Runtime): Promise<number> => {
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await runtime.deps.db.send(new ScanCommand({ TableName: runtime.deps.tables.events, Select: 'COUNT', ExclusiveStartKey: startKey }));
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return count;
};
