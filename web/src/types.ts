import type { DepartmentSummary } from '../../domain/evaluation/ranking';
import type { SelfScore } from '../../events/evaluation';

export type { SelfScore };

/**
 * The JSON the console reads: the server's own types where it has them (type-only imports: nothing of the server
 * reaches the bundle), else typed by hand from the API's answers (functions/http), only the fields the console shows.
 */
export type ParticipantKind = 'department' | 'member';

export interface Criterion {
  readonly code: string;
  readonly label: string;
  readonly maxScore: number;
  readonly subCriteria?: readonly { readonly code: string; readonly label: string; readonly maxScore: number }[];
}

export interface TitleOption {
  readonly code: string;
  readonly label: string;
  readonly for: readonly ParticipantKind[];
}

interface TimeWindow {
  readonly status: string;
  readonly opensAt?: string;
  readonly closesAt: string;
}

export interface Cycle {
  readonly campaignId: string;
  readonly year: number;
  readonly status: 'upcoming' | 'current' | 'past' | string;
  readonly registrationStatus: 'open' | 'closed' | 'not-open' | string;
  readonly registrationDeadline: string;
  readonly selfAssessment: TimeWindow;
  readonly appraisal: TimeWindow;
}

export interface Campaign {
  readonly campaignId: string;
  readonly title: string;
  readonly criteria: readonly Criterion[];
  readonly allowedTitles: readonly TitleOption[];
  readonly cycles: readonly Cycle[];
  readonly period: { readonly start: string; readonly end: string };
  readonly ended: boolean;
  /** The campaign-wide (5-year) pledge's window: due by the first year's deadline. */
  readonly campaignPledge: Pick<Cycle, 'registrationStatus' | 'registrationDeadline'>;
}

/** An initiative as GET …/initiatives lists it (functions/projections: the initiative's view). */
export interface Initiative {
  readonly initiativeId: string;
  readonly title: string;
  readonly problem: string;
  readonly solution: string;
  readonly results: string;
  readonly scope: string;
  readonly author: { readonly kind: ParticipantKind; readonly id: string; readonly departmentId?: string };
  readonly status: 'submitted' | 'in-review' | 'recognized' | 'rejected' | string;
  readonly recognition?: { readonly decisionNumber: string; readonly decisionDate: string } | null;
  readonly rejection?: string | null;
  readonly proposedUpward?: boolean;
}

export interface Commitment {
  readonly text: string;
  readonly criterion?: string;
}

export interface Pledge {
  readonly status: string;
  readonly participantKind: ParticipantKind;
  readonly targetTitles: readonly string[];
  readonly commitments: readonly Commitment[];
  readonly late: boolean;
  readonly submittedAt: string | null;
  readonly updatedAt: string;
}

export interface RegistrationRow {
  readonly registered: boolean;
  readonly status: string;
  readonly submittedAt: string | null;
  readonly late: boolean;
  readonly targetTitles: readonly string[];
}

export interface BoardMember extends RegistrationRow {
  readonly memberId: string;
  readonly fullName: string;
  readonly position: string | null;
}

export interface BoardDepartment extends RegistrationRow {
  readonly departmentId: string;
  readonly name: string;
  readonly members: readonly BoardMember[];
}

export interface Board {
  readonly departments: readonly BoardDepartment[];
  readonly totals: { readonly departments: number; readonly departmentsRegistered: number; readonly members: number; readonly membersRegistered: number; readonly late: number };
  /** The labels of the titles the rows aim at, by code. */
  readonly titleLabels: Readonly<Record<string, string>>;
}

export interface Evidence {
  readonly title: string;
  readonly ref: string;
}

export interface Result {
  readonly percent: number;
  readonly grade: string;
  readonly gradeLabel: string;
  readonly total: number;
  readonly applicableMax: number;
}

export interface EvidenceFile {
  readonly fileId: string;
  readonly criterion: string;
  readonly name: string;
  readonly size: number;
  readonly contentType: string;
  readonly attachedAt: string;
  readonly attachedBy: string;
}

