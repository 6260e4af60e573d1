import { describe, expect, it } from 'vitest';
import { PAGE_BUDGET_BYTES, eligibilityPage } from '../../functions/http/eligibility-page';

const member = (departmentId: string, id: string, size = 10) => ({ departmentId, kind: 'member' as const, id, row: { memberId: id, padding: 'x'.repeat(size) } });
const department = (id: string) => ({ departmentId: id, kind: 'department' as const, id, row: { departmentId: id } });

describe('a page of the eligibility answer', () => {
  it('runs department by department, its own row first, and resumes after the cursor', () => {
    const rows = [member('b', 'm-3'), department('b'), member('a', 'm-2'), member('a', 'm-1'), department('a')];
    const first = eligibilityPage(rows, { limit: 3 });
    expect([first.departments.map((each) => each.departmentId), first.members.map((each) => each.memberId)]).toEqual([['a'], ['m-1', 'm-2']]);
    expect(first.nextCursor).toBe('a:member:m-2');
    const second = eligibilityPage(rows, { limit: 3, after: first.nextCursor! });
    expect([second.departments.map((each) => each.departmentId), second.members.map((each) => each.memberId)]).toEqual([['b'], ['m-3']]);
    expect(second.nextCursor).toBeNull();
  });

  it('stops before its JSON passes the byte budget, however many rows the limit allows', () => {
    const big = Math.floor(PAGE_BUDGET_BYTES / 3);
    const rows = Array.from({ length: 10 }, (_, index) => member('a', `m-${index}`, big));
    const page = eligibilityPage(rows, { limit: 500 });
    expect(page.members.length).toBe(2);
    expect(Buffer.byteLength(JSON.stringify(page))).toBeLessThan(1_000_000);
    expect(page.nextCursor).toBe('a:member:m-1');
  });
});
