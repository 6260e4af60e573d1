import { describe, expect, it } from 'vitest';
import { departmentDecider } from '../../domain/organization/department';
import { memberDecider } from '../../domain/organization/member';
import { organizationDecider } from '../../domain/organization/profile';
import { type DepartmentEvent, type MemberEvent, type MemberProfile, type OrganizationEvent, OrganizationProfile } from '../../events/organization';
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
    const promoted: MemberEvent = { type: 'MemberUpdated', data: { ...profile, position: 'Phó Trưởng phòng' } };
    member.given([registered, promoted]).when({ type: 'SaveMember', profile: promoted.data }, office).thenNothing();
    member.given([registered, promoted]).when({ type: 'SaveMember', profile }, office).then([{ type: 'MemberUpdated', data: profile }]);
  });

  it('refuses a move without a date: a PUT that changes the department', () => {
    member.given([registered]).when({ type: 'SaveMember', profile: { ...profile, departmentId: 'phong-dau-tu' } }, office).thenThrows('transfer-needs-date');
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

describe('organizationDecider: the profile documents are headed with', () => {
  const organization = spec(organizationDecider);
  const office = { actor: actors.office() };
  const profile: OrganizationProfile = { name: 'Ban Quản lý Khu kinh tế Phú Quốc', parentBody: 'UBND tỉnh Kiên Giang', place: 'Phú Quốc', abbreviation: 'BQLKKTPQ' };
  const set: OrganizationEvent = { type: 'OrganizationProfileSet', data: profile };

  it('sets the profile the first time', () => {
    const state = organization.given([]).when({ type: 'SetOrganizationProfile', profile }, office).then([set]);
    expect(state.profile).toEqual(profile);
  });

  it.each([
    ['the name', { name: 'Ban Quản lý Khu kinh tế tỉnh An Giang' }],
    ['the superior body', { parentBody: 'UBND tỉnh An Giang' }],
    ['the place', { place: 'Rạch Giá' }],
    ['the ký hiệu', { abbreviation: 'BQLKKT' }],
    ['a dropped superior body', { parentBody: undefined }],
  ])('sets it again, whole, when %s changes', (_what, change) => {
    const changed = { ...profile, ...change };
    organization.given([set]).when({ type: 'SetOrganizationProfile', profile: changed }, office).then([{ type: 'OrganizationProfileSet', data: changed }]);
  });

  it('writes nothing for the same profile, compared with the latest one', () => {
    organization.given([set]).when({ type: 'SetOrganizationProfile', profile: { ...profile } }, office).thenNothing();
    const moved: OrganizationEvent = { type: 'OrganizationProfileSet', data: { ...profile, place: 'Rạch Giá' } };
    organization.given([set, moved]).when({ type: 'SetOrganizationProfile', profile: moved.data }, office).thenNothing();
    organization.given([set, moved]).when({ type: 'SetOrganizationProfile', profile }, office).then([set]);
  });

  describe.each([...nonOfficeActors, ['system', actors.system()] as const])('refused for a %s', (_role, actor) => {
    it('when setting or changing it, even to the same profile', () => {
      organization.given([]).when({ type: 'SetOrganizationProfile', profile }, { actor }).thenThrows('forbidden');
      organization.given([set]).when({ type: 'SetOrganizationProfile', profile }, { actor }).thenThrows('forbidden');
    });
  });

  it('takes its text as NFC, and a ký hiệu only in capitals and digits', () => {
    const typed = OrganizationProfile.parse({ name: ` ${profile.name.normalize('NFD')} `, place: 'Phú Quốc'.normalize('NFD'), abbreviation: 'BQLKKTPQ' });
    expect(typed).toEqual({ name: profile.name, place: 'Phú Quốc', abbreviation: 'BQLKKTPQ' });
    expect(OrganizationProfile.safeParse({ ...profile, abbreviation: 'HĐND-VP' }).success).toBe(true);
    for (const abbreviation of ['bqlkktpq', 'BQL KKT', 'BC/BQL', '-BQL', 'BQL-', '']) {
      expect(OrganizationProfile.safeParse({ ...profile, abbreviation }).success, abbreviation).toBe(false);
    }
    expect(OrganizationProfile.safeParse({ ...profile, address: 'Phú Quốc' }).success, 'only what documents need').toBe(false);
  });
});
