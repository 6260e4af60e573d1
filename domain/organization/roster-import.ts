import { slugOf } from '../../events/slug';

/**
 * The roster import, planned as a pure function: the rows read from the Office's file and the roster as it is
 * give, per row, what applying would do (or why the row is refused). Applying runs the plan's commands, each of
 * which writes nothing when nothing changes, so the same file twice writes nothing the second time, and a file
 * whose import failed half-way is simply imported again.
 *
 * Who a row is, in order: its Mã (the member's id, when the file gives one); else the member with its e-mail; else
 * the member of that name in that department; else the only member of that name (a move). Otherwise a new member,
 * its id the transliterated name, with "-2", "-3"… where the id is taken (by the roster or an earlier row), so the
 * same file always gives the same ids and a re-import finds them again by e-mail or by name and department.
 */
export interface ImportRow {
  /** The row's number in the file (1 = the first line), as the Office sees it in Excel. */
  readonly row: number;
  /** The sheet's name, when the file has several (the registration list: one per department). */
  readonly sheet?: string;
  readonly fullName: string;
  readonly position: string;
  readonly department: string;
  readonly email: string;
  readonly code: string;
  /** Cells that held a formula or text Excel would run as one (= + - @): the row is refused. */
  readonly formulaCells: readonly string[];
}

export interface RosterMember {
  readonly memberId: string;
  readonly fullName: string;
  readonly departmentId: string;
  readonly position?: string;
  readonly email?: string;
  readonly left?: { readonly on: string } | null;
  /** The first day of its latest posting (or of its leaving): a move or a return must come after it. */
  readonly lastChange?: string | null;
}

export interface RosterDepartment {
  readonly departmentId: string;
  readonly name: string;
}

export type RowAction = 'new-member' | 'changed' | 'moved' | 'returned' | 'unchanged';

export interface PlannedRow {
  readonly row: number;
  readonly sheet?: string;
  readonly action: RowAction;
  readonly memberId: string;
  readonly fullName: string;
  readonly departmentId: string;
  readonly position?: string;
  readonly email?: string;
  /** What differs from the roster: fullName, position, email, departmentId. */
  readonly changes: readonly string[];
  /** Set when the id from the name was taken: which one it would have been. */
  readonly idCollision?: string;
}

export interface Refusal {
  readonly row: number;
  readonly sheet?: string;
  readonly reason: string;
}

