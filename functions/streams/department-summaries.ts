import type { StoredEvent, StreamId } from '../../events/envelope';
import type { CampaignDefinition } from '../../events/campaign';
import { firstYear, lastYear } from '../../domain/campaign/calendar';
import { mapWithConcurrency } from '../concurrency';
import type { Deps } from '../deps';
import { loadDepartmentCycle } from '../department-roster';
import { campaignItem } from '../projections';
import { scoreLinesOf } from '../projections/evaluation';
import { postingItems } from '../projections/postings';
import { departmentSummaryItem } from '../projections/summaries';
import { batchGetViews, queryViews } from '../store/views';
import { parseParticipantAggregateId, scoresPartition, viewKeys } from '../store/view-keys';
import { writeViewIfNewer } from '../store/write-view';

/** A department summary to compute again, and the aggregates of the batch that asked for it. */
interface Target {
  readonly org: string;
  readonly campaignId: string;
  readonly year: number;
  readonly departmentId: string;
  readonly sources: string[];
}

/** An aggregate of the batch: its stream, and the lowest version the batch delivered of it. */
export interface Touched {
  readonly source: string;
  readonly id: StreamId;
  readonly events: readonly StoredEvent[];
  readonly lowestDelivered: number;
}

const CONCURRENCY = 16;

/** The cycles of an organization's campaigns that have any score line (one Query of a single item per cycle). */
const scoredCycles = async (deps: Deps, org: string) => {
  const campaigns = await queryViews(deps, viewKeys.campaign(org, '').pk);
  const cycles = campaigns.flatMap((campaign) => {
    const definition = campaign.definition as CampaignDefinition | undefined;
    if (!definition) return [];
    return Array.from({ length: lastYear(definition) - firstYear(definition) + 1 }, (_, index) => ({ campaignId: campaign.sk, year: firstYear(definition) + index }));
  });
  const scored = await mapWithConcurrency(cycles, CONCURRENCY, async ({ campaignId, year }) => (await queryViews(deps, scoresPartition(org, campaignId, year), undefined, { consistent: true, limit: 1 })).length > 0);
  return cycles.filter((_, index) => scored[index]);
};

/**
 * Which department summaries a batch changes. A score line changes its department's (a department's own sheet) or
 * those of every department its member was ever in (it enters their versions: summaries.ts); a member whose
 * postings changed (a transfer, a leaving, a return, its registration) changes every scored cycle's summaries of
 * every department it was ever in; a campaign's first event, those of its cycles' scored departments (a member
 * projected before the campaign found none of its cycles). Each is read after the batch's writes, strongly consistent: whichever of two
 * concurrent batches writes last has read what the other wrote before it (a line, or a posting), so the last
 * summary computed is computed from the latest of everything.
 */
const targetsOf = async (deps: Deps, touched: readonly Touched[]): Promise<Target[]> => {
  const targets = new Map<string, Target>();
  const add = (org: string, campaignId: string, year: number, departmentId: string, source: string) => {
    const key = [org, campaignId, year, departmentId].join('\n');
    const target = targets.get(key) ?? { org, campaignId, year, departmentId, sources: [] };
    target.sources.push(source);
    targets.set(key, target);
  };
  const evaluations = touched.filter(({ id }) => id.type === 'evaluation');
  const memberLines = evaluations.filter(({ id }) => parseParticipantAggregateId(id.id).kind === 'member');
  const members = await batchGetViews(deps, memberLines.map(({ id }) => viewKeys.member(id.org, parseParticipantAggregateId(id.id).participantId)), { consistent: true });
  for (const { source, id } of evaluations) {
    const { campaignId, year, kind, participantId } = parseParticipantAggregateId(id.id);
    if (kind === 'department') add(id.org, campaignId, year as number, participantId, source);
  }
  memberLines.forEach(({ source, id }, index) => {
    const { campaignId, year } = parseParticipantAggregateId(id.id);
    const postings = (members[index]?.postings ?? []) as { departmentId: string }[];
    for (const departmentId of new Set(postings.map((posting) => posting.departmentId))) add(id.org, campaignId, year as number, departmentId, source);
  });

  const moved = touched.filter(({ id, events, lowestDelivered }) => id.type === 'member' && (postingItems(id, events)[0]?.postingsVersion ?? 0) >= lowestDelivered);
  const cyclesOf = new Map<string, ReturnType<typeof scoredCycles>>();
  for (const { source, id, events } of moved) {
    if (!cyclesOf.has(id.org)) cyclesOf.set(id.org, scoredCycles(deps, id.org));
    const departments = postingItems(id, events)[0]?.departments ?? [];
    for (const { campaignId, year } of await cyclesOf.get(id.org)!) for (const departmentId of departments) add(id.org, campaignId, year, departmentId, source);
  }

  // A campaign's view appearing (its first event delivered): a member projected before it found none of its cycles.
  for (const { source, id, events } of touched.filter((each) => each.id.type === 'campaign' && each.lowestDelivered === 1)) {
    const definition = campaignItem(id, events).definition as CampaignDefinition | undefined;
    if (!definition) continue;
    for (let year = firstYear(definition); year <= lastYear(definition); year++) {
      const lines = scoreLinesOf(await queryViews(deps, scoresPartition(id.org, id.id, year), undefined, { consistent: true }));
      const scoredMembers = lines.filter((line) => line.participantKind === 'member');
      const views = await batchGetViews(deps, scoredMembers.map((line) => viewKeys.member(id.org, line.participantId)), { consistent: true });
      const departments = new Set([
        ...lines.filter((line) => line.participantKind === 'department').map((line) => line.participantId),
        ...views.flatMap((view) => ((view?.postings ?? []) as { departmentId: string }[]).map((posting) => posting.departmentId)),
      ]);
      for (const departmentId of departments) add(id.org, id.id, year, departmentId, source);
    }
  }
  return [...targets.values()];
};

/**
 * Computes again, and writes if newer, the department summaries a batch changed (after its own writes). Returns the
 * number written and the sources of those that failed (they are delivered again).
 */
export const refreshSummaries = async (deps: Deps, touched: readonly Touched[]) => {
  const failed: string[] = [];
  let written = 0;
  let targets: Target[] = [];
  try {
    targets = await targetsOf(deps, touched);
  } catch (error) {
    deps.log('error', 'department summaries failed', { error: String(error) });
    return { written, failed: touched.filter(({ id }) => ['evaluation', 'member', 'campaign'].includes(id.type)).map(({ source }) => source) };
  }
  await mapWithConcurrency(targets, CONCURRENCY, async ({ sources, ...ids }) => {
    try {
      const { postings, lines } = await loadDepartmentCycle(deps, ids, { consistent: true, everyone: true });
      const item = departmentSummaryItem(ids, postings, lines);
      if (item && (await writeViewIfNewer(deps, item))) written++;
    } catch (error) {
      deps.log('error', 'department summary failed', { ...ids, error: String(error) });
      failed.push(...sources);
    }
  });
  return { written, failed };
};
