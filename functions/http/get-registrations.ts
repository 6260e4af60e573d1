import { hasRole } from '../../domain/actor';
import { refuse } from '../../domain/errors';
import { visibleDepartment } from '../../domain/policies';
import { type ViewRecord, queryViews } from '../store/views';
import { pledgePartition, viewKeys } from '../store/view-keys';
import { httpHandler } from './handler';
import { cycleParams } from './respond';
import type { RouteHandler } from './types';

const registration = (pledge: ViewRecord | undefined) => ({
  registered: pledge?.status === 'active',
  status: (pledge?.status as string | undefined) ?? 'none',
  submittedAt: pledge?.status === 'active' ? (pledge.submittedAt as string) : null,
  late: pledge?.status === 'active' ? (pledge.late as boolean) : false,
  targetTitles: pledge?.status === 'active' ? (pledge.targetTitles as string[]) : [],
});

/**
 * GET …/cycles/{year}/registrations: the registration board. Every department and member on the roster,
 * registered or not, from three Queries of the views table (departments, members, the cycle's pledges).
 * The Office and the leadership see the whole organization; a head its department; a member its own row.
 */
export const route: RouteHandler = async (request, deps) => {
  const { org, campaignId, year } = cycleParams.parse(request.params);
  const { actor } = request;
  if (!hasRole(actor, 'office', 'leader', 'head', 'member')) refuse('forbidden', 'this role does not read the registration board');
  const [departments, members, pledges] = await Promise.all([
    queryViews(deps, viewKeys.department(org, '').pk),
    queryViews(deps, viewKeys.member(org, '').pk),
    queryViews(deps, pledgePartition(org, campaignId, year)),
  ]);
  const pledgeOf = new Map(pledges.map((pledge) => [pledge.sk, pledge]));
  const ownOnly = !hasRole(actor, 'office', 'leader', 'head');

  const rows = departments
    .filter((department) => visibleDepartment(actor, department.sk))
    .map((department) => ({
      departmentId: department.sk,
      name: department.name as string,
      ...registration(pledgeOf.get(`department#${department.sk}`)),
      members: members
        .filter((member) => member.departmentId === department.sk && (!ownOnly || member.sk === actor.member))
        .map((member) => ({
          memberId: member.sk,
          fullName: member.fullName as string,
          position: (member.position as string | undefined) ?? null,
          ...registration(pledgeOf.get(`member#${member.sk}`)),
        })),
    }));

  const everyone = rows.flatMap((row) => [row, ...row.members]);
  const totals = {
    departments: rows.length,
    departmentsRegistered: rows.filter((row) => row.registered).length,
    members: everyone.length - rows.length,
    membersRegistered: everyone.filter((row) => 'memberId' in row && row.registered).length,
    late: everyone.filter((row) => row.late).length,
  };
  return { status: 200, body: { campaignId, year, departments: rows, totals } };
};

export const handler = httpHandler(route);
