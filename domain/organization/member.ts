import type { MemberEvent, MemberProfile } from '../../events/organization';
import type { Actor } from '../actor';
import type { Decider } from '../decider';
import { refuse } from '../errors';
import { requireOffice } from '../policies';

export type MemberCommand = { readonly type: 'SaveMember'; readonly profile: MemberProfile };
export type MemberState = { readonly profile: MemberProfile | null };

export interface MemberContext {
  readonly actor: Actor;
  /** Whether the department named in the profile is on the roster (reference data read by the handler). */
  readonly departmentExists: boolean;
}

const sameProfile = (a: MemberProfile, b: MemberProfile) =>
  a.fullName === b.fullName && a.departmentId === b.departmentId && a.position === b.position && a.email === b.email;

export const memberDecider: Decider<MemberCommand, MemberEvent, MemberState, MemberContext> = {
  initialState: { profile: null },
  evolve: (_state, event) => ({ profile: event.data }),
  decide: (command, state, { actor, departmentExists }) => {
    requireOffice(actor);
    if (!departmentExists) {
      refuse('unknown-department', `no department "${command.profile.departmentId}" in this organization`);
    }
    if (!state.profile) return [{ type: 'MemberRegistered', data: command.profile }];
    if (sameProfile(state.profile, command.profile)) return [];
    return [{ type: 'MemberUpdated', data: command.profile }];
  },
};
