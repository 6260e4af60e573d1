import type { Campaign } from '../types';

export interface ScoredItem {
  readonly code: string;
  readonly label: string;
  readonly maxScore: number;
}

/** What is scored, as the campaign defines it: a criterion's sub-criteria when it has them, else the criterion. */
export const scoredItems = (campaign: Campaign): ScoredItem[] =>
  campaign.criteria.flatMap((criterion) => (criterion.subCriteria?.length ? criterion.subCriteria.map((sub) => ({ ...sub, label: `${criterion.label} — ${sub.label}` })) : [criterion]));
