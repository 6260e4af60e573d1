import type { Deps } from './deps';
import { publicView, queryViews } from './store/views';
import { viewKeys } from './store/view-keys';

/**
 * Self-inspection findings from the views: the organization's (one Query), or one department's (its key prefix),
 * optionally only the open or the closed ones. Read by the findings list, the department's page and the score
 * sheet's evidence.
 */
export const loadFindings = async (deps: Deps, org: string, departmentId?: string, status?: 'open' | 'closed') => {
  const items = await queryViews(deps, viewKeys.finding(org, '', '').pk, departmentId === undefined ? undefined : `${departmentId}:`);
  return items.filter((item) => status === undefined || item.status === status).map(publicView);
};
