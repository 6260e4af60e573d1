import { loadCampaignTitle } from '../exports/campaign-title';
import { scoreboardXlsx } from '../exports/scoreboard-file';
import { httpHandler } from './handler';
import { cycleParams } from './respond';
import { loadScoreboard, rankedMembers, visibleMembers } from './scoreboard';
import type { RouteHandler } from './types';

/**
 * GET …/cycles/{year}/exports/scoreboard: the scoreboard as .xlsx, the rows the JSON scoreboard shows this actor;
 * with the members' lines of each of those departments as its department page shows them (a member: its own).
 * A department's grade is its collective result's, shown once final (as on its department page).
 */
export const route: RouteHandler = async (request, deps) => {
  const { org, campaignId, year } = cycleParams.parse(request.params);
  const [{ board, scores }, campaignTitle] = await Promise.all([loadScoreboard(deps, org, campaignId, year, request.actor), loadCampaignTitle(deps, org, campaignId)]);
  const members = board.departments.map((row) => ({ department: row.name, lines: visibleMembers(request.actor, rankedMembers(scores, row.departmentId)) }));
  return { status: 200, file: await scoreboardXlsx({ board, members, campaignTitle }) };
};

export const handler = httpHandler(route);
