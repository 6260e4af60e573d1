import { DeleteCommand, ScanCommand, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';
import { type StoredEvent, parseStreamKey } from '../../events/envelope';
import { type Deps, lambdaDeps } from '../deps';
import { writeViewIfNewer } from '../store/write-view';
import { type ViewItem, viewsOfStreams } from '../projections';
import { toStoredEvent } from '../store/event-store';
import type { SharedViewItem } from '../store/write-entries';

const scanAll = async (deps: Deps, table: string): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page: ScanCommandOutput = await deps.db.send(new ScanCommand({ TableName: table, ExclusiveStartKey: startKey, ConsistentRead: true }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
};

/** Every view, computed from the events table alone: what the views table must equal. */
export const computeViews = async (deps: Deps): Promise<(ViewItem | SharedViewItem)[]> => {
  const streams = new Map<string, StoredEvent[]>();
  for (const item of await scanAll(deps, deps.tables.events)) {
    const event = toStoredEvent(item);
    streams.set(event.pk, [...(streams.get(event.pk) ?? []), event]);
  }
  return viewsOfStreams([...streams].map(([pk, events]) => ({ id: parseStreamKey(pk), events: events.sort((a, b) => a.version - b.version) })));
};

/**
 * An item an older release laid out that no projection writes any more and no read reads (a department's score item
 * with an entry per participant, before lines were items of their own). The local runtime removes them at start;
 * on AWS no function may delete a view (access.ts), so they stay, read by no handler (scoreLinesOf skips them), until
 * removed by hand.
 */
export const isOlderLayout = (item: Record<string, unknown>) => /#scores#/.test(String(item.pk)) && typeof item.filedIn !== 'string';

/** Deletes the stored items of an older layout; returns how many. */
export const removeOlderLayouts = async (deps: Deps, stored: readonly Record<string, unknown>[]) => {
  const older = stored.filter(isOlderLayout);
  for (const item of older) await deps.db.send(new DeleteCommand({ TableName: deps.tables.views, Key: { pk: item.pk, sk: item.sk } }));
  return older.length;
};

/** The views table as stored, for comparing with a rebuild. */
export const storedViews = (deps: Deps) => scanAll(deps, deps.tables.views);

/** Canonical form for comparison: marshalling drops undefined fields, and key order must not matter. */
const canonical = (item: Record<string, unknown>) => JSON.stringify(item, (_key, value) => (value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b))) : value));

/** Differences between the views table and a rebuild from the events: empty when the projector kept up. */
export const diffViews = async (deps: Deps) => {
  const expected = new Map((await computeViews(deps)).map((item) => [`${item.pk}\n${item.sk}`, canonical(item)]));
  const actual = new Map((await storedViews(deps)).map((item) => [`${item.pk}\n${item.sk}`, canonical(item)]));
  const keys = new Set([...expected.keys(), ...actual.keys()]);
  return [...keys].filter((key) => expected.get(key) !== actual.get(key)).map((key) => ({ key, expected: expected.get(key), actual: actual.get(key) }));
};

/**
 * Replays the events into the views: reports each view item that differed from its rebuild, then writes the
 * rebuilt ones (newer-wins, as the projector does). `npm run rebuild` locally; as a one-off Lambda on AWS.
 */
export const rebuildViews = async (deps: Deps) => {
  const differences = await diffViews(deps);
  let written = 0;
  for (const item of await computeViews(deps)) if (await writeViewIfNewer(deps, item)) written++;
  return { differences: differences.map(({ key, expected, actual }) => ({ key: key.replace('\n', ' / '), missing: actual === undefined, stale: actual !== undefined && expected !== undefined, orphan: expected === undefined })), written };
};

export const handler = async () => rebuildViews(lambdaDeps());
