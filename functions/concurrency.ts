/**
 * Runs `work` over `items` with at most `limit` in flight: a batch of a thousand stream records must not open a
 * thousand sockets at once (the SDK would queue them anyway, and time them out).
 */
export const mapWithConcurrency = async <T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> => {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]);
      }
    }),
  );
  return results;
};
