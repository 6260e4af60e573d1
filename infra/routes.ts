import { DECISION_BODY_BYTES } from '../functions/http/award-request';
import { ROSTER_FILE_BODY_BYTES } from '../functions/roster-import/import-request';
import { CAMPAIGN_INDEX } from '../functions/store/view-keys';

/**
 * The one description of how handlers meet the world: HTTP routes, stream subscriptions, schedules and tables.
 * `infra/aws` (CDK) and `infra/local` (embedded runtime) both wire exactly this, so a route added here shows up
 * in both. Each entry file exports `handler` (the Lambda) and, for the local runtime, `route` (HTTP), `run`
 * (schedules) or `handleRecords` (streams): the same code with the runtime's dependencies passed in.
 */
export type TableAccess = { readonly events?: 'read' | 'write'; readonly views?: 'read' | 'write' };

export interface RouteSpec {
  readonly method: 'GET' | 'PUT' | 'DELETE' | 'POST';
  readonly path: string;
  readonly entry: string;
  readonly summary: string;
  readonly access: TableAccess;
  readonly public?: boolean;
  /**
   * The evidence bucket (functions/evidence): `upload` signs PUTs and reads what was stored (evidence/*), `read` signs
   * GETs of evidence/*, `archive` reads evidence/* and writes archives/*. On AWS only these functions get the bucket.
   */
  readonly evidence?: 'upload' | 'read' | 'archive';
  /** A JSON body larger than the default 64 KB (the entry's handler is built with the same limit). */
  readonly maxBodyBytes?: number;
  /** A longer timeout than an HTTP function's 10 s (at most API Gateway's 30 s), on AWS and locally alike. */
  readonly timeoutSeconds?: number;
  /** Reads sign-in accounts (functions/accounts): on AWS it gets the pool's id and cognito-idp read calls on it. */
  readonly managesAccounts?: boolean;
}

/** The methods a route answers: a GET route answers HEAD too, as GET without a body (RFC 9110 §9.3.2). */
export const routeMethods = (route: Pick<RouteSpec, 'method'>): readonly string[] => (route.method === 'GET' ? ['GET', 'HEAD'] : [route.method]);

const ORG = '/orgs/{org}';
const CAMPAIGN = `${ORG}/campaigns/{campaignId}`;
const CYCLE = `${CAMPAIGN}/cycles/{year}`;
const EVALUATION = `${CYCLE}/evaluations/{participantId}`;

const INITIATIVE = `${CYCLE}/initiatives/{initiativeId}`;

const MEMBER_MOVE_SUMMARIES: Record<string, string> = {
  transfer: 'Move a member to another department from a date',
  leave: 'Record that a member leaves the agency on a date',
  return: 'Record that a member who left comes back, into a department, from a date',
};

const INITIATIVE_SUMMARIES: Record<string, string> = {
  review: 'Send an initiative to review',
  recognize: 'Recognize an initiative at base level',
  reject: 'Reject an initiative, with a reason',
  'propose-upward': 'Propose a recognized initiative upward',
  'recognize-province-wide': "Record the province's decision recognizing an initiative's province-wide effect",
};

const PROPOSAL = `${CYCLE}/proposals/{proposalId}`;

const PROPOSAL_SUMMARIES: Record<string, string> = {
  open: 'Open the voting session',
  ballot: "Cast the caller's secret ballot",
  'written-opinion': "Record an absent member's written opinion",
  close: 'Close the session: tally and minutes',
};

const EVALUATION_SUMMARIES: Record<string, string> = {
  'self-assessment': 'Save or submit a self-assessment',
  return: 'Return a submitted self-assessment for correction',
  appraisers: 'Assign appraisers',
  appraisal: "Submit the caller's appraisal",
  finalize: 'Finalize the result',
  correct: 'Correct a final result, with a reason',
};

