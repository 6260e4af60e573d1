import type { CycleFacts } from '../../domain/awards/cycle-eligibility';
import type { DecisionCommand } from '../../domain/decisions/decider';
import { loadCycleFacts } from './cycle-facts';
import type { RouteHandler } from './types';

const NO_FACTS: CycleFacts = { members: new Map(), departments: new Map() };

/**
 * The facts a decision's recipients are judged on (the cycle's, as GET eligibility reads them), without what this
 * decision granted before (a correction restates it whole). A revocation judges nobody.
 */
export const decisionCycleFacts = async (deps: Parameters<RouteHandler>[1], org: string, decisionId: string, command: DecisionCommand): Promise<CycleFacts> =>
  command.type === 'RecordDecision' ? (await loadCycleFacts(deps, org, command.draft.campaignId, command.draft.year, decisionId)).facts : NO_FACTS;
