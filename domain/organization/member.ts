import type { GrantableRole, MemberEvent, MemberLeaving, MemberProfile, MemberReturn, MemberTransfer } from '../../events/organization';
import type { Actor } from '../actor';
import type { Decider } from '../decider';
import { refuse } from '../errors';
import { requireOffice } from '../policies';
import { type Posting, leaveOn, moveTo } from './roster';

export type MemberCommand =
  | { readonly type: 'SaveMember'; readonly profile: MemberProfile }
  | { readonly type: 'TransferMember'; readonly transfer: MemberTransfer }
  | { readonly type: 'RecordLeaving'; readonly leaving: MemberLeaving }
  | { readonly type: 'RecordReturn'; readonly return: MemberReturn }
  | { readonly type: 'SetRoles'; readonly roles: readonly GrantableRole[] };

export interface MemberState {
  /** The latest profile: its department is the one of the latest posting. */
  readonly profile: MemberProfile | null;
  /** Every department the member was in, oldest first (see roster.ts for how a cycle reads them). */
  readonly postings: readonly Posting[];
  /** Set while the member is away from the agency. */
  readonly left: MemberLeaving | null;
  /** The roles the Office granted, sorted (its account's groups besides `member`). */
  readonly roles: readonly GrantableRole[];
}

export interface MemberContext {
  readonly actor: Actor;
  /** Whether the department named in the command is on the roster (reference data read by the handler). */
  readonly departmentExists: boolean;
}

const sameProfile = (a: MemberProfile, b: MemberProfile) =>
  a.fullName === b.fullName && a.departmentId === b.departmentId && a.position === b.position && a.email === b.email;

const withPosition = (profile: MemberProfile, departmentId: string, position: string | undefined): MemberProfile => ({
  ...profile,
  departmentId,
  ...(position === undefined ? {} : { position }),
});

const evolve = (state: MemberState, event: MemberEvent): MemberState => {
  switch (event.type) {
    case 'MemberRegistered':
      return { profile: event.data, postings: [{ departmentId: event.data.departmentId, from: null, until: null }], left: null, roles: [] };
    case 'MemberUpdated':
      // Before transfers had dates, a PUT moved a member for its whole history; such events still read that way.
      return { ...state, profile: event.data, postings: state.postings.map((posting) => (posting.until === null ? { ...posting, departmentId: event.data.departmentId } : posting)) };
    case 'MemberTransferred':
      return { ...state, profile: withPosition(state.profile!, event.data.departmentId, event.data.position), postings: moveTo(state.postings, event.data.departmentId, event.data.on) };
    // Whoever left holds no role: leaving revokes them all (a command writes one event, so MemberLeft itself says
    // it), and a return brings none back: roles granted before the leaving are granted again, or not.
    case 'MemberLeft':
      return { ...state, postings: leaveOn(state.postings, event.data.on), left: event.data, roles: [] };
    case 'MemberReturned':
      return { ...state, profile: withPosition(state.profile!, event.data.departmentId, event.data.position), postings: [...state.postings, { departmentId: event.data.departmentId, from: event.data.on, until: null }], left: null, roles: [] };
    case 'MemberRolesSet':
      return { ...state, roles: event.data.roles };
  }
};

/** The first day of the member's latest posting (null: since before the records), which a new step must follow. */
const latestStart = (state: MemberState): string | null => state.postings[state.postings.length - 1]?.from ?? null;

const requireAfter = (on: string, bound: string | null) => {
  if (bound !== null && on <= bound) refuse('invalid-transition', `a roster change must come after the last one (${bound})`, { after: bound });
};

const requireDepartment = (context: MemberContext, departmentId: string) => {
  if (!context.departmentExists) refuse('unknown-department', `no department "${departmentId}" in this organization`);
};

const decide = (command: MemberCommand, state: MemberState, context: MemberContext): MemberEvent[] => {
  requireOffice(context.actor);
  if (command.type === 'SaveMember') {
    requireDepartment(context, command.profile.departmentId);
    if (!state.profile) return [{ type: 'MemberRegistered', data: command.profile }];
    if (sameProfile(state.profile, command.profile)) return [];
    // A move has a date: without one, boards of past years would silently count the member elsewhere.
    if (command.profile.departmentId !== state.profile.departmentId) refuse('transfer-needs-date', 'a move to another department is recorded with its date: POST …/transfer');
    return [{ type: 'MemberUpdated', data: command.profile }];
  }
  const profile = state.profile ?? refuse('not-found', 'no such member');
  switch (command.type) {
    case 'SetRoles': {
      const roles = [...new Set(command.roles)].sort();
      if (roles.join() === state.roles.join()) return [];
      if (state.left && roles.length > 0) refuse('member-left', 'the member has left the agency: it holds no role');
      return [{ type: 'MemberRolesSet', data: { roles } }];
    }
    case 'TransferMember': {
      const { departmentId, on, position } = command.transfer;
      if (state.left) refuse('member-left', 'the member has left the agency: record its return instead');
      if (departmentId === profile.departmentId && (position === undefined || position === profile.position)) return [];
      requireDepartment(context, departmentId);
      if (departmentId === profile.departmentId) refuse('invalid-request', 'the member is already in this department: change its position with PUT');
      requireAfter(on, latestStart(state));
      return [{ type: 'MemberTransferred', data: command.transfer }];
    }
    case 'RecordLeaving': {
      if (state.left) {
        if (state.left.on === command.leaving.on) return [];
        refuse('member-left', `the member left on ${state.left.on}`);
      }
      requireAfter(command.leaving.on, latestStart(state));
      // Leaving revokes every role (evolve reads MemberLeft so; follow-roster applies it to the account's groups): a
      // head who leaves leaves its department without a head until the Office grants the role to someone else.
      return [{ type: 'MemberLeft', data: command.leaving }];
    }
    case 'RecordReturn': {
      if (!state.left) {
        const latest = state.postings[state.postings.length - 1];
        if (latest?.from === command.return.on && latest.departmentId === command.return.departmentId) return []; // this very return, again
        return refuse('member-not-left', 'the member is on staff: nothing to return from');
      }
      requireDepartment(context, command.return.departmentId);
      requireAfter(command.return.on, state.left.on);
      return [{ type: 'MemberReturned', data: command.return }];
    }
  }
};

export const memberDecider: Decider<MemberCommand, MemberEvent, MemberState, MemberContext> = {
  initialState: { profile: null, postings: [], left: null, roles: [] },
  evolve,
  decide,
};
