import type { Deps } from '../deps';
import { type ViewRecord, batchGetViews } from '../store/views';
import { viewKeys } from '../store/view-keys';

/** Who issues an organization's documents, as their header names it: its profile (PUT /orgs/{org}/profile). */
export interface Issuer {
  readonly name: string;
  readonly parentBody?: string;
  /** The place on the date line; dots to fill in by hand while the profile is not set. */
  readonly place: string;
  /** The ký hiệu in document numbers; absent while the profile is not set (the number is then left to fill in). */
  readonly abbreviation?: string;
}

/** What a header leaves blank, to be filled in by hand. */
const BLANK_PLACE = '……………';

/** The issuer from the profile's view item; without one, the organization's id names it, as a clue to set it. */
export const issuerOf = (org: string, profile: ViewRecord | undefined): Issuer =>
  profile
    ? { name: profile.name as string, parentBody: profile.parentBody as string | undefined, place: profile.place as string, abbreviation: profile.abbreviation as string }
    : { name: org, place: BLANK_PLACE };

/** One GetItem (a BatchGetItem of one key): callers start it with their other loads, never before them. */
export const loadIssuer = async (deps: Deps, org: string): Promise<Issuer> => issuerOf(org, (await batchGetViews(deps, [viewKeys.organization(org)]))[0]);
