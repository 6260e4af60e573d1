import type { Deps } from './deps';
import { type FiledLine, scoreLinesOf } from './projections/evaluation';
import type { PostingItem } from './projections/postings';
import { countedMembers, linesByParticipant, memberLine } from './projections/summaries';
import { type ViewRecord, batchGetViews, queryViews } from './store/views';
import { postingsPartition, scoreLinePrefix, scoresPartition, viewKeys } from './store/view-keys';

/** Everyone ever posted in a department: its postings' Query, in proportion to the department. */
export const loadPostings = async (deps: Deps, org: string, departmentId: string, consistent = false) =>
  (await queryViews(deps, postingsPartition(org, departmentId), undefined, { consistent })) as unknown as PostingItem[];

/** The latest posting item of each member among a department's postings (all of a member's carry its departments). */
const byMember = (postings: readonly PostingItem[]) => {
  const latest = new Map<string, PostingItem>();
  for (const posting of postings) if ((latest.get(posting.memberId)?.version ?? -1) < posting.version) latest.set(posting.memberId, posting);
  return latest;
};

/**
 * A department's roster for a cycle (the members there on its review date), shaped as member views are (`sk` the
 * member's id, `departmentId` this department), from its postings: what its board and its scores list.
 */
export const cycleRoster = (postings: readonly PostingItem[], year: number, departmentId: string): ViewRecord[] => {
  const latest = byMember(postings);
  return countedMembers(postings, year)
    .sort()
    .map((memberId) => {
      const { fullName, position, version } = latest.get(memberId)!;
      return { pk: postingsPartition('', departmentId), sk: memberId, version, memberId, fullName, ...(position === undefined ? {} : { position }), departmentId };
    });
};

/**
 * A department's postings ever and its score lines of a cycle, wherever each was filed: those filed under it (one
 * Query of a key prefix, beside the postings' Query) and, for a member that came from another department, its line
 * under those (by key, one BatchGetItem). Whose lines: the members it counts, or (`everyone`, for its summary)
 * everyone ever posted there. In proportion to the department, whatever the organization's size.
 */
export const loadDepartmentCycle = async (
  deps: Deps,
  ids: { org: string; campaignId: string; year: number; departmentId: string },
  { consistent = false, everyone = false } = {},
): Promise<{ postings: PostingItem[]; lines: Map<string, FiledLine> }> => {
  const { org, campaignId, year, departmentId } = ids;
  const [postings, filed] = await Promise.all([
    loadPostings(deps, org, departmentId, consistent),
    queryViews(deps, scoresPartition(org, campaignId, year), scoreLinePrefix(departmentId), { consistent }),
  ]);
  const lines = linesByParticipant(scoreLinesOf(filed));
  const counted = new Set(countedMembers(postings, year));
  const elsewhere = [...byMember(postings).values()].filter((posting) => (everyone || counted.has(posting.memberId)) && posting.departments.length > 1 && !memberLine(lines, posting));
  const keys = elsewhere.flatMap((posting) => posting.departments.filter((each) => each !== departmentId).map((each) => viewKeys.scoreLine(org, campaignId, year, each, 'member', posting.memberId)));
  if (keys.length > 0) for (const line of scoreLinesOf((await batchGetViews(deps, keys, { consistent })).filter((item) => item !== undefined))) lines.set(`member:${line.participantId}`, line);
  return { postings, lines };
};