export const ROUTES: readonly RouteSpec[] = [
  { method: 'GET', path: '/health', entry: 'functions/http/health.ts', summary: 'Liveness', access: {}, public: true },
  { method: 'GET', path: '/openapi.json', entry: 'functions/http/get-openapi.ts', summary: 'This API described (OpenAPI 3.1)', access: {}, public: true },
  { method: 'PUT', path: `${ORG}/profile`, entry: 'functions/http/put-organization-profile.ts', summary: "Set the organization's profile: its name, superior body, place and ký hiệu for documents", access: { events: 'write' } },
  { method: 'GET', path: `${ORG}/profile`, entry: 'functions/http/get-organization-profile.ts', summary: "Read the organization's profile", access: { events: 'read' } },
  { method: 'PUT', path: `${ORG}/departments/{departmentId}`, entry: 'functions/http/put-department.ts', summary: 'Create or rename a department', access: { events: 'write' } },
  { method: 'GET', path: `${ORG}/departments`, entry: 'functions/http/list-roster.ts', summary: 'List departments', access: { views: 'read' } },
  { method: 'PUT', path: `${ORG}/members/{memberId}`, entry: 'functions/http/put-member.ts', summary: 'Create or update a member', access: { events: 'write', views: 'read' } },
  { method: 'GET', path: `${ORG}/members`, entry: 'functions/http/list-roster.ts', summary: 'List members', access: { views: 'read' } },
  { method: 'PUT', path: `${ORG}/members/{memberId}/roles`, entry: 'functions/http/put-member-roles.ts', summary: "Set the roles the Office grants a member (its account's groups)", access: { events: 'write' } },
  { method: 'GET', path: `${ORG}/accounts`, entry: 'functions/http/list-accounts.ts', summary: 'Sign-in accounts: per member invited, active, disabled, and its roles (Office)', access: {}, managesAccounts: true },
  { method: 'GET', path: `${ORG}/campaigns`, entry: 'functions/http/list-campaigns.ts', summary: "The organization's campaigns, by title and period", access: { views: 'read' } },
  { method: 'GET', path: `${ORG}/roster-imports/template`, entry: 'functions/http/get-roster-template.ts', summary: 'The blank staff list (.xlsx) the roster import reads', access: {} },
  { method: 'POST', path: `${ORG}/roster-imports/preview`, entry: 'functions/http/roster-import.ts', summary: 'Preview a roster file: what each row would do, and every refusal', access: { views: 'read' }, maxBodyBytes: ROSTER_FILE_BODY_BYTES },
  { method: 'POST', path: `${ORG}/roster-imports/apply`, entry: 'functions/http/roster-import.ts', summary: 'Import a roster file (all or nothing while a row is refused; idempotent)', access: { events: 'write', views: 'read' }, maxBodyBytes: ROSTER_FILE_BODY_BYTES, timeoutSeconds: 29 },
  ...(['transfer', 'leave', 'return'] as const).map(
    (action): RouteSpec => ({ method: 'POST', path: `${ORG}/members/{memberId}/${action}`, entry: 'functions/http/member-moves.ts', summary: MEMBER_MOVE_SUMMARIES[action], access: { events: 'write' } }),
  ),
  { method: 'PUT', path: CAMPAIGN, entry: 'functions/http/put-campaign.ts', summary: 'Launch or redefine a campaign', access: { events: 'write' } },
  { method: 'GET', path: CAMPAIGN, entry: 'functions/http/get-campaign.ts', summary: 'Read a campaign and its cycles', access: { events: 'read' } },
  { method: 'GET', path: CYCLE, entry: 'functions/http/get-campaign.ts', summary: "Read a cycle's state and deadline", access: { events: 'read' } },
  { method: 'PUT', path: `${CYCLE}/pledges/{participantId}`, entry: 'functions/http/put-pledge.ts', summary: 'Register or amend a yearly pledge', access: { events: 'write', views: 'read' } },
  { method: 'DELETE', path: `${CYCLE}/pledges/{participantId}`, entry: 'functions/http/delete-pledge.ts', summary: 'Withdraw a yearly pledge', access: { events: 'write', views: 'read' } },
  { method: 'GET', path: `${CYCLE}/pledges/{participantId}`, entry: 'functions/http/get-pledge.ts', summary: 'Read a yearly pledge', access: { events: 'read', views: 'read' } },
  { method: 'PUT', path: `${CAMPAIGN}/pledges/{participantId}`, entry: 'functions/http/put-pledge.ts', summary: 'Register or amend the campaign-wide pledge', access: { events: 'write', views: 'read' } },
  { method: 'DELETE', path: `${CAMPAIGN}/pledges/{participantId}`, entry: 'functions/http/delete-pledge.ts', summary: 'Withdraw the campaign-wide pledge', access: { events: 'write', views: 'read' } },
  { method: 'GET', path: `${CAMPAIGN}/pledges/{participantId}`, entry: 'functions/http/get-pledge.ts', summary: 'Read the campaign-wide pledge', access: { events: 'read', views: 'read' } },
  { method: 'GET', path: `${CYCLE}/registrations`, entry: 'functions/http/get-registrations.ts', summary: 'The registration board of a cycle', access: { views: 'read' } },
  { method: 'GET', path: `${CYCLE}/exports/registrations`, entry: 'functions/http/export-registrations.ts', summary: 'The registration list of a cycle as .xlsx (a sheet per department) or .csv', access: { views: 'read' } },
  ...(['PUT self-assessment', 'POST return', 'PUT appraisers', 'PUT appraisal', 'POST finalize', 'POST correct'] as const).map((action): RouteSpec => {
    const [method, name] = action.split(' ') as ['PUT' | 'POST', string];
    return { method, path: `${EVALUATION}/${name}`, entry: 'functions/http/evaluation-commands.ts', summary: EVALUATION_SUMMARIES[name], access: { events: 'write', views: 'read' } };
  }),
  { method: 'GET', path: EVALUATION, entry: 'functions/http/get-evaluation.ts', summary: "One participant's score sheet", access: { events: 'read', views: 'read' } },
  { method: 'GET', path: `${EVALUATION}/export`, entry: 'functions/http/export-evaluation.ts', summary: "One participant's score sheet as .xlsx", access: { events: 'read', views: 'read' } },
  { method: 'POST', path: `${EVALUATION}/evidence-uploads`, entry: 'functions/http/evidence-commands.ts', summary: 'Ask to upload an evidence file: a presigned PUT for exactly that file', access: { events: 'write', views: 'read' }, evidence: 'upload' },
  { method: 'POST', path: `${EVALUATION}/evidence-files`, entry: 'functions/http/evidence-commands.ts', summary: 'Confirm an upload: the file is recorded if it is what was declared', access: { events: 'write', views: 'read' }, evidence: 'upload' },
  { method: 'DELETE', path: `${EVALUATION}/evidence-files/{fileId}`, entry: 'functions/http/evidence-commands.ts', summary: 'Remove an evidence file from a draft', access: { events: 'write', views: 'read' }, evidence: 'upload' },
  { method: 'GET', path: `${EVALUATION}/evidence-files/{fileId}`, entry: 'functions/http/get-evidence-file.ts', summary: 'Open an evidence file: a short-lived presigned GET', access: { events: 'read', views: 'read' }, evidence: 'read' },
  { method: 'GET', path: `${CYCLE}/departments/{departmentId}/evidence-archive`, entry: 'functions/http/export-evidence-archive.ts', summary: "A department's evidence files of the cycle as one .zip, a folder per criterion", access: { events: 'read', views: 'read' }, evidence: 'archive', timeoutSeconds: 29 },
  { method: 'GET', path: `${CYCLE}/scoreboard`, entry: 'functions/http/get-scoreboard.ts', summary: 'Departments ranked', access: { views: 'read' } },
  { method: 'GET', path: `${CYCLE}/exports/scoreboard`, entry: 'functions/http/export-scoreboard.ts', summary: 'The scoreboard as .xlsx, with the members\' scores the caller may read', access: { views: 'read' } },
  { method: 'GET', path: `${CYCLE}/departments/{departmentId}/scores`, entry: 'functions/http/get-department-scores.ts', summary: "A department's scores and its members' ranks", access: { views: 'read' } },
  { method: 'PUT', path: INITIATIVE, entry: 'functions/http/initiative-commands.ts', summary: 'Submit or amend an initiative', access: { events: 'write', views: 'read' } },
  ...(['review', 'recognize', 'reject', 'propose-upward', 'recognize-province-wide'] as const).map(
    (action): RouteSpec => ({ method: 'POST', path: `${INITIATIVE}/${action}`, entry: 'functions/http/initiative-commands.ts', summary: INITIATIVE_SUMMARIES[action], access: { events: 'write', views: 'read' } }),
  ),
  { method: 'GET', path: `${CYCLE}/initiatives`, entry: 'functions/http/list-initiatives.ts', summary: "The cycle's initiatives", access: { views: 'read' } },
  { method: 'PUT', path: `${CYCLE}/discipline/{memberId}`, entry: 'functions/http/put-discipline.ts', summary: "Record or clear a member's disciplinary measure", access: { events: 'write', views: 'read' } },
  { method: 'POST', path: `${CYCLE}/reminders`, entry: 'functions/http/post-reminders.ts', summary: 'Remind whoever has not acted on a deadline', access: { events: 'write', views: 'read' } },
  { method: 'GET', path: `${CYCLE}/reminders`, entry: 'functions/http/get-reminders.ts', summary: "The cycle's reminders sent", access: { views: 'read' } },
  { method: 'PUT', path: `${ORG}/departments/{departmentId}/findings/{findingId}`, entry: 'functions/http/finding-commands.ts', summary: 'Record or amend a self-inspection finding', access: { events: 'write', views: 'read' } },
  { method: 'POST', path: `${ORG}/departments/{departmentId}/findings/{findingId}/close`, entry: 'functions/http/finding-commands.ts', summary: 'Close a self-inspection finding', access: { events: 'write', views: 'read' } },
  { method: 'GET', path: `${ORG}/findings`, entry: 'functions/http/list-findings.ts', summary: 'Self-inspection findings, by department and status', access: { views: 'read' } },
  // A decision of a whole agency: up to 10,000 awards in 1 MB, recorded in pages (functions/http/award-request.ts).
  { method: 'PUT', path: `${ORG}/decisions/{decisionId}`, entry: 'functions/http/decision-commands.ts', summary: 'Record or correct an award decision', access: { events: 'write', views: 'read' }, maxBodyBytes: DECISION_BODY_BYTES },
  { method: 'POST', path: `${ORG}/decisions/{decisionId}/revoke`, entry: 'functions/http/decision-commands.ts', summary: 'Revoke an award decision', access: { events: 'write', views: 'read' } },
  { method: 'GET', path: `${ORG}/decisions/{decisionId}/annex`, entry: 'functions/http/export-decision-annex.ts', summary: "An award decision's annex (phụ lục: danh sách khen thưởng) as .docx", access: { events: 'read', views: 'read' } },
  { method: 'PUT', path: `${CYCLE}/council`, entry: 'functions/http/put-council.ts', summary: "Set the cycle's council members", access: { events: 'write' } },
  { method: 'PUT', path: PROPOSAL, entry: 'functions/http/proposal-commands.ts', summary: 'Draft an award proposal list', access: { events: 'write', views: 'read' } },
  ...(['open', 'ballot', 'written-opinion', 'close'] as const).map(
    (action): RouteSpec => ({ method: 'POST', path: `${PROPOSAL}/${action}`, entry: 'functions/http/proposal-commands.ts', summary: PROPOSAL_SUMMARIES[action], access: { events: 'write' } }),
  ),
  { method: 'GET', path: `${CYCLE}/proposals`, entry: 'functions/http/get-proposal.ts', summary: "The cycle's proposal lists and their state", access: { events: 'read', views: 'read' } },
  { method: 'GET', path: PROPOSAL, entry: 'functions/http/get-proposal.ts', summary: 'A proposal list, its session, and the minutes after the close', access: { events: 'read' } },
  { method: 'GET', path: `${PROPOSAL}/minutes`, entry: 'functions/http/export-minutes.ts', summary: "The council's minutes (biên bản) as .docx, once the session is closed", access: { events: 'read', views: 'read' } },
  { method: 'GET', path: `${CYCLE}/eligibility`, entry: 'functions/http/get-eligibility.ts', summary: 'Who is eligible for which title, and why', access: { views: 'read' } },
  { method: 'GET', path: `${CYCLE}/eligibility/{participantId}`, entry: 'functions/http/get-eligibility.ts', summary: "One participant's eligibility", access: { views: 'read' } },
  { method: 'GET', path: `${CYCLE}/awards`, entry: 'functions/http/get-cycle-awards.ts', summary: "The cycle's decisions and award totals", access: { views: 'read' } },
  { method: 'GET', path: `${ORG}/awards/{recipientKind}/{recipientId}`, entry: 'functions/http/get-recipient-awards.ts', summary: "A member's or department's awards over the years", access: { views: 'read' } },
  { method: 'GET', path: `${ORG}/history/{aggregateType}/{aggregateId}`, entry: 'functions/http/get-history.ts', summary: 'The events of one record', access: { events: 'read' } },
  { method: 'GET', path: `${CAMPAIGN}/reports`, entry: 'functions/http/get-report.ts', summary: 'The preliminary (sơ kết) or final (tổng kết) report as .docx', access: { views: 'read' } },
  { method: 'GET', path: '/upward/cycles/{year}', entry: 'functions/http/get-upward-cycle.ts', summary: 'The overseen agencies side by side for one year (upward readers)', access: { views: 'read' } },
];

