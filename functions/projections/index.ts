import type { CampaignEvent } from '../../events/campaign';
import type { AggregateType, StoredEvent, StreamId } from '../../events/envelope';
import type { DepartmentEvent, MemberEvent, OrganizationEvent } from '../../events/organization';
import type { PledgeEvent } from '../../events/pledge';
import { campaignDecider } from '../../domain/campaign/decider';
import { fold } from '../../domain/decider';
import { departmentDecider } from '../../domain/organization/department';
import { memberDecider } from '../../domain/organization/member';
import { organizationDecider } from '../../domain/organization/profile';
import { pledgeDecider } from '../../domain/pledge/decider';
import { CAMPAIGN_INDEX, parseParticipantAggregateId, viewKeys } from '../store/view-keys';
import { councilItem, decisionContributions, disciplineItem, initiativeItem, proposalItem } from './awards';
import { scoreLineItem, scoreLinesOf } from './evaluation';
import { postingItems } from './postings';
import { departmentSummaryItem, linesByParticipant } from './summaries';
import type { PostingItem } from './postings';
import { findingItem } from './findings';
import { reminderItems } from './reminders';
import { type SharedViewItem, entriesItem } from '../store/write-entries';

/** A read-model item: its key, the aggregate version it reflects, and the fields clients read. */
export interface ViewItem {
  readonly pk: string;
  readonly sk: string;
  readonly version: number;
  readonly [field: string]: unknown;
}

const last = (events: readonly StoredEvent[]) => events[events.length - 1];

/**
 * Each record aggregate has one view item (a member, besides, one per posting: postings.ts), a pure function of its
 * whole event stream. That is what makes the projector idempotent and order-proof (it recomputes from the stream,
 * whatever record woke it) and a rebuild byte-identical to the incremental views. Department summaries are the one
 * view over several streams (summaries.ts says how they stay so).
 */
export type ItemProjection = (id: StreamId, events: readonly StoredEvent[]) => ViewItem;

export const organizationItem: ItemProjection = (id, events) => {
    const { profile } = fold(organizationDecider, events as unknown as OrganizationEvent[]);
    return { ...viewKeys.organization(id.org), version: last(events).version, org: id.org, ...profile, updatedAt: last(events).meta.at };
};

export const departmentItem: ItemProjection = (id, events) => {
    const { profile } = fold(departmentDecider, events as unknown as DepartmentEvent[]);
    return { ...viewKeys.department(id.org, id.id), version: last(events).version, departmentId: id.id, ...profile, updatedAt: last(events).meta.at };
};

export const memberItem: ItemProjection = (id, events) => {
    const { profile, postings, left, roles } = fold(memberDecider, events as unknown as MemberEvent[]);
    // When it last came back: a token issued before that was issued before its leaving (functions/http/on-staff.ts).
    const returnedAt = events.findLast((event) => event.type === 'MemberReturned')?.meta.at;
    return { ...viewKeys.member(id.org, id.id), version: last(events).version, memberId: id.id, ...profile, postings, left, roles, returnedAt, updatedAt: last(events).meta.at };
};

export const campaignItem: ItemProjection = (id, events) => {
    const state = fold(campaignDecider, events as unknown as CampaignEvent[]);
    return {
      ...viewKeys.campaign(id.org, id.id),
      version: last(events).version,
      gsi1pk: CAMPAIGN_INDEX.partition,
      gsi1sk: `${id.org}#${id.id}`,
      org: id.org,
      campaignId: id.id,
      ...state,
      updatedAt: last(events).meta.at,
    };
};

export const pledgeItem: ItemProjection = (id, events) => {
    const { campaignId, year, kind, participantId } = parseParticipantAggregateId(id.id);
    const state = fold(pledgeDecider, events as unknown as PledgeEvent[]);
    const submitted = events.findLast((event) => event.type === 'PledgeSubmitted')!;
    return {
      ...viewKeys.pledge(id.org, campaignId, year, kind, participantId),
      version: last(events).version,
      campaignId,
      year,
      participantKind: kind,
      participantId,
      departmentId: state.participant?.departmentId,
      status: state.status,
      targetTitles: state.content?.targetTitles ?? [],
      commitments: state.content?.commitments ?? [],
      late: state.late !== null,
      lateReason: state.late?.reason,
      submittedAt: submitted?.meta.at,
      updatedAt: last(events).meta.at,
    };
};

/** Handlers import the one projection they answer with (so a bundle carries only it); the projector, all of them. */
export const ITEM_PROJECTIONS: Record<Exclude<AggregateType, 'evaluation' | 'decision' | 'reminder'>, ItemProjection> = {
  organization: organizationItem,
  department: departmentItem,
  member: memberItem,
  campaign: campaignItem,
  pledge: pledgeItem,
  initiative: initiativeItem,
  discipline: disciplineItem,
  council: councilItem,
  proposal: proposalItem,
  finding: findingItem,
};

