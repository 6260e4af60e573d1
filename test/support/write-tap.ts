import type { Runtime } from '../../infra/local/runtime';

const WRITE_COMMANDS = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand', 'TransactWriteItemsCommand']);

interface WriteInput {
  readonly TableName?: string;
  readonly RequestItems?: Record<string, unknown>;
  readonly TransactItems?: readonly Record<string, { TableName?: string } | undefined>[];
}

const touches = (input: WriteInput, table: string): boolean =>
  input.TableName === table ||
  (input.RequestItems !== undefined && table in input.RequestItems) ||
  (input.TransactItems ?? []).some((item) => Object.values(item).some((operation) => operation?.TableName === table));

/**
 * Counts every successful write call (PutItem, UpdateItem, DeleteItem, BatchWriteItem, TransactWriteItems) that
 * reaches the events table, from any handler of the runtime: the store client's middleware stack is shared by the
 * document client and the raw client, so nothing writes around it. Cheap enough to read after every request; a
 * write that changes no count (an update, a delete) is caught too.
 */
export const tapEventWrites = (runtime: Runtime) => {
  const table = runtime.deps.tables.events;
  const tap = { writes: 0 };
  runtime.deps.db.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (WRITE_COMMANDS.has(String(context.commandName)) && touches(args.input as WriteInput, table)) tap.writes++;
      return result;
    },
    { step: 'initialize', name: 'testEventWriteTap', override: true },
  );
  return tap;
};
