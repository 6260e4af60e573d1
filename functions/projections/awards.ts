import { type DecisionEvent, awardPages, pageCount } from '../../events/decision';
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
import { summarize } from './decision-pages';

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
    kind: state.content?.kind ?? 'sang-kien',
    title: state.content?.title,
    scope: state.content?.scope,
    recognition: state.recognition,
    proposedUpward: state.proposedUpward,
    provinceWide: state.provinceWide,
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

type GrantedKey = { recipientKind: string; recipientId: string; departmentId: string; title: string };
const keyOf = (award: GrantedKey) => `${award.recipientKind}:${award.recipientId}:${award.title}`;

/**
 * Where each piece of a decision's view last changed, from its events in order: every award it ever granted, and
 * the version of the last event that could change its recipient's entry (the page that listed it, an edition that
 * restated the number and date or dropped it, the revocation); and for each further page of awards, the version
 * of the event that last wrote it (its page of the current edition, or the edition that emptied it). An item keeps
 * the version where it last changed, so a page appended to a decision of 5,000 awards rewrites the 200 entries it
 * lists, not all of them, and rebuilding gives the same versions.
 */
const decisionChanges = (events: readonly StoredEvent[]) => {
  const everGranted = new Map<string, GrantedKey>();
  const touched = new Map<string, number>();
  const pageVersions: number[] = [];
  let pageOfEdition = 0;
  for (const stored of events) {
    const event = stored as unknown as DecisionEvent;
    if (event.type !== 'DecisionAwardsAdded') for (const key of everGranted.keys()) touched.set(key, stored.version);
    if (event.type === 'DecisionRecorded' || event.type === 'DecisionCorrected') {
      pageOfEdition = 0;
      const pages = Math.max(pageVersions.length, pageCount(event.data.awardCount ?? event.data.awards.length));
      for (let page = 1; page < pages; page++) pageVersions[page] = stored.version;
    }
    if (event.type === 'DecisionAwardsAdded') pageVersions[++pageOfEdition] = stored.version;
    if (event.type === 'DecisionRevoked') continue;
    for (const award of event.data.awards) {
      everGranted.set(keyOf(award), award);
      touched.set(keyOf(award), stored.version);
    }
  }
  return { everGranted, touched, pageVersions };
};

/**
 * A decision is an item in its cycle's list, and an entry in each recipient's awards item (its awards over every
 * campaign, so "3 consecutive CSTĐCS" is one read). A recipient dropped by a correction, or every recipient of a
 * revoked decision, keeps an entry marked as no longer granted: the view never forgets what it once showed.
 * However many awards it grants, no item grows with them: the decision's item holds the first page of awards and
 * a summary per title and department, each further page is an item of its own (events/decision.ts).
 */
export const decisionContributions = (id: StreamId, events: readonly StoredEvent[]) => {
  const state = fold(decisionDecider, events as unknown as DecisionEvent[]);
  const { awards, ...header } = state.content!;
  const version = last(events).version;
  const updatedAt = last(events).meta.at;
  const { everGranted, touched, pageVersions } = decisionChanges(events);
  const [firstPage, ...morePages] = awardPages(awards);
  const awardCount = awards.length + state.awardsToCome;
  const item = {
    ...viewKeys.decision(id.org, header.campaignId, header.year, id.id),
    version,
    decisionId: id.id,
    ...header,
    awards: firstPage,
    awardCount,
    awardPages: pageCount(awardCount),
    /** False while a large decision's pages are still being written (a retry of the same PUT completes it). */
    complete: state.awardsToCome === 0,
    summary: summarize(awards),
    revoked: state.revoked,
    corrected: events.some((event) => event.type === 'DecisionCorrected'),
    updatedAt,
  };
  const pages = pageVersions.slice(1).map((pageVersion, index) => ({
    ...viewKeys.decisionAwards(id.org, id.id, index + 1),
    version: pageVersion,
    decisionId: id.id,
    page: index + 1,
    awards: morePages[index] ?? [],
  }));
  // Looked up by key, not searched per award: building the view is linear in the decision's awards.
  const currentAwards = new Map(awards.map((each) => [keyOf(each), each]));
  const entries = [...everGranted.entries()].map(([key, award]) => {
    const current = currentAwards.get(key);
    return {
      ...viewKeys.awards(id.org, award.recipientKind, award.recipientId),
      name: `${id.id}:${award.title}`,
      base: { recipientKind: award.recipientKind, recipientId: award.recipientId },
      entry: {
        version: touched.get(key)!,
        decisionId: id.id,
        number: header.number,
        date: header.date,
        campaignId: header.campaignId,
        year: header.year,
        title: award.title,
        amount: current?.amount ?? null,
        granted: current !== undefined && state.revoked === null,
      },
    };
  });
  return { item, pages, entries };
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
 * present (every voter among them), who was absent with a written opinion (a present member's is set aside, and
 * listed), the counts and outcome per nominee, and every receipt (sorted), so each member can check its own ballot
 * was counted.
 */
export const proposalItem = (id: StreamId, events: readonly StoredEvent[]) => {
  const [campaignId, year, proposalId] = id.id.split(':');
  const state = fold(proposalDecider, events as unknown as ProposalEvent[]);
  const closed = state.status === 'closed';
  const counted = state.writtenOpinions.map((opinion) => opinion.memberId).filter((member) => !state.writtenOpinionsSetAside.includes(member));
  return {
    ...viewKeys.proposal(id.org, campaignId, Number(year), proposalId),
    version: last(events).version,
    campaignId,
    year: Number(year),
    proposalId,
    status: state.status,
    nominations: state.nominations,
    reviewDate: state.reviewDate,
    ruleSet: state.ruleSet,
    quota: state.quota,
    quotaTitle: state.quotaTitle,
    councilSize: state.members.length,
    /** Who sits on the council (the minutes list them too): the Office records attendance among them only. */
    councilMembers: state.members,
    required: state.required,
    votesReceived: state.ballots.length + (closed ? counted.length : state.writtenOpinions.length),
    minutes: closed
      ? {
          members: state.members,
          chair: state.chair,
          present: state.present,
          absentWithWrittenOpinion: counted.sort(),
          absent: state.members.filter((member) => !state.present.includes(member) && !counted.includes(member)),
          writtenOpinionsSetAside: state.writtenOpinionsSetAside,
          outcomes: state.outcomes,
          receipts: [...state.receipts].sort(),
        }
      : null,
    updatedAt: last(events).meta.at,
  };
};
