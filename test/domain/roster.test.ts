import { describe, expect, it } from 'vitest';
import { fold } from '../../domain/decider';
import { memberDecider } from '../../domain/organization/member';
import { cycleRosterDate, departmentInCycle, departmentOn } from '../../domain/organization/roster';
import type { MemberEvent, MemberProfile } from '../../events/organization';
import { actors, nonOfficeActors } from './fixtures';
import { spec } from './specification';

const profile: MemberProfile = { fullName: 'Nguyễn Văn An', departmentId: 'van-phong', position: 'Chuyên viên' };
const registered: MemberEvent = { type: 'MemberRegistered', data: profile };
const moved: MemberEvent = { type: 'MemberTransferred', data: { departmentId: 'phong-dau-tu', on: '2026-07-01' } };
const left: MemberEvent = { type: 'MemberLeft', data: { on: '2027-03-01', reason: 'Chuyển công tác sang Sở Tài chính' } };
const back: MemberEvent = { type: 'MemberReturned', data: { departmentId: 'phong-quy-hoach', on: '2028-02-01', position: 'Phó Trưởng phòng' } };
const office = { actor: actors.office(), departmentExists: true };
const member = spec(memberDecider);

describe('the roster as of a date (departmentOn over the folded postings)', () => {
  const postings = fold(memberDecider, [registered, moved, left, back]).postings;

  it.each([
    ['before any move: since before the records', '2020-01-01', 'van-phong'],
    ['the day before the move', '2026-06-30', 'van-phong'],
    ['the day of the move', '2026-07-01', 'phong-dau-tu'],
    ['the day before leaving', '2027-02-28', 'phong-dau-tu'],
    ['the day of leaving: no longer on staff', '2027-03-01', null],
    ['away', '2027-12-31', null],
    ['back', '2028-02-01', 'phong-quy-hoach'],
  ])('%s (%s): %s', (_what, date, expected) => {
    expect(departmentOn(postings, date)).toBe(expected);
  });

  it('counts a member, for each cycle, where it was on the review date (31 December)', () => {
    expect(cycleRosterDate(2026)).toBe('2026-12-31');
    expect([2025, 2026, 2027, 2028].map((year) => departmentInCycle(postings, year))).toEqual(['van-phong', 'phong-dau-tu', null, 'phong-quy-hoach']);
  });

  it('keeps the latest department and position in the profile, and every step in the postings', () => {
    const state = fold(memberDecider, [registered, moved, left, back]);
    expect(state.profile).toMatchObject({ departmentId: 'phong-quy-hoach', position: 'Phó Trưởng phòng' });
    expect(state.postings).toEqual([
      { departmentId: 'van-phong', from: null, until: '2026-07-01' },
      { departmentId: 'phong-dau-tu', from: '2026-07-01', until: '2027-03-01' },
      { departmentId: 'phong-quy-hoach', from: '2028-02-01', until: null },
    ]);
    expect(state.left).toBeNull();
  });
});

describe('staff changes (memberDecider)', () => {
  it('moves a member from a date', () => {
    member.given([registered]).when({ type: 'TransferMember', transfer: moved.data as never }, office).then([moved]);
  });

  it('writes nothing when moved again to where it is', () => {
    member.given([registered, moved]).when({ type: 'TransferMember', transfer: { departmentId: 'phong-dau-tu', on: '2026-08-01' } }, office).thenNothing();
  });

  it('refuses a move dated on or before the start of the current posting', () => {
    member.given([registered, moved]).when({ type: 'TransferMember', transfer: { departmentId: 'van-phong', on: '2026-07-01' } }, office).thenThrows('invalid-transition', { after: '2026-07-01' });
  });

  it('refuses a move to a department that is not on the roster', () => {
    member.given([registered]).when({ type: 'TransferMember', transfer: { departmentId: 'phong-khong-co', on: '2026-07-01' } }, { ...office, departmentExists: false }).thenThrows('unknown-department');
  });

  it('records leaving once; the same leaving again is a no-op, another date a conflict', () => {
    member.given([registered, moved]).when({ type: 'RecordLeaving', leaving: left.data as never }, office).then([left]);
    member.given([registered, moved, left]).when({ type: 'RecordLeaving', leaving: left.data as never }, office).thenNothing();
    member.given([registered, moved, left]).when({ type: 'RecordLeaving', leaving: { on: '2027-04-01', reason: 'x' } }, office).thenThrows('member-left');
  });

  it('leaving revokes every role; a return brings the member back with none until granted again', () => {
    const head: MemberEvent = { type: 'MemberRolesSet', data: { roles: ['council', 'head'] } };
    const state = member.given([registered, head]).when({ type: 'RecordLeaving', leaving: left.data as never }, office).then([left]);
    expect([state.left, state.roles]).toEqual([left.data, []]);
    // While away it holds none and none can be granted; removing none is no change.
    member.given([registered, head, left]).when({ type: 'SetRoles', roles: ['head'] }, office).thenThrows('member-left');
    member.given([registered, head, left]).when({ type: 'SetRoles', roles: [] }, office).thenNothing();
    const returned = member.given([registered, head, left]).when({ type: 'RecordReturn', return: back.data as never }, office).then([back]);
    expect(returned.roles).toEqual([]);
    member.given([registered, head, left, back]).when({ type: 'SetRoles', roles: ['head'] }, office).then([{ type: 'MemberRolesSet', data: { roles: ['head'] } }]);
  });

  it('refuses a move while away, and a return while on staff', () => {
    member.given([registered, left]).when({ type: 'TransferMember', transfer: { departmentId: 'phong-dau-tu', on: '2027-06-01' } }, office).thenThrows('member-left');
    member.given([registered]).when({ type: 'RecordReturn', return: { departmentId: 'van-phong', on: '2027-06-01' } }, office).thenThrows('member-not-left');
  });

  it('records a return after leaving, and the same return again is a no-op', () => {
    member.given([registered, moved, left]).when({ type: 'RecordReturn', return: back.data as never }, office).then([back]);
    member.given([registered, moved, left, back]).when({ type: 'RecordReturn', return: back.data as never }, office).thenNothing();
  });

  it('refuses a return dated on or before the leaving', () => {
    member.given([registered, moved, left]).when({ type: 'RecordReturn', return: { departmentId: 'van-phong', on: '2027-03-01' } }, office).thenThrows('invalid-transition');
  });

  it('refuses a staff change of a member not on the roster', () => {
    member.given([]).when({ type: 'RecordLeaving', leaving: left.data as never }, office).thenThrows('not-found');
  });

  it.each(nonOfficeActors)('refused for a %s', (_role, actor) => {
    member.given([registered]).when({ type: 'TransferMember', transfer: moved.data as never }, { actor, departmentExists: true }).thenThrows('forbidden');
  });
});
