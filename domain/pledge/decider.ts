import type { PledgeContent, PledgeEvent } from '../../events/pledge';
import { type Actor, hasRole } from '../actor';
import { structurallyEqual } from '../canonical-json';
import type { CampaignState } from '../campaign/decider';
import { type PledgeScope, registrationWindow } from '../campaign/registration-window';
import type { Decider } from '../decider';
import { refuse } from '../errors';
import { mayActFor, type ParticipantRef } from '../policies';
import { titleByCode } from '../titles';

export type PledgeCommand =
  | {
      readonly type: 'SavePledge';
      readonly content: PledgeContent;
      /** Set only by the Office, to record a pledge after the deadline. */
      readonly late?: { readonly reason: string };
    }
  | { readonly type: 'WithdrawPledge' };

export interface PledgeState {
  readonly status: 'none' | 'active' | 'withdrawn';
  readonly participant: ParticipantRef | null;
  readonly content: PledgeContent | null;
  readonly late: { readonly reason: string } | null;
}

export interface PledgeContext {
  readonly actor: Actor;
  readonly now: Date;
  readonly scope: PledgeScope;
  /** Reference data, read by the handler in one call: the campaign and the participant on the roster. */
  readonly campaign: CampaignState | null;
  readonly participant: ParticipantRef | null;
}

const initialState: PledgeState = { status: 'none', participant: null, content: null, late: null };

const evolve = (state: PledgeState, event: PledgeEvent): PledgeState => {
  switch (event.type) {
    case 'PledgeSubmitted': {
      const { participantKind, participantId, departmentId, late, ...content } = event.data;
      return { status: 'active', participant: { kind: participantKind, id: participantId, departmentId }, content, late: late ?? null };
    }
    case 'PledgeAmended': {
      const { late, ...content } = event.data;
      return { ...state, content, late: late ?? state.late };
    }
    case 'PledgeWithdrawn':
      return { ...state, status: 'withdrawn' };
  }
};

const checkContent = (content: PledgeContent, participant: ParticipantRef, campaign: CampaignState) => {
  const definition = campaign.definition!;
  for (const code of content.targetTitles) {
    const title = titleByCode(code)!;
    if (!title.for.includes(participant.kind)) {
      refuse('title-not-allowed', `"${title.label}" is not a title for a ${participant.kind}`, { title: code });
    }
    if (!definition.allowedTitles.includes(code)) {
      refuse('title-not-allowed', `"${title.label}" cannot be pledged in this campaign`, { title: code });
    }
  }
  const criteria = new Set(definition.criteria.map((criterion) => criterion.code));
  for (const commitment of content.commitments) {
    if (commitment.criterion && !criteria.has(commitment.criterion)) {
      refuse('unknown-criterion', `no criterion "${commitment.criterion}" in this campaign`, { criterion: commitment.criterion });
    }
  }
};

/** Registration must be open, or the Office records the change as late, with a reason. */
const checkWindow = (context: PledgeContext, late: { readonly reason: string } | undefined) => {
  const window = registrationWindow(context.campaign!, context.scope, context.now) ?? refuse('not-found', 'this campaign has no such cycle');
  if (late && !hasRole(context.actor, 'office')) refuse('forbidden', 'only the Office may record a late pledge');
  if (window.status === 'not-open') refuse('registration-not-open', 'registration for this year opens on 1 January', { closesAt: window.closesAt.toISOString() });
  if (window.status === 'open' && late) refuse('late-not-applicable', 'registration is still open: a late flag is not needed');
  if (window.status === 'closed' && !late) {
    refuse('registration-closed', `registration closed at ${window.deadline.toISOString()}`, { deadline: window.deadline.toISOString() });
  }
};

const decide = (command: PledgeCommand, state: PledgeState, context: PledgeContext): PledgeEvent[] => {
  const campaign = context.campaign?.definition ? context.campaign : refuse('not-found', 'no such campaign');
  const participant = context.participant ?? refuse('not-found', 'no such participant on the roster');
  if (!mayActFor(context.actor, participant)) refuse('forbidden', 'you may not act for this participant');
  if (campaign.ended) refuse('campaign-ended', 'the campaign has ended');

  if (command.type === 'WithdrawPledge') {
    if (state.status !== 'active') refuse('not-found', 'there is no pledge to withdraw');
    checkWindow(context, undefined);
    return [{ type: 'PledgeWithdrawn', data: {} }];
  }

  checkContent(command.content, participant, campaign);
  checkWindow(context, command.late);
  const late = command.late ? { late: command.late } : {};
  if (state.status !== 'active') {
    return [
      {
        type: 'PledgeSubmitted',
        data: { participantKind: participant.kind, participantId: participant.id, departmentId: participant.departmentId, ...command.content, ...late },
      },
    ];
  }
  if (structurallyEqual(state.content, command.content) && !command.late) return [];
  return [{ type: 'PledgeAmended', data: { ...command.content, ...late } }];
};

export const pledgeDecider: Decider<PledgeCommand, PledgeEvent, PledgeState, PledgeContext> = { initialState, evolve, decide };
