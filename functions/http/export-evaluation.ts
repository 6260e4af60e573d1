import { scoredCriteria } from '../../domain/evaluation/catalogue';
import { scoreSheetXlsx } from '../exports/score-sheet-file';
import { batchGetViews } from '../store/views';
import { viewKeys } from '../store/view-keys';
import { loadReadableEvaluation, selfInspectionEvidence } from './evaluation-read';
import { scoreSheet } from './evaluation-sheet';
import { httpHandler } from './handler';
import type { RouteHandler } from './types';

/**
 * GET …/cycles/{year}/evaluations/{participantId}/export: the score sheet as .xlsx, readable by exactly those
 * who read it as JSON, showing exactly the appraisals they may see there. The criteria and maxima are the
 * sheet's own snapshot (the campaign's current catalogue before any self-assessment); labels and names come
 * from the campaign and the roster. A department's self-inspection findings show as that criterion's evidence, to
 * whoever sees them on the JSON sheet.
 */
export const route: RouteHandler = async (request, deps) => {
  const evaluation = await loadReadableEvaluation(request, deps);
  const { state, participant, campaign, org, year } = evaluation;
  const sheet = scoreSheet(state, request.actor);
  const appraisers = sheet.appraisals.map(({ appraiser }) => appraiser);
  const [findings, [self, department, ...appraiserItems]] = await Promise.all([
    selfInspectionEvidence(deps, request.actor, evaluation),
    batchGetViews(deps, [
      viewKeys[participant.kind](org, participant.id),
      viewKeys.department(org, participant.departmentId),
      ...appraisers.map((memberId) => viewKeys.member(org, memberId)),
    ]),
  ]);
  // An appraiser is an assigned council member (on the roster) or the Office, known by its user id alone.
  const nameOf = (appraiser: string, index: number) =>
    (appraiserItems[index]?.fullName as string | undefined) ?? (state.appraisers.includes(appraiser) ? appraiser : 'Văn phòng');
  const names = new Map(appraisers.map((appraiser, index) => [appraiser, nameOf(appraiser, index)]));
  const catalogue = campaign?.definition ? scoredCriteria(campaign.definition) : [];
  const labelOf = new Map(catalogue.map((criterion) => [criterion.code, criterion.label]));
  const criteria = state.catalogue.length > 0 ? state.catalogue.map((each) => ({ ...each, label: labelOf.get(each.code) ?? each.code })) : catalogue;
  const file = await scoreSheetXlsx({
    year,
    campaignTitle: campaign?.definition?.title ?? '',
    participantName: ((self?.fullName ?? self?.name) as string | undefined) ?? participant.id,
    department: (department?.name as string | undefined) ?? participant.departmentId,
    kind: participant.kind,
    sheet,
    criteria,
    nameOf: (appraiser) => names.get(appraiser) ?? appraiser,
    findings,
  });
  return { status: 200, file };
};

export const handler = httpHandler(route);
