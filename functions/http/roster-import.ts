import { hasRole } from '../../domain/actor';
import { refuse } from '../../domain/errors';
import { departmentDecider } from '../../domain/organization/department';
import { memberDecider } from '../../domain/organization/member';
import { type ImportPlan, type PlannedRow, type RosterMember, planImport } from '../../domain/organization/roster-import';
import { vnIsoDate } from '../../domain/time';
import { type CommandRequest, executeCommand } from '../command';
import { mapWithConcurrency } from '../concurrency';
import type { Deps } from '../deps';
import { postingsOf } from '../roster';
import { readRosterFile } from '../roster-import/read-roster-file';
import { ROSTER_FILE_BODY_BYTES, RosterImportBody } from '../roster-import/import-request';
import { queryViews } from '../store/views';
import { viewKeys } from '../store/view-keys';
import { httpHandler } from './handler';
import { HttpProblem } from './problem';
import { orgParams } from './respond';
import type { RouteHandler } from './types';

/** The roster as the planner reads it: departments and members from their views (two Queries at once). */
const loadRoster = async (deps: Deps, org: string) => {
  const [departments, members] = await Promise.all([queryViews(deps, viewKeys.department(org, '').pk), queryViews(deps, viewKeys.member(org, '').pk)]);
  return {
    departments: departments.map((item) => ({ departmentId: item.sk, name: item.name as string })),
    members: members.map((item): RosterMember => {
      const left = (item.left as { on: string } | null | undefined) ?? null;
      return { ...(item as unknown as RosterMember), memberId: item.sk, left, lastChange: left?.on ?? postingsOf(item).at(-1)?.from ?? null };
    }),
  };
};

/** How many commands run at once: enough to hide each one's round trips, few enough not to throttle a table. */
const CONCURRENCY = 16;

/**
 * The plan's commands: new departments first (members name them), then one or two per member row (a move has its
 * date; a changed name, position or e-mail is a profile update). Each decider writes nothing when nothing changes,
 * which is what makes a second run, or a run after a half-failed one, write only what is missing.
 */
const applyPlan = async (deps: Deps, org: string, plan: ImportPlan, effectiveOn: string, request: CommandRequest) => {
  let written = 0;
  const count = (result: { event: unknown; replayed: boolean }) => void (written += result.event && !result.replayed ? 1 : 0);
  await mapWithConcurrency(
    plan.departments.filter((department) => department.action === 'new-department'),
    CONCURRENCY,
    async (department) =>
      count(await executeCommand(deps, departmentDecider, { org, type: 'department', id: department.departmentId }, { type: 'SaveDepartment', profile: { name: department.name } }, { actor: request.actor }, request)),
  );
  const context = { actor: request.actor, departmentExists: true };
  const memberCommands = async (row: PlannedRow) => {
    const id = { org, type: 'member', id: row.memberId } as const;
    const profile = { fullName: row.fullName, departmentId: row.departmentId, ...(row.position ? { position: row.position } : {}), ...(row.email ? { email: row.email } : {}) };
    if (row.action === 'moved') count(await executeCommand(deps, memberDecider, id, { type: 'TransferMember', transfer: { departmentId: row.departmentId, on: effectiveOn } }, context, request));
    if (row.action === 'returned') count(await executeCommand(deps, memberDecider, id, { type: 'RecordReturn', return: { departmentId: row.departmentId, on: effectiveOn } }, context, request));
    if (row.action !== 'unchanged') count(await executeCommand(deps, memberDecider, id, { type: 'SaveMember', profile }, context, request));
  };
  await mapWithConcurrency(plan.rows, CONCURRENCY, memberCommands);
  return written;
};

/**
 * POST /orgs/{org}/roster-imports/preview and …/apply: the Office's staff list (.xlsx or .csv: STT, Họ và tên,
 * Chức vụ, Phòng/Đơn vị, Email, optional Mã; or the registration list this system exports). The preview says per
 * row what would happen and every refusal with its row and a Vietnamese reason, writing nothing; apply does it,
 * refusing the whole file (422, nothing written) while any row is refused.
 */
export const route: RouteHandler = async (request, deps) => {
  const { org } = orgParams.parse(request.params);
  if (!hasRole(request.actor, 'office')) refuse('forbidden', 'only the Office imports the roster');
  const { content, effectiveOn = vnIsoDate(deps.now()) } = RosterImportBody.parse(request.body);
  const [file, roster] = await Promise.all([readRosterFile(Buffer.from(content, 'base64')), loadRoster(deps, org)]);
  const planned = planImport(file.rows, roster.departments, roster.members, effectiveOn);
  const plan = { ...planned, refusals: [...file.refusals, ...planned.refusals].sort((a, b) => (a.sheet ?? '').localeCompare(b.sheet ?? '') || a.row - b.row) };
  const answer = { effectiveOn, sheets: file.sheets, ...plan, totals: { ...plan.totals, refused: plan.refusals.length } };
  if (request.path.endsWith('/preview')) return { status: 200, body: answer };
  if (plan.refusals.length > 0) throw new HttpProblem('import-has-refusals', `${plan.refusals.length} rows are refused: nothing was imported`, { refusals: plan.refusals });
  const written = await applyPlan(deps, org, plan, effectiveOn, { actor: request.actor, requestId: request.requestId, correlationId: request.correlationId });
  return { status: 200, body: { ...answer, written } };
};

export const handler = httpHandler(route, { maxBodyBytes: ROSTER_FILE_BODY_BYTES });
