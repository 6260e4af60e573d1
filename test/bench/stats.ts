/** Small helpers for the benchmark's figures. */
export const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export interface RunFigures {
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
}

/** Runs `count` operations with `concurrency` workers; returns throughput and latency percentiles (ms). */
export const measure = async (count: number, concurrency: number, operation: (index: number) => Promise<void>): Promise<RunFigures> => {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next++;
        const t0 = performance.now();
        await operation(index);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: count / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
};

export const round = (value: number, digits = 1) => Number(value.toFixed(digits));
