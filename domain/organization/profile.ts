import type { OrganizationEvent, OrganizationProfile } from '../../events/organization';
import type { Actor } from '../actor';
import type { Decider } from '../decider';
import { requireOffice } from '../policies';

export type OrganizationCommand = { readonly type: 'SetOrganizationProfile'; readonly profile: OrganizationProfile };
export type OrganizationState = { readonly profile: OrganizationProfile | null };

const sameProfile = (a: OrganizationProfile, b: OrganizationProfile) =>
  a.name === b.name && a.parentBody === b.parentBody && a.place === b.place && a.abbreviation === b.abbreviation;

/** The organization's own record: its profile, which the Office sets whole (documents read it for their headers). */
export const organizationDecider: Decider<OrganizationCommand, OrganizationEvent, OrganizationState, { actor: Actor }> = {
  initialState: { profile: null },
  evolve: (_state, event) => ({ profile: event.data }),
  decide: (command, state, { actor }) => {
    requireOffice(actor);
    if (state.profile && sameProfile(state.profile, command.profile)) return [];
    return [{ type: 'OrganizationProfileSet', data: command.profile }];
  },
};
