import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

type Tappable = Pick<DynamoDBClient, 'middlewareStack'>;

export interface CallTally {
  calls: Record<string, number>;
  readCapacity: number;
  writeCapacity: number;
}

/**
 * Counts every DynamoDB call a client makes, by operation, and the capacity units DynamoDB says it consumed
 * (it asks for them on each call, which dynalite answers as DynamoDB does).
 */
export const tapCalls = (client: Tappable) => {
  const tally: CallTally = { calls: {}, readCapacity: 0, writeCapacity: 0 };
  let counting = false;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (!counting) return next(args);
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      const name = context.commandName ?? 'unknown';
      tally.calls[name] = (tally.calls[name] ?? 0) + 1;
      const consumed = (result.output as { ConsumedCapacity?: { CapacityUnits?: number; ReadCapacityUnits?: number; WriteCapacityUnits?: number } | { CapacityUnits?: number }[] }).ConsumedCapacity;
      for (const each of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) {
        if (name.startsWith('Put') || name.startsWith('BatchWrite') || name.startsWith('Update')) tally.writeCapacity += each.CapacityUnits ?? 0;
        else tally.readCapacity += each.CapacityUnits ?? 0;
      }
      return result;
    },
    { step: 'initialize', name: 'benchCallCounter' },
  );
  return {
    tally,
    start: () => {
      tally.calls = {};
      tally.readCapacity = 0;
      tally.writeCapacity = 0;
      counting = true;
    },
    stop: () => {
      counting = false;
      return { ...tally, calls: { ...tally.calls } };
    },
  };
};
