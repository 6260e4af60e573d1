import type { CampaignDefinition, CampaignEvent } from '../../events/campaign';
import type { Actor } from '../actor';
import { structurallyEqual } from '../canonical-json';
import type { Decider } from '../decider';
import { refuse } from '../errors';
import { requireOffice, requireSystem } from '../policies';
import { vnDate } from '../time';
import { type EvaluationWindowName, windowDueTimes } from '../evaluation/windows';
import { currentCycleYear, hasCycle, periodEndsAt, registrationClosesAt } from './calendar';

export type CampaignCommand =
  | { readonly type: 'DefineCampaign'; readonly definition: CampaignDefinition }
  | { readonly type: 'OpenCycle'; readonly year: number }
  | { readonly type: 'CloseRegistration'; readonly year: number }
  | { readonly type: 'EndCampaign' }
  | { readonly type: 'RecordEvaluationWindow'; readonly year: number; readonly window: EvaluationWindowName };

export interface CampaignState {
  readonly definition: CampaignDefinition | null;
  readonly openedCycles: readonly number[];
  /** Year → the deadline that was closed, as recorded by the close-registration schedule. */
  readonly closedRegistrations: Readonly<Record<string, string>>;
  readonly ended: boolean;
  /** Year → the evaluation windows the scheduler recorded, with when they fell due. */
  readonly evaluationWindows: Readonly<Record<string, Partial<Record<EvaluationWindowName, string>>>>;
}

export interface CampaignContext {
  readonly actor: Actor;
  readonly now: Date;
}

const initialState: CampaignState = { definition: null, openedCycles: [], closedRegistrations: {}, ended: false, evaluationWindows: {} };

const evolve = (state: CampaignState, event: CampaignEvent): CampaignState => {
  switch (event.type) {
    case 'CampaignLaunched':
      return {
        ...state,
        definition: event.data.definition,
        openedCycles: event.data.openedCycle === null ? [] : [event.data.openedCycle],
      };
    case 'CampaignRedefined':
      return { ...state, definition: event.data.definition };
    case 'CycleOpened':
      return { ...state, openedCycles: [...state.openedCycles, event.data.year] };
    case 'RegistrationClosed':
      return { ...state, closedRegistrations: { ...state.closedRegistrations, [event.data.year]: event.data.deadline } };
    case 'CampaignEnded':
      return { ...state, ended: true };
    case 'EvaluationWindowRecorded': {
      const { year, window, at } = event.data;
      return { ...state, evaluationWindows: { ...state.evaluationWindows, [year]: { ...state.evaluationWindows[year], [window]: at } } };
    }
  }
};

const decide = (command: CampaignCommand, state: CampaignState, { actor, now }: CampaignContext): CampaignEvent[] => {
  if (command.type === 'DefineCampaign') {
    requireOffice(actor);
    if (state.ended) refuse('campaign-ended', 'the campaign has ended; start a new one');
    if (!state.definition) {
      // Created mid-period: the running year's cycle opens at once; earlier years are past.
      return [{ type: 'CampaignLaunched', data: { definition: command.definition, openedCycle: currentCycleYear(command.definition, now) } }];
    }
    return structurallyEqual(state.definition, command.definition)
      ? []
      : [{ type: 'CampaignRedefined', data: { definition: command.definition } }];
  }

  requireSystem(actor);
  const definition = state.definition ?? refuse('not-found', 'no such campaign');
  if (state.ended) return [];
  switch (command.type) {
    case 'OpenCycle':
      return hasCycle(definition, command.year) && !state.openedCycles.includes(command.year) && vnDate(now).year >= command.year
        ? [{ type: 'CycleOpened', data: { year: command.year } }]
        : [];
    case 'CloseRegistration': {
      const closesAt = registrationClosesAt(definition, command.year);
      return hasCycle(definition, command.year) && now >= closesAt && !(command.year in state.closedRegistrations)
        ? [{ type: 'RegistrationClosed', data: { year: command.year, deadline: closesAt.toISOString() } }]
        : [];
    }
    case 'EndCampaign':
      return now >= periodEndsAt(definition) ? [{ type: 'CampaignEnded', data: { endDate: definition.period.end } }] : [];
    case 'RecordEvaluationWindow': {
      const due = windowDueTimes(state, command.year)[command.window];
      const recorded = command.window in (state.evaluationWindows[command.year] ?? {});
      return hasCycle(definition, command.year) && now >= due && !recorded
        ? [{ type: 'EvaluationWindowRecorded', data: { year: command.year, window: command.window, at: due.toISOString() } }]
        : [];
    }
  }
};

export const campaignDecider: Decider<CampaignCommand, CampaignEvent, CampaignState, CampaignContext> = {
  initialState,
  evolve,
  decide,
};