export const project = (id: StreamId, events: readonly StoredEvent[]): ViewItem => {
  if (id.type === 'evaluation' || id.type === 'decision' || id.type === 'reminder') throw new Error(`a ${id.type} is projected through viewContributions`);
  return ITEM_PROJECTIONS[id.type](id, events);
};

/** What an aggregate contributes to the views: its own items, or an entry in a shared item (a recipient's awards). */
export type ViewContribution =
  | { readonly kind: 'item'; readonly item: ViewItem }
  | { readonly kind: 'entry'; readonly pk: string; readonly sk: string; readonly name: string; readonly base: Record<string, unknown>; readonly entry: { readonly version: number } };

export const viewContributions = (id: StreamId, events: readonly StoredEvent[]): ViewContribution[] => {
  if (id.type === 'evaluation') {
    const line = scoreLineItem(id, events);
    return line ? [{ kind: 'item', item: line }] : [];
  }
  if (id.type === 'member') return [project(id, events), ...postingItems(id, events)].map((item) => ({ kind: 'item' as const, item }));
  if (id.type === 'decision') {
    const { item, pages, entries } = decisionContributions(id, events);
    return [{ kind: 'item', item }, ...pages.map((page) => ({ kind: 'item' as const, item: page })), ...entries.map((entry) => ({ kind: 'entry' as const, ...entry }))];
  }
  if (id.type === 'reminder') return reminderItems(id, events).map((item) => ({ kind: 'item' as const, item }));
  return [{ kind: 'item', item: project(id, events) }];
};

interface SharedGroup {
  readonly pk: string;
  readonly sk: string;
  readonly base: Record<string, unknown>;
  readonly entries: Record<string, { readonly version: number }>;
  /** The aggregates whose entries are in it. */
  readonly sources: string[];
}

/** Sorts contributions into items of their own and, per shared item, the entries to merge into it. */
export const groupContributions = (contributions: readonly { source: string; contribution: ViewContribution }[]) => {
  const items: { source: string; item: ViewItem }[] = [];
  const shared = new Map<string, SharedGroup>();
  for (const { source, contribution } of contributions) {
    if (contribution.kind === 'item') items.push({ source, item: contribution.item });
    if (contribution.kind === 'entry') {
      const key = `${contribution.pk}\n${contribution.sk}`;
      const group = shared.get(key) ?? { pk: contribution.pk, sk: contribution.sk, base: contribution.base, entries: {}, sources: [] };
      group.entries[contribution.name] = contribution.entry;
      group.sources.push(source);
      shared.set(key, group);
    }
  }
  return { items, shared: [...shared.values()] };
};

/**
 * The department summaries over a whole views table's score lines and postings (what a rebuild writes beside the
 * aggregates' own items): one per cycle and department that has anything scored, as the projector keeps them.
 */
export const departmentSummaries = (items: readonly ViewItem[]): ViewItem[] => {
  const postingsOf = new Map<string, PostingItem[]>();
  const cycles = new Map<string, { org: string; campaignId: string; year: number; lines: ViewItem[] }>();
  for (const item of items) {
    if (String(item.pk).includes('#postings#')) {
      const key = `${String(item.pk).split('#')[0]}\n${item.departmentId}`;
      postingsOf.set(key, [...(postingsOf.get(key) ?? []), item as PostingItem]);
    }
    if (typeof item.filedIn === 'string' && String(item.pk).includes('#scores#')) {
      const org = String(item.pk).split('#')[0];
      const key = `${org}\n${item.campaignId}\n${item.year}`;
      const cycle = cycles.get(key) ?? { org, campaignId: item.campaignId as string, year: item.year as number, lines: [] };
      cycle.lines.push(item);
      cycles.set(key, cycle);
    }
  }
  return [...cycles.values()].flatMap(({ org, campaignId, year, lines }) => {
    const byParticipant = linesByParticipant(scoreLinesOf(lines));
    const departments = new Set([
      ...[...postingsOf.keys()].filter((key) => key.startsWith(`${org}\n`)).map((key) => key.slice(org.length + 1)),
      ...lines.filter((line) => line.participantKind === 'department').map((line) => line.participantId as string),
    ]);
    return [...departments].sort().flatMap((departmentId) => departmentSummaryItem({ org, campaignId, year, departmentId }, postingsOf.get(`${org}\n${departmentId}`) ?? [], byParticipant) ?? []);
  });
};

/**
 * Every view item of these streams together: their own items, the department summaries over them, the shared items
 * with their entries. What a rebuild writes (and a benchmark seeds).
 */
export const viewsOfStreams = (streams: readonly { id: StreamId; events: readonly StoredEvent[] }[]): (ViewItem | SharedViewItem)[] => {
  const { items, shared } = groupContributions(streams.flatMap(({ id, events }) => viewContributions(id, events).map((contribution) => ({ source: `${id.org}#${id.type}#${id.id}`, contribution }))));
  const own = items.map(({ item }) => item);
  return [...own, ...departmentSummaries(own), ...shared.map((group) => entriesItem(group.pk, group.sk, group.base, group.entries))];
};
