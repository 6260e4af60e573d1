import type { DecisionEvent } from '../../events/decision';
import type { DisciplineEvent } from '../../events/discipline';
import type { StoredEvent, StreamId } from '../../events/envelope';
import type { InitiativeEvent } from '../../events/initiative';
import type { CouncilEvent, ProposalEvent } from '../../events/voting';
import { fold } from '../../domain/decider';
import { decisionDecider } from '../../domain/decisions/decider';
import { disciplineDecider } from '../../domain/discipline/decider';
import { initiativeDecider } from '../../domain/initiatives/decider';
import { councilDecider } from '../../domain/voting/council';
import { proposalDecider } from '../../domain/voting/proposal';
import { viewKeys } from '../store/view-keys';

const last = (events: readonly StoredEvent[]) => events[events.length - 1];

/** `<campaignId>:<year>:<initiativeId>` */
export const initiativeAggregateId = (campaignId: string, year: number, initiativeId: string) => `${campaignId}:${year}:${initiativeId}`;

export const initiativeItem = (id: StreamId, events: readonly StoredEvent[]) => {
  const [campaignId, year, initiativeId] = id.id.split(':');
  const state = fold(initiativeDecider, events as unknown as InitiativeEvent[]);
  return {
    ...viewKeys.initiative(id.org, campaignId, Number(year), initiativeId),
    version: last(events).version,
    campaignId,
    year: Number(year),
    initiativeId,
    status: state.status,
    author: state.author,
    title: state.content?.title,
    scope: state.content?.scope,
    recognition: state.recognition,
    proposedUpward: state.proposedUpward,
    rejection: state.rejection,
    submittedAt: events[0].meta.at,
    updatedAt: last(events).meta.at,
  };
};

/** `<year>:<memberId>` */
export const disciplineItem = (id: StreamId, events: readonly StoredEvent[]) => {
  const [year, memberId] = id.id.split(':');
  const state = fold(disciplineDecider, events as unknown as DisciplineEvent[]);
  const recorded = events.find((event) => event.type === 'DisciplineRecorded')!.data as { departmentId: string };
  return {
    ...viewKeys.discipline(id.org, Number(year), memberId),
    version: last(events).version,
    year: Number(year),
    memberId,
    departmentId: recorded.departmentId,
    level: state.level,
    reason: state.reason,
    updatedAt: last(events).meta.at,
  };
};

/**
 * A decision is an item in its cycle's list, and an entry in each recipient's awards item (its awards over every
 * campaign, so "3 consecutive CSTĐCS" is one read). A recipient dropped by a correction, or every recipient of a
 * revoked decision, keeps an entry marked as no longer granted: the view never forgets what it once showed.
 */
export const decisionContributions = (id: StreamId, events: readonly StoredEvent[]) => {
  const state = fold(decisionDecider, events as unknown as DecisionEvent[]);
  const content = state.content!;
  const version = last(events).version;
  const everGranted = new Map<string, { recipientKind: string; recipientId: string; departmentId: string; title: string }>();
  for (const event of events as unknown as DecisionEvent[]) {
    if (event.type === 'DecisionRevoked') continue;
    for (const award of event.data.awards) everGranted.set(`${award.recipientKind}:${award.recipientId}:${award.title}`, award);
  }
  const item = {
    ...viewKeys.decision(id.org, content.campaignId, content.year, id.id),
    version,
    decisionId: id.id,
    ...content,
    revoked: state.revoked,
    corrected: events.some((event) => event.type === 'DecisionCorrected'),
    updatedAt: last(events).meta.at,
  };
  // Looked up by key, not searched per award: building the view is linear in the decision's awards.
  const currentAwards = new Map(content.awards.map((each) => [`${each.recipientKind}:${each.recipientId}:${each.title}`, each]));
  const entries = [...everGranted.entries()].map(([key, award]) => {
    const current = currentAwards.get(key);
    return {
      ...viewKeys.awards(id.org, award.recipientKind, award.recipientId),
      name: `${id.id}:${award.title}`,
      base: { recipientKind: award.recipientKind, recipientId: award.recipientId },
      entry: {
        version,
        decisionId: id.id,
        number: content.number,
        date: content.date,
        campaignId: content.campaignId,
        year: content.year,
        title: award.title,
        amount: current?.amount ?? null,
        granted: current !== undefined && state.revoked === null,
      },
    };
  });
  return { item, entries };
};

/** `<campaignId>:<year>` */
export const councilItem = (id: StreamId, events: readonly StoredEvent[]) => {
  const [campaignId, year] = id.id.split(':');
  const state = fold(councilDecider, events as unknown as CouncilEvent[]);
  return { ...viewKeys.council(id.org, campaignId, Number(year)), version: last(events).version, campaignId, year: Number(year), members: state.members, updatedAt: last(events).meta.at };
};

/**
 * A proposal list and its voting session as anyone may read them: never a seal, never the session's nonce, never
 * the order of the ballots. Before the close, only how many voted; after it, the minutes (biên bản): who was
 * present, who was absent with a written opinion, the counts and outcome per nominee, and every receipt (sorted),
 * so each member can check its own ballot was counted.
 */
export const proposalItem = (id: StreamId, events: readonly StoredEvent[]) => {
  const [campaignId, year, proposalId] = id.id.split(':');
  const state = fold(proposalDecider, events as unknown as ProposalEvent[]);
  const closed = state.status === 'closed';
  return {
    ...viewKeys.proposal(id.org, campaignId, Number(year), proposalId),
    version: last(events).version,
    campaignId,
    year: Number(year),
    proposalId,
    status: state.status,
    nominations: state.nominations,
    quota: state.quota,
    councilSize: state.members.length,
    required: state.required,
    votesReceived: state.ballots.length,
    minutes: closed
      ? {
          members: state.members,
          chair: state.chair,
          present: state.present,
          absentWithWrittenOpinion: [...state.writtenOpinions].sort(),
          absent: state.members.filter((member) => !state.present.includes(member) && !state.writtenOpinions.includes(member)),
          outcomes: state.outcomes,
          receipts: [...state.receipts].sort(),
        }
      : null,
    updatedAt: last(events).meta.at,
  };
};
