/** The given/when/then helper must be able to fail: each assertion is checked against a deliberately wrong expectation. */
import { describe, expect, it } from 'vitest';
import { departmentDecider } from '../../domain/organization/department';
import { actors } from './fixtures';
import { spec } from './specification';

describe('spec(decider)', () => {
  const department = spec(departmentDecider);
  const save = { type: 'SaveDepartment', profile: { name: 'Phòng A' } } as const;

  it('then fails on other events, and thenNothing fails when events are produced', () => {
    expect(() => department.given([]).when(save, { actor: actors.office() }).then([{ type: 'DepartmentUpdated', data: { name: 'Phòng A' } }])).toThrow();
    expect(() => department.given([]).when(save, { actor: actors.office() }).thenNothing()).toThrow();
  });

  it('thenThrows fails when the command is accepted, and when the code or details differ', () => {
    expect(() => department.given([]).when(save, { actor: actors.office() }).thenThrows('forbidden')).toThrow(/expected a DomainError "forbidden"/);
    expect(() => department.given([]).when(save, { actor: actors.leader() }).thenThrows('not-found')).toThrow();
    expect(() => department.given([]).when(save, { actor: actors.leader() }).thenThrows('forbidden', { title: 'x' })).toThrow();
  });

  it('then returns the state after the new events', () => {
    expect(department.given([]).when(save, { actor: actors.office() }).then([{ type: 'DepartmentRegistered', data: { name: 'Phòng A' } }])).toStrictEqual({
      profile: { name: 'Phòng A' },
    });
  });
});
