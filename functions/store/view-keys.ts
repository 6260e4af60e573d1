/**
 * Where each read model lives in the views table. One item per aggregate, grouped by partition so a board or a
 * list is one Query: the roster of an organization, its campaigns, the pledges of one cycle.
 */
export type PledgeYear = number | 'campaign';

export const viewKeys = {
  department: (org: string, departmentId: string) => ({ pk: `${org}#departments`, sk: departmentId }),
  member: (org: string, memberId: string) => ({ pk: `${org}#members`, sk: memberId }),
  campaign: (org: string, campaignId: string) => ({ pk: `${org}#campaigns`, sk: campaignId }),
  pledge: (org: string, campaignId: string, year: PledgeYear, kind: string, participantId: string) => ({
    pk: pledgePartition(org, campaignId, year),
    sk: `${kind}#${participantId}`,
  }),
} as const;

export const pledgePartition = (org: string, campaignId: string, year: PledgeYear) => `${org}#pledges#${campaignId}#${year}`;

/** Every campaign of every organization is also indexed here, for the schedules (a sparse GSI). */
export const CAMPAIGN_INDEX = { name: 'byKind', partition: 'campaigns' } as const;

/** A pledge aggregate's id: `<campaignId>:<year|campaign>:<kind>:<participantId>` (slugs never hold ':'). */
export const pledgeAggregateId = (campaignId: string, year: PledgeYear, kind: string, participantId: string) =>
  `${campaignId}:${year}:${kind}:${participantId}`;

export const parsePledgeAggregateId = (id: string) => {
  const [campaignId, year, kind, participantId] = id.split(':');
  return { campaignId, year: (year === 'campaign' ? 'campaign' : Number(year)) as PledgeYear, kind, participantId };
};
