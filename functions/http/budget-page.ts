/** What a paged list answer may hold: its JSON stays well under 1 MB (and Lambda's 6 MB), whatever the organization. */
export const ANSWER_BUDGET_BYTES = 800_000;

/**
 * The first rows of a list whose JSON fits in `budget` bytes, and at most `limit` of them (always at least one, so a
 * list always moves on), and whether rows are left for a next page.
 */
export const withinBudget = <T>(rows: readonly T[], { limit = Infinity, budget = ANSWER_BUDGET_BYTES }: { readonly limit?: number; readonly budget?: number } = {}) => {
  const taken: T[] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = Buffer.byteLength(JSON.stringify(row)) + 1;
    if (taken.length > 0 && (taken.length >= limit || bytes + size > budget)) break;
    taken.push(row);
    bytes += size;
  }
  return { taken, more: taken.length < rows.length };
};
