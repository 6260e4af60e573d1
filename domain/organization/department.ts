import type { DepartmentEvent, DepartmentProfile } from '../../events/organization';
import type { Actor } from '../actor';
import type { Decider } from '../decider';
import { requireOffice } from '../policies';

export type DepartmentCommand = { readonly type: 'SaveDepartment'; readonly profile: DepartmentProfile };
export type DepartmentState = { readonly profile: DepartmentProfile | null };

const sameProfile = (a: DepartmentProfile, b: DepartmentProfile) => a.name === b.name;

export const departmentDecider: Decider<DepartmentCommand, DepartmentEvent, DepartmentState, { actor: Actor }> = {
  initialState: { profile: null },
  evolve: (_state, event) => ({ profile: event.data }),
  decide: (command, state, { actor }) => {
    requireOffice(actor);
    if (!state.profile) return [{ type: 'DepartmentRegistered', data: command.profile }];
    if (sameProfile(state.profile, command.profile)) return [];
    return [{ type: 'DepartmentUpdated', data: command.profile }];
  },
};
