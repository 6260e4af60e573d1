/**
 * Where each read model lives in the views table. One item per aggregate, grouped by partition so a board or a
 * list is one Query: the roster of an organization, its campaigns, the pledges of one cycle.
 */
export type PledgeYear = number | 'campaign';

export const viewKeys = {
  /** The organization's profile: one item, read with the other loads of every document it issues. */
  organization: (org: string) => ({ pk: `${org}#organization`, sk: 'profile' }),
  department: (org: string, departmentId: string) => ({ pk: `${org}#departments`, sk: departmentId }),
  member: (org: string, memberId: string) => ({ pk: `${org}#members`, sk: memberId }),
  campaign: (org: string, campaignId: string) => ({ pk: `${org}#campaigns`, sk: campaignId }),
  pledge: (org: string, campaignId: string, year: PledgeYear, kind: string, participantId: string) => ({
    pk: pledgePartition(org, campaignId, year),
    sk: `${kind}#${participantId}`,
  }),
  initiative: (org: string, campaignId: string, year: number, initiativeId: string) => ({ pk: `${org}#initiatives#${campaignId}#${year}`, sk: initiativeId }),
  discipline: (org: string, year: number, memberId: string) => ({ pk: `${org}#discipline#${year}`, sk: memberId }),
  decision: (org: string, campaignId: string, year: number, decisionId: string) => ({ pk: `${org}#decisions#${campaignId}#${year}`, sk: decisionId }),
  /** A large decision's further pages of awards (its first is in its item above), one item per page: `00001`, …. */
  decisionAwards: (org: string, decisionId: string, page: number) => ({ pk: `${org}#decision-awards#${decisionId}`, sk: String(page).padStart(5, '0') }),
  /** Everything one recipient was ever granted, across cycles and campaigns (one shared item, an entry per award). */
  awards: (org: string, recipientKind: string, recipientId: string) => ({ pk: `${org}#awards#${recipientKind}`, sk: recipientId }),
  council: (org: string, campaignId: string, year: number) => ({ pk: `${org}#council`, sk: `${campaignId}:${year}` }),
  proposal: (org: string, campaignId: string, year: number, proposalId: string) => ({ pk: `${org}#proposals#${campaignId}#${year}`, sk: proposalId }),
  /**
   * One participant's score line, filed under the department of its sheet's first event (`filedIn`, stable for the
   * stream's life): a department's lines are then one Query of a key prefix, and a line that must count elsewhere
   * (its member moved) is found by key under one of the member's other departments (functions/department-roster.ts).
   */
  scoreLine: (org: string, campaignId: string, year: number, filedIn: string, kind: string, participantId: string) => ({
    pk: scoresPartition(org, campaignId, year),
    sk: `${scoreLinePrefix(filedIn)}${kind}:${participantId}`,
  }),
  /**
   * One posting of a member (its `index`-th, oldest first), under the department it was in: the department's
   * postings ever are one Query, from which its roster on any date follows (domain/organization/roster.ts).
   */
  posting: (org: string, departmentId: string, memberId: string, index: number) => ({ pk: postingsPartition(org, departmentId), sk: `${memberId}#${index}` }),
  /** A department's figures of a cycle (what ranks it), one small item each: a cycle's summaries are one Query. */
  departmentSummary: (org: string, campaignId: string, year: number, departmentId: string) => ({ pk: `${org}#summaries#${campaignId}#${year}`, sk: departmentId }),
  /**
   * One page of reminders sent (one event of a deadline's day): a cycle's are one partition, a deadline's a key
   * prefix, in the order sent. (Before pages, one item per deadline and day lived under `#reminders#`.)
   */
  reminderPage: (org: string, campaignId: string, year: number, deadline: string, day: string, version: number) => ({
    pk: reminderPartition(org, campaignId, year),
    sk: `${deadline}:${day}:${String(version).padStart(5, '0')}`,
  }),
  /** Self-inspection findings: the organization's are one Query, a department's a key prefix. */
  finding: (org: string, departmentId: string, findingId: string) => ({ pk: `${org}#findings`, sk: `${departmentId}:${findingId}` }),
} as const;

/** The score lines of one cycle, one per participant, grouped by the department they were filed in: the whole cycle is one Query, a department's a key prefix. */
export const scoresPartition = (org: string, campaignId: string, year: number) => `${org}#scores#${campaignId}#${year}`;
export const scoreLinePrefix = (departmentId: string) => `${departmentId}#`;

export const postingsPartition = (org: string, departmentId: string) => `${org}#postings#${departmentId}`;

export const reminderPartition = (org: string, campaignId: string, year: number) => `${org}#reminder-pages#${campaignId}#${year}`;

export const pledgePartition = (org: string, campaignId: string, year: PledgeYear) => `${org}#pledges#${campaignId}#${year}`;

/** Every campaign of every organization is also indexed here, for the schedules (a sparse GSI). */
export const CAMPAIGN_INDEX = { name: 'byKind', partition: 'campaigns' } as const;

/** The aggregate id of a participant's record in a cycle (a pledge, an evaluation): `<campaignId>:<year|campaign>:<kind>:<participantId>` (slugs never hold ':'). */
export const participantAggregateId = (campaignId: string, year: PledgeYear, kind: string, participantId: string) =>
  `${campaignId}:${year}:${kind}:${participantId}`;

export const parseParticipantAggregateId = (id: string) => {
  const [campaignId, year, kind, participantId] = id.split(':');
  return { campaignId, year: (year === 'campaign' ? 'campaign' : Number(year)) as PledgeYear, kind, participantId };
};
