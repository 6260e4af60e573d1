/**
 * An estimate of the AWS on-demand bill from measured units, at list prices (us-east-1, as published after
 * DynamoDB's on-demand price cut of November 2024; other regions cost somewhat more: check the pricing pages).
 */
export const PRICES = {
  date: '2025-11',
  region: 'us-east-1',
  httpApiPerMillionRequests: 1.0,
  lambdaPerMillionRequests: 0.2,
  lambdaArmPerGbSecond: 0.0000133334,
  dynamoPerMillionWriteUnits: 0.625,
  dynamoPerMillionReadUnits: 0.125,
} as const;

export interface Workload {
  readonly commands: number;
  readonly reads: number;
  /** Per command, measured by the benchmark. */
  readonly writeUnitsPerCommand: number;
  readonly readUnitsPerCommand: number;
  /** View writes per event, measured by the projection burst. */
  readonly viewWritesPerEvent: number;
  readonly readUnitsPerRead: number;
  readonly lambdaMs: number;
  readonly lambdaMb: number;
}

export const estimateUsd = (load: Workload) => {
  const requests = load.commands + load.reads;
  const api = (requests / 1e6) * PRICES.httpApiPerMillionRequests;
  const lambda = (requests / 1e6) * PRICES.lambdaPerMillionRequests + requests * (load.lambdaMs / 1000) * (load.lambdaMb / 1024) * PRICES.lambdaArmPerGbSecond;
  const writes = load.commands * (load.writeUnitsPerCommand + load.viewWritesPerEvent);
  const reads = load.commands * load.readUnitsPerCommand + load.reads * load.readUnitsPerRead;
  const dynamo = (writes / 1e6) * PRICES.dynamoPerMillionWriteUnits + (reads / 1e6) * PRICES.dynamoPerMillionReadUnits;
  const round = (value: number) => Math.round(value * 10000) / 10000;
  return { api: round(api), lambda: round(lambda), dynamodb: round(dynamo), total: round(api + lambda + dynamo) };
};
