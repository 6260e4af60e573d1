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
export const EVENT_SCHEMAS = {
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
} satisfies Record<AggregateType, z.ZodType>;

/** The name of every event the store holds (the console's labels are checked against it). */
export type EventType = z.output<(typeof EVENT_SCHEMAS)[AggregateType]>['type'];