export interface StreamSubscription {
  readonly name: string;
  readonly entry: string;
  readonly access: TableAccess;
  readonly batchSize: number;
  /** How long the event source waits to fill a batch: a burst's events of one department then cost one write. */
  readonly batchingWindowSeconds: number;
  /**
   * Only events of these types reach the function (absent: every event): an event-source filter on AWS, the same
   * test in the local stream delivery, so the function is not even invoked for the rest.
   */
  readonly eventTypes?: readonly string[];
  /** Sends e-mail through the notifier (functions/notify): on AWS it gets the sender and ses:SendEmail on it. */
  readonly notifies?: boolean;
  /** Manages sign-in accounts (functions/accounts): on AWS it alone gets the pool's id and cognito-idp:Admin* on it. */
  readonly managesAccounts?: boolean;
}

export const STREAM_SUBSCRIPTIONS: readonly StreamSubscription[] = [
  { name: 'project-views', entry: 'functions/streams/project-views.ts', access: { events: 'read', views: 'write' }, batchSize: 1000, batchingWindowSeconds: 2 },
  // One reminder event at a time, at once: a failed send retries that event alone, and nobody waits for a batch.
  { name: 'deliver-reminders', entry: 'functions/streams/deliver-reminders.ts', access: { events: 'read', views: 'read' }, batchSize: 1, batchingWindowSeconds: 0, eventTypes: ['RemindersSent'], notifies: true },
  // Accounts follow the roster: member events only, in order per member.
  {
    name: 'follow-roster',
    entry: 'functions/streams/follow-roster.ts',
    access: { events: 'read' },
    batchSize: 10,
    batchingWindowSeconds: 0,
    eventTypes: ['MemberRegistered', 'MemberUpdated', 'MemberTransferred', 'MemberLeft', 'MemberReturned', 'MemberRolesSet'],
    managesAccounts: true,
  },
];

