import type { CouncilEvent } from '../../events/voting';
import type { Actor } from '../actor';
import type { Decider } from '../decider';
import { refuse } from '../errors';
import { requireOffice } from '../policies';

/** The council (Hội đồng thi đua, khen thưởng) of a cycle: all its members, since thresholds count them all. */
export type CouncilCommand = { readonly type: 'ConstituteCouncil'; readonly members: readonly { readonly memberId: string; readonly chair: boolean }[] };
export interface CouncilState {
  readonly members: readonly { readonly memberId: string; readonly chair: boolean }[];
}

export const councilDecider: Decider<CouncilCommand, CouncilEvent, CouncilState, { actor: Actor }> = {
  initialState: { members: [] },
  evolve: (_state, event) => ({ members: event.data.members }),
  decide: (command, state, { actor }) => {
    requireOffice(actor);
    const ids = command.members.map((member) => member.memberId);
    if (new Set(ids).size !== ids.length) refuse('invalid-request', 'a council member is listed twice');
    if (command.members.filter((member) => member.chair).length > 1) refuse('invalid-request', 'a council has one chair');
    const members = [...command.members].sort((a, b) => a.memberId.localeCompare(b.memberId));
    if (JSON.stringify(members) === JSON.stringify(state.members)) return [];
    return [{ type: 'CouncilConstituted', data: { members } }];
  },
};