export interface ImportPlan {
  readonly departments: readonly { readonly departmentId: string; readonly name: string; readonly action: 'new-department' | 'unchanged'; readonly idCollision?: string }[];
  readonly rows: readonly PlannedRow[];
  readonly refusals: readonly Refusal[];
  readonly totals: Readonly<Record<RowAction | 'new-department' | 'refused', number>>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const where = (row: ImportRow) => (row.sheet === undefined ? {} : { sheet: row.sheet });
const key = (text: string) => text.normalize('NFC').trim().toLocaleLowerCase('vi');

/** The first id of `base`, `base-2`, `base-3`… that is not taken. */
const freeId = (base: string, taken: ReadonlySet<string>): string => {
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${base.slice(0, 60)}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
};

const rowRefusal = (row: ImportRow): string | null => {
  if (row.formulaCells.length > 0) return `Ô chứa công thức, không được nhập: ${row.formulaCells.join(', ')}`;
  if (row.fullName === '') return 'Thiếu họ và tên';
  if (slugOf(row.fullName) === '') return `Họ và tên không hợp lệ: "${row.fullName}"`;
  if (row.department === '') return 'Thiếu phòng/đơn vị';
  if (row.email !== '' && (!EMAIL.test(row.email) || row.email.length > 254)) return `Email không hợp lệ: "${row.email}"`;
  if (row.code !== '' && slugOf(row.code) === '') return `Mã không hợp lệ: "${row.code}"`;
  return null;
};

/** `effectiveOn`: the date the file's moves and returns take effect (YYYY-MM-DD). */
export const planImport = (rows: readonly ImportRow[], departments: readonly RosterDepartment[], members: readonly RosterMember[], effectiveOn: string): ImportPlan => {
  const refusals: Refusal[] = [];
  const departmentIdOf = new Map(departments.map((department) => [key(department.name), department.departmentId]));
  const departmentIds = new Set(departments.map((department) => department.departmentId));
  const newDepartments: ImportPlan['departments'][number][] = [];
  const departmentFor = (name: string): string => {
    const known = departmentIdOf.get(key(name));
    if (known) return known;
    const base = slugOf(name);
    const departmentId = freeId(base, departmentIds);
    departmentIds.add(departmentId);
    departmentIdOf.set(key(name), departmentId);
    newDepartments.push({ departmentId, name: name.normalize('NFC').trim(), action: 'new-department', ...(departmentId === base ? {} : { idCollision: base }) });
    return departmentId;
  };

  const byId = new Map(members.map((member) => [member.memberId, member]));
  const byEmail = new Map(members.flatMap((member) => (member.email ? [[key(member.email), member] as const] : [])));
  const byName = new Map<string, RosterMember[]>();
  for (const member of members) byName.set(key(member.fullName), [...(byName.get(key(member.fullName)) ?? []), member]);
  const takenIds = new Set(byId.keys());
  const seen = { ids: new Map<string, number>(), emails: new Map<string, number>(), people: new Map<string, number>() };
  const planned: PlannedRow[] = [];

  for (const row of rows) {
    const refusal = rowRefusal(row);
    if (refusal) {
      refusals.push({ row: row.row, ...where(row), reason: refusal });
      continue;
    }
    const person = `${key(row.fullName)}\n${key(row.department)}`;
    const twin = (row.code && seen.ids.get(slugOf(row.code))) || (row.email && seen.emails.get(key(row.email))) || seen.people.get(person);
    if (twin) {
      refusals.push({ row: row.row, ...where(row), reason: `Trùng người với dòng ${twin}` });
      continue;
    }
    const departmentId = departmentFor(row.department);
    const sameName = byName.get(key(row.fullName)) ?? [];
    const existing =
      (row.code ? byId.get(slugOf(row.code)) : undefined) ??
      (row.email ? byEmail.get(key(row.email)) : undefined) ??
      sameName.find((member) => member.departmentId === departmentId) ??
      (sameName.length === 1 && !planned.some((each) => each.memberId === sameName[0].memberId) ? sameName[0] : undefined);
    const base = row.code ? slugOf(row.code) : slugOf(row.fullName);
    const memberId = existing?.memberId ?? (row.code ? base : freeId(base, takenIds));
    takenIds.add(memberId);
    seen.ids.set(memberId, row.row);
    if (row.email) seen.emails.set(key(row.email), row.row);
    seen.people.set(person, row.row);

    const wanted = { fullName: row.fullName.normalize('NFC').trim(), departmentId, ...(row.position ? { position: row.position } : {}), ...(row.email ? { email: row.email } : {}) };
    const changes = existing
      ? (['fullName', 'departmentId', 'position', 'email'] as const).filter((field) => field in wanted && (wanted as Record<string, string>)[field] !== existing[field])
      : [];
    const action: RowAction = !existing ? 'new-member' : existing.left ? 'returned' : changes.includes('departmentId') ? 'moved' : changes.length > 0 ? 'changed' : 'unchanged';
    if ((action === 'moved' || action === 'returned') && existing?.lastChange && effectiveOn <= existing.lastChange) {
      refusals.push({ row: row.row, ...where(row), reason: `Ngày hiệu lực ${effectiveOn} phải sau lần thay đổi gần nhất của công chức (${existing.lastChange})` });
      continue;
    }
    planned.push({ row: row.row, ...where(row), action, memberId, ...wanted, changes, ...(!existing && memberId !== base ? { idCollision: base } : {}) });
  }

  const count = (action: RowAction) => planned.filter((row) => row.action === action).length;
  const usedDepartments = new Set(planned.map((row) => row.departmentId));
  const shownDepartments = [...newDepartments, ...departments.filter((department) => usedDepartments.has(department.departmentId)).map((department) => ({ ...department, action: 'unchanged' as const }))];
  return {
    departments: shownDepartments,
    rows: planned,
    refusals,
    totals: {
      'new-department': newDepartments.length,
      'new-member': count('new-member'),
      changed: count('changed'),
      moved: count('moved'),
      returned: count('returned'),
      unchanged: count('unchanged'),
      refused: refusals.length,
    },
  };
};