export interface Sheet {
  readonly status: 'none' | 'draft' | 'submitted' | 'returned' | 'finalized' | string;
  readonly participant: { readonly kind: ParticipantKind; readonly id: string; readonly departmentId: string } | null;
  readonly selfAssessment: { readonly scores: readonly SelfScore[]; readonly submitted: boolean } | null;
  readonly appraisers: readonly string[];
  readonly appraisals: readonly { readonly appraiser: string; readonly scores: readonly { criterion: string; score: number; comment?: string }[] }[];
  readonly appraisalCount: number;
  readonly provisional: { readonly percent: number } | null;
  readonly final: Result | null;
  /** The files attached as evidence (tài liệu kiểm chứng), each to a criterion. */
  readonly evidenceFiles?: readonly EvidenceFile[];
  /** A department's sheet: its self-inspection findings of the year, the evidence of that criterion (by its code). */
  readonly evidence?: Readonly<Record<string, { readonly findings: readonly Finding[] }>>;
}

export interface ScoreboardDepartment extends DepartmentSummary {
  readonly rank: number | null;
  /** The collective result's grade, once final. */
  readonly gradeLabel: string | null;
  readonly awards: Record<string, number>;
}

export interface Scoreboard {
  readonly year: number;
  readonly final: boolean;
  readonly departments: readonly ScoreboardDepartment[];
  /** The labels of the titles the rows' awards count, by code. */
  readonly titleLabels: Readonly<Record<string, string>>;
}

export interface DepartmentScores extends ScoreboardDepartment {
  /** The department's open self-inspection findings, for whoever may read them (absent otherwise). */
  readonly openFindings?: readonly Finding[];
  readonly collective: { readonly status: string; readonly percent: number | null; readonly gradeLabel: string | null } | null;
  readonly members: readonly {
    readonly memberId: string;
    readonly fullName: string;
    readonly status: string;
    readonly percent: number | null;
    readonly gradeLabel: string | null;
    readonly final: boolean;
    readonly rank: number | null;
  }[];
}

export interface Roster {
  readonly members?: readonly { readonly memberId: string; readonly fullName: string; readonly departmentId: string; readonly position?: string }[];
  readonly departments?: readonly { readonly departmentId: string; readonly name: string }[];
}

export interface HistoryEvent {
  readonly version: number;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly at: string;
  readonly actor: { readonly sub: string; readonly roles?: readonly string[] };
}

export interface Nomination {
  readonly nomineeKind: ParticipantKind;
  readonly nomineeId: string;
  readonly title: string;
  readonly basis: string;
  /** Given by GET …/proposals/{id} (the ballot): a council member may not read the roster. */
  readonly nomineeName?: string;
  readonly unitName?: string;
}

export interface Outcome {
  readonly nomination: number;
  readonly yes: number;
  readonly no: number;
  readonly required: number;
  readonly passed: boolean;
  readonly withinQuota: boolean;
}

export interface Proposal {
  readonly proposalId: string;
  readonly status: 'draft' | 'open' | 'closed' | string;
  readonly nominations: readonly Nomination[];
  readonly quota: number | null;
  readonly councilSize: number;
  readonly councilMembers?: readonly string[];
  readonly required: readonly number[];
  readonly votesReceived: number;
  readonly minutes: {
    readonly members: readonly string[];
    readonly chair: string | null;
    readonly present: readonly string[];
    readonly absentWithWrittenOpinion: readonly string[];
    readonly absent: readonly string[];
    readonly outcomes: readonly Outcome[];
    readonly receipts: readonly string[];
  } | null;
}

/** One agency and campaign of GET /upward/cycles/{year} (functions/http/get-upward-cycle.ts): null where it runs none. */
export interface UpwardRow {
  readonly org: string;
  /** From the agency's profile; its id when it has none. */
  readonly agencyName: string;
  readonly campaignId: string | null;
  readonly campaignTitle: string | null;
  readonly registration: (Board['totals'] & { readonly departmentRate: number | null; readonly memberRate: number | null }) | null;
  readonly evaluation: { readonly participants: number; readonly submitted: number; readonly finalized: number; readonly participationRate: number | null } | null;
  readonly meanDepartmentScore: number | null;
  readonly topDepartment: { readonly departmentId: string; readonly name: string; readonly score: number | null } | null;
  /** Title code → how many were granted. */
  readonly titles: Readonly<Record<string, number>>;
  /** Title code → its Vietnamese label. */
  readonly titleLabels: Readonly<Record<string, string>>;
  readonly awards: number;
}

/** A self-inspection finding (functions/projections/findings.ts); `overdue` as the findings list marks it. */
export interface Finding {
  readonly findingId: string;
  readonly departmentId: string;
  readonly date: string;
  readonly area: string;
  readonly shortcoming: string;
  readonly correctiveAction: string;
  readonly dueDate: string;
  readonly status: 'open' | 'closed';
  readonly closedOn: string | null;
  readonly closureNote: string | null;
  readonly overdue?: boolean;
}
