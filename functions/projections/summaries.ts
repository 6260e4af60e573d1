import { cycleRosterDate } from '../../domain/organization/roster';
import { summarizeDepartment } from '../../domain/evaluation/ranking';
import { type FiledLine, type ScoreEntry, blindLine } from './evaluation';
import type { PostingItem } from './postings';
import { viewKeys } from '../store/view-keys';
import type { ViewItem } from '.';

/** A department's postings as its summary reads them (the index items of functions/projections/postings.ts). */
export type SummaryPosting = Pick<PostingItem, 'memberId' | 'from' | 'until' | 'departments' | 'postingsVersion'>;

/**
 * A summary's version weighs its postings above its lines: a member moving out takes its line's version away, but
 * its postings' version grows by more than any department's lines ever sum to, so the version still grows.
 */
export const POSTINGS_WEIGHT = 2 ** 24;

/** Whether a posting covers `date` (YYYY-MM-DD), as roster.ts reads postings. */
const covers = (posting: SummaryPosting, date: string) => (posting.from === null || posting.from <= date) && (posting.until === null || date < posting.until);

/** The members a department counts for a cycle (those there on its review date), from its postings ever. */
export const countedMembers = (postings: readonly SummaryPosting[], year: number): string[] => {
  const date = cycleRosterDate(year);
  return [...new Set(postings.filter((posting) => covers(posting, date)).map((posting) => posting.memberId))];
};

/**
 * A member's line of a cycle, if it is filed under one of the departments the member was ever in (its postings say
 * which): the lookup a department's reads and its summary share, so both find the same lines.
 */
export const memberLine = (lines: ReadonlyMap<string, FiledLine>, posting: Pick<SummaryPosting, 'memberId' | 'departments'>): FiledLine | undefined => {
  const line = lines.get(`member:${posting.memberId}`);
  return line && posting.departments.includes(line.filedIn) ? line : undefined;
};

/**
 * A department's summary of a cycle: the figures that rank it (collective score, members' mean, as every reader
 * sees them and as a blind reader does) and whether it is final, from its members on the review date and their
 * lines, whichever department a line was filed in. Pure: the projector computes it from what it reads back, a
 * rebuild from the events, to the same item.
 *
 * It exists once anything of the department is scored (its collective sheet, or a line of anyone ever posted there,
 * which stays so). Its version is the postings' versions of every posting ever there (weighted, POSTINGS_WEIGHT)
 * and the lines' versions of those it counts: it grows with every change of what it is computed from, and only the
 * summary computed from every input's latest state has the greatest, so with the strict `<` of every view write a
 * summary computed by a batch that read older inputs never replaces it, whatever order concurrent batches write in.
 */
export const departmentSummaryItem = (
  ids: { org: string; campaignId: string; year: number; departmentId: string },
  postings: readonly SummaryPosting[],
  lines: ReadonlyMap<string, FiledLine>,
): ViewItem | null => {
  const { org, campaignId, year, departmentId } = ids;
  const postingsOf = new Map<string, SummaryPosting>();
  for (const posting of postings) {
    const known = postingsOf.get(posting.memberId);
    if (!known || known.postingsVersion < posting.postingsVersion) postingsOf.set(posting.memberId, posting);
  }
  const collective = lines.get(`department:${departmentId}`);
  const everScored = [...postingsOf.values()].some((posting) => memberLine(lines, posting));
  if (!collective && !everScored) return null;
  const counted = countedMembers(postings, year);
  const counting: ScoreEntry[] = [
    ...(collective ? [collective] : []),
    ...counted.flatMap((memberId) => memberLine(lines, postingsOf.get(memberId)!) ?? []),
  ];
  // Over every posting item, not one per member: a snapshot that read some of a member's items before their last
  // write sums less than one that read them all, so a half-updated roster never carries the final version.
  const postingsVersion = postings.reduce((sum, posting) => sum + posting.postingsVersion, 0);
  const linesVersion = counting.reduce((sum, line) => sum + line.version, 0);
  const open = summarizeDepartment(departmentId, '', counting, counted);
  const blind = summarizeDepartment(departmentId, '', counting.map(blindLine), counted);
  return {
    ...viewKeys.departmentSummary(org, campaignId, year, departmentId),
    // Nothing but what ranks it (its keys name the cycle and the department): a head reads one per department.
    version: postingsVersion * POSTINGS_WEIGHT + linesVersion,
    // [collective score, members' mean], as every reader sees them and as a blind reader does (blind-scores.ts).
    open: [open.collectiveScore, open.membersMean] satisfies RankFigures,
    blind: [blind.collectiveScore, blind.membersMean] satisfies RankFigures,
    final: open.final,
  };
};

/** What ranks a department: its collective score and its members' mean (domain/evaluation/ranking.ts). */
export type RankFigures = readonly [collectiveScore: number | null, membersMean: number | null];

/** Score lines keyed for memberLine: `<kind>:<participantId>`. */
export const linesByParticipant = (lines: readonly FiledLine[]) => new Map(lines.map((line) => [`${line.participantKind}:${line.participantId}`, line]));
