import type * as z from 'zod';
import { CampaignEvent } from './campaign';
import { DecisionEvent } from './decision';
import { DisciplineEvent } from './discipline';
import type { AggregateType } from './envelope';
import { EvaluationEvent } from './evaluation';
import { FindingEvent } from './finding';
import { InitiativeEvent } from './initiative';
import { DepartmentEvent, MemberEvent, OrganizationEvent } from './organization';
import { PledgeEvent } from './pledge';
import { ReminderEvent } from './reminder';
import { CouncilEvent, ProposalEvent } from './voting';

/** Every aggregate type and the schema of its events: the one place to find an event by name. */
export const EVENT_SCHEMAS: Record<AggregateType, z.ZodType> = {
  organization: OrganizationEvent,
  department: DepartmentEvent,
  member: MemberEvent,
  campaign: CampaignEvent,
  pledge: PledgeEvent,
  evaluation: EvaluationEvent,
  initiative: InitiativeEvent,
  discipline: DisciplineEvent,
  decision: DecisionEvent,
  council: CouncilEvent,
  proposal: ProposalEvent,
  reminder: ReminderEvent,
  finding: FindingEvent,
};