export interface ScheduleSpec {
  readonly name: string;
  readonly entry: string;
  readonly access: TableAccess;
  /** Wall-clock time in Asia/Ho_Chi_Minh; `month`/`day` absent means every month/day. */
  readonly at: { readonly hour: number; readonly minute: number; readonly month?: number; readonly day?: number };
}

export const SCHEDULE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export const SCHEDULES: readonly ScheduleSpec[] = [
  { name: 'close-registration', entry: 'functions/schedules/close-registration.ts', access: { events: 'write', views: 'read' }, at: { hour: 0, minute: 5 } },
  { name: 'rollover', entry: 'functions/schedules/rollover.ts', access: { events: 'write', views: 'read' }, at: { hour: 0, minute: 1, month: 1, day: 1 } },
  { name: 'evaluation-windows', entry: 'functions/schedules/evaluation-windows.ts', access: { events: 'write', views: 'read' }, at: { hour: 0, minute: 10 } },
  // In the morning, when people read their mail; after the windows recorded at midnight.
  { name: 'reminders', entry: 'functions/schedules/reminders.ts', access: { events: 'write', views: 'read' }, at: { hour: 7, minute: 0 } },
];

/** The two tables. Events: pk `<org>#<type>#<id>`, sk version. Views: pk/sk strings, a sparse index of campaigns. */
export const TABLES = {
  events: { partitionKey: 'pk', sortKey: 'sk', sortKeyType: 'N' },
  views: { partitionKey: 'pk', sortKey: 'sk', sortKeyType: 'S', index: { name: CAMPAIGN_INDEX.name, partitionKey: 'gsi1pk', sortKey: 'gsi1sk' } },
} as const;
