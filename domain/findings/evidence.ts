/** What a finding looks like to the evidence rule (its view or its content). */
export interface DatedFinding {
  readonly date: string;
  readonly status: string;
  readonly closedOn: string | null;
}

/**
 * The findings that bear on a year's self-inspection criterion: those found during the year, and older ones that
 * were still being corrected in it (open, or closed that year). Dates are "YYYY-MM-DD", compared as text.
 */
export const findingsOfYear = <F extends DatedFinding>(findings: readonly F[], year: number): F[] => {
  const [start, end] = [`${year}-01-01`, `${year}-12-31`];
  return findings.filter((finding) => {
    if (finding.date > end) return false;
    if (finding.date >= start) return true;
    return finding.status === 'open' || (finding.closedOn !== null && finding.closedOn >= start);
  });
};
