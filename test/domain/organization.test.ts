import { describe, expect, it } from 'vitest';
import { departmentDecider } from '../../domain/organization/department';
import { memberDecider } from '../../domain/organization/member';
import type { DepartmentEvent, MemberEvent, MemberProfile } from '../../events/organization';
import { actors, nonOfficeActors } from './fixtures';
import { spec } from './specification';

describe('departmentDecider', () => {
  const department = spec(departmentDecider);
  const office = { actor: actors.office() };
  const registered: DepartmentEvent = { type: 'DepartmentRegistered', data: { name: 'Phòng Quản lý quy hoạch và xây dựng' } };

  it('registers a new department', () => {
    const state = department
      .given([])
      .when({ type: 'SaveDepartment', profile: { name: 'Phòng Quản lý quy hoạch và xây dựng' } }, office)
      .then([{ type: 'DepartmentRegistered', data: { name: 'Phòng Quản lý quy hoạch và xây dựng' } }]);
    expect(state.profile).toEqual({ name: 'Phòng Quản lý quy hoạch và xây dựng' });
  });

  it('renames a registered department', () => {
    department
      .given([registered])
      .when({ type: 'SaveDepartment', profile: { name: 'Phòng Quy hoạch, Xây dựng và Tài nguyên môi trường' } }, office)
      .then([{ type: 'DepartmentUpdated', data: { name: 'Phòng Quy hoạch, Xây dựng và Tài nguyên môi trường' } }]);
  });

  it('writes nothing for an identical profile', () => {
    department.given([registered]).when({ type: 'SaveDepartment', profile: { name: 'Phòng Quản lý quy hoạch và xây dựng' } }, office).thenNothing();
  });

  it('compares with the latest profile: after a rename, the new name is a no-op and the old one an update', () => {
    const renamed: DepartmentEvent = { type: 'DepartmentUpdated', data: { name: 'Phòng Quy hoạch' } };
    department.given([registered, renamed]).when({ type: 'SaveDepartment', profile: { name: 'Phòng Quy hoạch' } }, office).thenNothing();
    department
      .given([registered, renamed])
      .when({ type: 'SaveDepartment', profile: { name: 'Phòng Quản lý quy hoạch và xây dựng' } }, office)
      .then([{ type: 'DepartmentUpdated', data: { name: 'Phòng Quản lý quy hoạch và xây dựng' } }]);
  });

  describe.each(nonOfficeActors)('refused for a %s', (_role, actor) => {
    it('when registering', () => {
      department.given([]).when({ type: 'SaveDepartment', profile: { name: 'Phòng mới' } }, { actor }).thenThrows('forbidden');
    });
    it('when renaming, even with an identical profile', () => {
      department.given([registered]).when({ type: 'SaveDepartment', profile: { name: 'Phòng khác' } }, { actor }).thenThrows('forbidden');
      department.given([registered]).when({ type: 'SaveDepartment', profile: registered.data }, { actor }).thenThrows('forbidden');
    });
  });

  it('refused for the system', () => {
    department.given([]).when({ type: 'SaveDepartment', profile: { name: 'Phòng mới' } }, { actor: actors.system() }).thenThrows('forbidden');
  });
});

describe('memberDecider', () => {
  const member = spec(memberDecider);
  const office = { actor: actors.office(), departmentExists: true };
  const profile: MemberProfile = {
    fullName: 'Nguyễn Văn An',
    departmentId: 'phong-quy-hoach',
    position: 'Chuyên viên',
    email: 'an.nv@phuquoc.gov.vn',
  };
  const registered: MemberEvent = { type: 'MemberRegistered', data: profile };

  it('registers a new member', () => {
    const state = member.given([]).when({ type: 'SaveMember', profile }, office).then([{ type: 'MemberRegistered', data: profile }]);
    expect(state.profile).toEqual(profile);
  });

  it('registers a member with only the required fields', () => {
    const minimal = { fullName: 'Trần Thị Bình', departmentId: 'phong-dau-tu' };
    member.given([]).when({ type: 'SaveMember', profile: minimal }, office).then([{ type: 'MemberRegistered', data: minimal }]);
  });

  it.each([
    ['the name', { fullName: 'Nguyễn Văn Ân' }],
    ['the department (a transfer)', { departmentId: 'phong-dau-tu' }],
    ['the position', { position: 'Phó Trưởng phòng' }],
    ['the e-mail', { email: 'nguyenvanan@phuquoc.gov.vn' }],
    ['a dropped optional field', { position: undefined }],
  ])('updates a member when %s changes', (_what, change) => {
    const updated = { ...profile, ...change };
    member.given([registered]).when({ type: 'SaveMember', profile: updated }, office).then([{ type: 'MemberUpdated', data: updated }]);
  });

  it('writes nothing for an identical profile', () => {
    member.given([registered]).when({ type: 'SaveMember', profile: { ...profile } }, office).thenNothing();
  });

  it('compares with the latest profile', () => {
    const moved: MemberEvent = { type: 'MemberUpdated', data: { ...profile, departmentId: 'phong-dau-tu' } };
    member.given([registered, moved]).when({ type: 'SaveMember', profile: moved.data }, office).thenNothing();
    member.given([registered, moved]).when({ type: 'SaveMember', profile }, office).then([{ type: 'MemberUpdated', data: profile }]);
  });

  it('refuses a department that is not on the roster', () => {
    member.given([]).when({ type: 'SaveMember', profile }, { ...office, departmentExists: false }).thenThrows('unknown-department');
    member
      .given([registered])
      .when({ type: 'SaveMember', profile: { ...profile, departmentId: 'phong-khong-co' } }, { ...office, departmentExists: false })
      .thenThrows('unknown-department');
  });

  describe.each(nonOfficeActors)('refused for a %s', (_role, actor) => {
    it('when registering or updating', () => {
      member.given([]).when({ type: 'SaveMember', profile }, { actor, departmentExists: true }).thenThrows('forbidden');
      member.given([registered]).when({ type: 'SaveMember', profile: { ...profile, position: 'Trưởng phòng' } }, { actor, departmentExists: true }).thenThrows('forbidden');
    });
    it('before the department is checked', () => {
      member.given([]).when({ type: 'SaveMember', profile }, { actor, departmentExists: false }).thenThrows('forbidden');
    });
  });
});
