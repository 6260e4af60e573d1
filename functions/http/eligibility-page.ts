/**
 * One page of the eligibility answer. Its rows run department by department (the department's own row, then its
 * members by id), and a page holds at most `limit` rows and at most PAGE_BUDGET_BYTES of JSON, whichever comes
 * first, so no answer nears 1 MB (nor Lambda's 6 MB limit) whatever the size of the organization. `after` is the
 * cursor of the last row of the previous page, `<departmentId>:<kind>:<participantId>` (slugs never hold ':').
 */
export const PAGE_BUDGET_BYTES = 800_000;

interface RowKey {
  readonly departmentId: string;
  readonly kind: 'department' | 'member';
  readonly id: string;
}
export type EligibilityRow<D, M> = RowKey & ({ readonly kind: 'department'; readonly row: D } | { readonly kind: 'member'; readonly row: M });

const cursorOf = ({ departmentId, kind, id }: RowKey) => `${departmentId}:${kind}:${id}`;

/** Row order: by department, its own row before its members', members by id. */
const compare = (a: RowKey, b: RowKey) => {
  if (a.departmentId !== b.departmentId) return a.departmentId < b.departmentId ? -1 : 1;
  if (a.kind !== b.kind) return a.kind === 'department' ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

const parseCursor = (cursor: string): RowKey => {
  const [departmentId, kind, id] = cursor.split(':');
  return { departmentId, kind: kind as RowKey['kind'], id };
};

export const eligibilityPage = <D, M>(
  rows: readonly EligibilityRow<D, M>[],
  { limit, after }: { readonly limit: number; readonly after?: string },
) => {
  const page: { departments: D[]; members: M[]; nextCursor: string | null } = { departments: [], members: [], nextCursor: null };
  const from = after === undefined ? undefined : parseCursor(after);
  let taken = 0;
  let bytes = 0;
  for (const each of [...rows].sort(compare)) {
    if (from && compare(each, from) <= 0) continue;
    const size = Buffer.byteLength(JSON.stringify(each.row));
    if (taken >= limit || (taken > 0 && bytes + size > PAGE_BUDGET_BYTES)) return page;
    if (each.kind === 'department') page.departments.push(each.row);
    else page.members.push(each.row);
    taken++;
    bytes += size;
    page.nextCursor = cursorOf(each);
  }
  page.nextCursor = null; // the last row is on this page
  return page;
};
