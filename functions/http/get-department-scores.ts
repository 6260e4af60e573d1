import { slug } from '../../events/text';
import { hasRole } from '../../domain/actor';
import { refuse } from '../../domain/errors';
import { rankDepartments, rankMembers, summarizeDepartment } from '../../domain/evaluation/ranking';
import { visibleDepartment } from '../../domain/policies';
import { httpHandler } from './handler';
import { cycleParams } from './respond';
import { loadScores } from './score-lines';
import type { RouteHandler } from './types';

/**
 * GET …/cycles/{year}/departments/{departmentId}/scores: one department's figures, its rank among departments,
 * and its members ranked within it (provisional until final). A member sees only its own line.
 */
export const route: RouteHandler = async (request, deps) => {
  const { org, campaignId, year, departmentId } = cycleParams.extend({ departmentId: slug }).parse(request.params);
  const { actor } = request;
  if (!visibleDepartment(actor, departmentId) && !hasRole(actor, 'council')) refuse('forbidden', 'you may not read this department');
  const scores = await loadScores(deps, org, campaignId, year);
  const department = scores.departments.find((each) => each.sk === departmentId) ?? refuse('not-found', `no department "${departmentId}"`);
  const summaries = scores.departments.map((each) => summarizeDepartment(each.sk, each.name as string, scores.lines(each.sk), scores.rosterOf(each.sk).map((member) => member.sk)));
  const summary = rankDepartments(summaries).find((each) => each.departmentId === departmentId)!;
  const lines = new Map(scores.lines(departmentId).map((line) => [`${line.participantKind}:${line.participantId}`, line]));
  const members = rankMembers(
    scores.rosterOf(departmentId).map((member) => {
      const line = lines.get(`member:${member.sk}`);
      return { memberId: member.sk, fullName: member.fullName as string, status: line?.status ?? 'none', percent: line?.percent ?? null, grade: line?.grade ?? null, gradeLabel: line?.gradeLabel ?? null, final: line?.final ?? false, subtotals: line?.subtotals ?? {} };
    }),
  );
  const ownOnly = !hasRole(actor, 'office', 'leader', 'council', 'head');
  return {
    status: 200,
    body: {
      campaignId,
      year,
      ...summary,
      name: department.name,
      collective: lines.get(`department:${departmentId}`) ?? null,
      members: ownOnly ? members.filter((member) => member.memberId === actor.member) : members,
    },
  };
};

export const handler = httpHandler(route);
