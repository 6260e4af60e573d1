import { loadCampaignTitle } from '../exports/campaign-title';
import { loadIssuer } from '../exports/issuer';
import { registrationsCsv, registrationsXlsx } from '../exports/registrations-file';
import { ExportQuery } from './export-request';
import { httpHandler } from './handler';
import { loadRegistrationBoard } from './registration-board';
import { cycleParams } from './respond';
import type { RouteHandler } from './types';

/**
 * GET …/cycles/{year}/exports/registrations?format=xlsx|csv: the registration board as the official list, with
 * exactly the rows the board shows this actor (a member: its department's collective row and its own).
 */
export const route: RouteHandler = async (request, deps) => {
  const { org, campaignId, year } = cycleParams.parse(request.params);
  const { format } = ExportQuery.parse(request.query);
  const [board, campaignTitle, issuer] = await Promise.all([loadRegistrationBoard(deps, org, campaignId, year, request.actor), loadCampaignTitle(deps, org, campaignId), loadIssuer(deps, org)]);
  const file = format === 'csv' ? registrationsCsv(board, campaignTitle) : await registrationsXlsx(board, campaignTitle, issuer);
  return { status: 200, file };
};

export const handler = httpHandler(route);
