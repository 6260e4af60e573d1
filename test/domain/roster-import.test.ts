import { describe, expect, it } from 'vitest';
import { type ImportRow, planImport } from '../../domain/organization/roster-import';
import { slugOf } from '../../events/slug';

const row = (line: number, fullName: string, department: string, extra: Partial<ImportRow> = {}): ImportRow => ({ row: line, fullName, department, position: '', email: '', code: '', formulaCells: [], ...extra });
const departments = [{ departmentId: 'van-phong', name: 'Văn phòng' }];

describe('slugOf: stable ids from Vietnamese names', () => {
  it.each([
    ['Nguyễn Văn Ân', 'nguyen-van-an'],
    ['Đặng Thị Lan', 'dang-thi-lan'],
    ['Phòng Quản lý Đầu tư', 'phong-quan-ly-dau-tu'],
    ['Nguyễn Văn Ân'.normalize('NFD'), 'nguyen-van-an'],
    ['  Võ   Thị  Hạnh (Phó) ', 'vo-thi-hanh-pho'],
    ['***', ''],
  ])('%s → %s', (name, slug) => expect(slugOf(name)).toBe(slug));
});

describe('planImport', () => {
  it('resolves name collisions deterministically and shows them; the same rows always give the same ids', () => {
    const rows = [row(3, 'Nguyễn Văn An', 'Văn phòng'), row(4, 'Nguyễn Văn Ân', 'Phòng Đầu tư'), row(5, 'Nguyễn Văn An', 'Phòng Pháp chế')];
    const members = [{ memberId: 'nguyen-van-an', fullName: 'Nguyễn Thị Khác', departmentId: 'van-phong' }];
    const plan = planImport(rows, departments, members, '2025-06-01');
    expect(plan.rows.map((each) => [each.memberId, each.idCollision])).toEqual([
      ['nguyen-van-an-2', 'nguyen-van-an'],
      ['nguyen-van-an-3', 'nguyen-van-an'],
      ['nguyen-van-an-4', 'nguyen-van-an'],
    ]);
    expect(planImport(rows, departments, members, '2025-06-01')).toEqual(plan);
    expect(plan.departments.map((each) => [each.departmentId, each.action])).toEqual([['phong-dau-tu', 'new-department'], ['phong-phap-che', 'new-department'], ['van-phong', 'unchanged']]);
  });

  it('finds members again by Mã, e-mail, or name and department, so a re-import is unchanged', () => {
    const members = [
      { memberId: 'nv-01', fullName: 'Lê Văn Bảy', departmentId: 'van-phong' },
      { memberId: 'tran-thi-tam', fullName: 'Trần Thị Tám', departmentId: 'van-phong', email: 'tam@x.vn' },
      { memberId: 'ngo-van-chin', fullName: 'Ngô Văn Chín', departmentId: 'van-phong', position: 'Chuyên viên' },
    ];
    const plan = planImport([row(1, 'Lê Văn Bảy', 'Văn phòng', { code: 'NV-01' }), row(2, 'Trần Thị Tám', 'Văn phòng', { email: 'TAM@x.vn' }), row(3, 'Ngô Văn Chín', 'văn phòng', { position: 'Chuyên viên' })], departments, members, '2025-06-01');
    expect(plan.rows.map((each) => [each.memberId, each.action])).toEqual([['nv-01', 'unchanged'], ['tran-thi-tam', 'changed'], ['ngo-van-chin', 'unchanged']]);
    expect(plan.rows[1].changes).toEqual(['email']);
  });

  it('plans a return for a member who left', () => {
    const plan = planImport([row(1, 'Lê Văn Bảy', 'Văn phòng')], departments, [{ memberId: 'le-van-bay', fullName: 'Lê Văn Bảy', departmentId: 'van-phong', left: { on: '2025-01-01' }, lastChange: '2025-01-01' }], '2025-06-01');
    expect(plan.rows[0].action).toBe('returned');
  });

  it('refuses a move dated on or before the last change of the member (applying would stop half-way there)', () => {
    const members = [{ memberId: 'le-van-bay', fullName: 'Lê Văn Bảy', departmentId: 'van-phong', lastChange: '2025-06-01' }];
    const plan = planImport([row(1, 'Lê Văn Bảy', 'Phòng Đầu tư')], [...departments, { departmentId: 'phong-dau-tu', name: 'Phòng Đầu tư' }], members, '2025-06-01');
    expect(plan.refusals).toEqual([{ row: 1, reason: 'Ngày hiệu lực 2025-06-01 phải sau lần thay đổi gần nhất của công chức (2025-06-01)' }]);
    expect(planImport([row(1, 'Lê Văn Bảy', 'Phòng Đầu tư')], [...departments, { departmentId: 'phong-dau-tu', name: 'Phòng Đầu tư' }], members, '2025-06-02').rows[0].action).toBe('moved');
  });

  it('refuses, with Vietnamese reasons: no department, the same e-mail twice, a bad Mã', () => {
    const plan = planImport([row(1, 'A B', ''), row(2, 'Cù Văn D', 'Văn phòng', { email: 'd@x.vn' }), row(3, 'Cù Văn Đ', 'Phòng khác', { email: 'D@x.vn' }), row(4, 'E F', 'Văn phòng', { code: '***' })], departments, [], '2025-06-01');
    expect(plan.refusals).toEqual([
      { row: 1, reason: 'Thiếu phòng/đơn vị' },
      { row: 3, reason: 'Trùng người với dòng 2' },
      { row: 4, reason: 'Mã không hợp lệ: "***"' },
    ]);
  });
});
