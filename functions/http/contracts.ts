import type * as z from 'zod';
import { FindingClosure, FindingContent } from '../../events/finding';
import { Recognition } from '../../events/initiative';
import { DepartmentProfile, MemberLeaving, MemberProfile, MemberReturn, MemberRoles, MemberTransfer, OrganizationProfile } from '../../events/organization';
import { CycleAwardsQuery, DecisionBody, DecisionParams, DisciplineBody, DisciplineParams, EligibilityParams, EligibilityQuery, RecipientParams } from './award-request';
import { CampaignBody } from './campaign-request';
import { AppraisalBody, AppraisersBody, CorrectionBody, DepartmentScoresParams, EvaluationParams, SelfAssessmentBody } from './evaluation-request';
import { EvidenceArchiveParams, EvidenceConfirmBody, EvidenceFileParams, EvidenceUploadBody } from './evidence-request';
import { ExportQuery } from './export-request';
import { FindingParams, FindingsQuery } from './finding-request';
import { HistoryParams, HistoryQuery } from './history-request';
import { InitiativeBody, InitiativeParams, ProposeUpwardBody } from './initiative-request';
import { PledgeBody, PledgeParams } from './pledge-request';
import { RemindBody, RemindersQuery } from './reminder-request';
import { ReportParams, ReportQuery, UpwardCycleParams } from './report-request';
import { NoBody, ReasonBody, campaignOrCycleParams, campaignParams, cycleParams, ifAbsentQuery, orgParams, participantKindQuery } from './respond';
import { DepartmentParams, MemberParams } from './roster-request';
import { RosterImportBody } from '../roster-import/import-request';
import { BallotBody, CloseVotingBody, CouncilBody, DraftProposalBody, ProposalParams, WrittenOpinionBody } from './voting-request';

/**
 * What a route takes and answers, for the OpenAPI document (openapi.ts). The schemas are the very objects the
 * route's handler parses with, imported from its `*-request.ts` file, so the document cannot drift from them (a
 * route module builds no schema of its own: test/http/openapi.test.ts checks that too). Request files stay small
 * and free of handler code, so the openapi Lambda bundles the schemas and nothing of the routes.
 */
export interface RouteContract {
  /** Path parameters; a property the path does not name must be optional (one schema serves two paths). */
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  /** Request bodies by a short title: each must pass `body` (test/http/openapi.test.ts sends every one). */
  readonly examples?: Readonly<Record<string, unknown>>;
  /** The success statuses and what each means. */
  readonly answers: Readonly<Record<number, string>>;
  /** For a download: the media types of the file it answers (JSON otherwise). */
  readonly files?: readonly string[];
}

/** Values for every path and query parameter, shown in the reference and sent by the coverage test (the demo's). */
export const PARAMETER_EXAMPLES: Readonly<Record<string, string | number>> = {
  org: 'bqlkkt-phuquoc',
  campaignId: 'cchc-2026-2030',
  year: 2026,
  departmentId: 'van-phong',
  memberId: 'tran-thi-bich',
  participantId: 'tran-thi-bich',
  participantKind: 'member',
  initiativeId: 'so-hoa-ho-so-mot-cua',
  decisionId: 'qd-15-2026',
  proposalId: 'de-nghi-2026',
  recipientKind: 'member',
  recipientId: 'tran-thi-bich',
  aggregateType: 'pledge',
  aggregateId: 'cchc-2026-2030:2026:member:tran-thi-bich',
  date: '2026-12-31',
  format: 'xlsx',
  deadline: 'registration',
  findingId: 'kt-2026-01',
  fileId: '0b6f3c8e-5d1a-4f7e-9c2b-7a4e1d9f3b21',
  status: 'open',
  from: 2026,
  to: 2026,
  department: 'van-phong',
  limit: 100,
  after: 'van-phong:department:van-phong',
  afterDecision: 'qd-14-2026',
  page: 0,
  afterVersion: 1,
  afterPage: 'registration:2026-03-23:00001',
};

const ORG = '/orgs/{org}';
const CAMPAIGN = `${ORG}/campaigns/{campaignId}`;
const CYCLE = `${CAMPAIGN}/cycles/{year}`;
const EVALUATION = `${CYCLE}/evaluations/{participantId}`;
const INITIATIVE = `${CYCLE}/initiatives/{initiativeId}`;
const PROPOSAL = `${CYCLE}/proposals/{proposalId}`;

/** Downloads: their media types are checked against real answers by the coverage test. */
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV = 'text/csv';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const READ = { 200: 'OK' };
/** A record the console's forms read with `?ifAbsent=empty` (respond.ts): absent is then 200, not 404. */
const READ_OR_ABSENT = { 200: 'OK; with ?ifAbsent=empty also a record not set yet, as {"absent": true} without an ETag' };
const SAVED = { 201: 'Created: the first write of this record (and its retries)', 200: 'Updated' };
const DONE = { 200: 'Done: the record as it now stands' };
const NOTHING_TO_SEND = { 'nothing to send (or {})': {} };

const evidenceFile = {
  participantKind: 'member',
  criterion: 'cai-cach-thu-tuc-hanh-chinh',
  fileName: 'Báo cáo kết quả giải quyết hồ sơ năm 2026.pdf',
  contentType: 'application/pdf',
  size: 482133,
  sha256: '9f2c1a7e4b5d3c8f0a6e2d1b7c9f4e3a5b8d0c2e6f1a9b7d3c5e8f0a2b4d6c81',
};

const memberPledge = {
  participantKind: 'member',
  targetTitles: ['lao-dong-tien-tien', 'chien-si-thi-dua-co-so'],
  commitments: [{ text: 'Giải quyết 100% hồ sơ thủ tục hành chính đúng hạn', criterion: 'cai-cach-thu-tuc-hanh-chinh' }],
};
/** Pledges and evaluations name their participant in the path, and its kind in the query when the id is ambiguous. */
const pledge = { params: PledgeParams, query: participantKindQuery };
const evaluation = { params: EvaluationParams, query: participantKindQuery };
const evidence = [{ title: 'Báo cáo kết quả CCHC năm 2026', ref: '125/BC-VP' }];
const decision = {
  campaignId: 'cchc-2026-2030',
  year: 2026,
  number: '15/QĐ-BQL',
  date: '2026-12-28',
  signer: 'Nguyễn Văn X',
  signerPosition: 'Trưởng ban',
  awards: [
    { title: 'lao-dong-tien-tien', recipientKind: 'member', recipientId: 'tran-thi-bich' },
    { title: 'tap-the-lao-dong-tien-tien', recipientKind: 'department', recipientId: 'van-phong' },
  ],
};
/** A staff list of one line, as a CSV (base64): the demo's Trần Thị Bích, unchanged. */
const ROSTER_CSV_EXAMPLE = { fileName: 'danh-sach.csv', content: 'U1RULEjhu40gdsOgIHTDqm4sQ2jhu6ljIHbhu6UsUGjDsm5nL8SQxqFuIHbhu4ssRW1haWwKMSxUcuG6p24gVGjhu4sgQsOtY2gsQ2h1ecOqbiB2acOqbixWxINuIHBow7JuZyx0cmFuLXRoaS1iaWNoQHBodXF1b2MuZXhhbXBsZS52bgo=' };

const votes = [
  { nomination: 0, approve: true },
  { nomination: 1, approve: false },
];

/**
 * Every route of infra/routes.ts by "METHOD path", grouped by resource (the groups are the document's tags); the
 * coverage test fails on a route missing here, or one too many.
 */
export const CONTRACTS: Readonly<Record<string, Readonly<Record<string, RouteContract>>>> = {
  service: {
    'GET /health': { answers: { 200: 'The service is up' } },
    'GET /openapi.json': { answers: { 200: 'This document' } },
  },
  organization: {
    [`PUT ${ORG}/profile`]: {
      params: orgParams,
      body: OrganizationProfile,
      examples: {
        "the demo's": { name: 'Ban Quản lý Khu kinh tế Phú Quốc', parentBody: 'UBND tỉnh An Giang', place: 'Phú Quốc', abbreviation: 'BQLKKTPQ' },
        'a body with none above it': { name: 'Ủy ban nhân dân tỉnh An Giang', place: 'An Giang', abbreviation: 'UBND' },
      },
      answers: { 201: 'Set for the first time', 200: 'Changed (or the same again)' },
    },
    [`GET ${ORG}/profile`]: { params: orgParams, query: ifAbsentQuery, answers: READ_OR_ABSENT },
  },
  roster: {
    [`PUT ${ORG}/departments/{departmentId}`]: { params: DepartmentParams, body: DepartmentProfile, examples: { 'a department': { name: 'Văn phòng' } }, answers: SAVED },
    [`GET ${ORG}/departments`]: { params: orgParams, answers: READ },
    [`PUT ${ORG}/members/{memberId}`]: {
      params: MemberParams,
      body: MemberProfile,
      examples: { 'a civil servant': { fullName: 'Trần Thị Bích', departmentId: 'van-phong', position: 'Chuyên viên', email: 'tran-thi-bich@phuquoc.example.vn' } },
      answers: SAVED,
    },
    [`GET ${ORG}/members`]: { params: orgParams, answers: READ },
    [`GET ${ORG}/roster-imports/template`]: { params: orgParams, answers: { 200: 'The blank staff list: STT, Họ và tên, Chức vụ, Phòng/Đơn vị, Email, Mã' }, files: [XLSX] },
    [`POST ${ORG}/roster-imports/preview`]: {
      params: orgParams,
      body: RosterImportBody,
      examples: { 'a one-line CSV': ROSTER_CSV_EXAMPLE },
      answers: { 200: 'Per row: new-member, changed, moved, returned or unchanged; new departments; refusals with row and reason' },
    },
    [`POST ${ORG}/roster-imports/apply`]: {
      params: orgParams,
      body: RosterImportBody,
      examples: { 'a one-line CSV': ROSTER_CSV_EXAMPLE },
      answers: { 200: 'Applied: the plan, and how many events it wrote (0 the second time)' },
    },
    [`POST ${ORG}/members/{memberId}/transfer`]: {
      params: MemberParams,
      body: MemberTransfer,
      examples: { 'a move on 1 July': { departmentId: 'phong-quan-ly-dau-tu', on: '2026-07-01', position: 'Chuyên viên' } },
      answers: { 200: 'Moved (or already there)' },
    },
    [`POST ${ORG}/members/{memberId}/leave`]: {
      params: MemberParams,
      body: MemberLeaving,
      examples: { retirement: { on: '2026-10-01', reason: 'Nghỉ hưu theo Quyết định số 12/QĐ-BQLKKTPQ' } },
      answers: { 200: 'Recorded (or already recorded)' },
    },
    [`POST ${ORG}/members/{memberId}/return`]: {
      params: MemberParams,
      body: MemberReturn,
      examples: { 'back from a secondment': { departmentId: 'van-phong', on: '2027-02-01' } },
      answers: { 200: 'Recorded (or already recorded)' },
    },
    [`PUT ${ORG}/members/{memberId}/roles`]: {
      params: MemberParams,
      body: MemberRoles,
      examples: { 'head of its department': { roles: ['head'] }, 'no role but member': { roles: [] } },
      answers: { 200: 'Set (or already so): the account follows' },
    },
    [`GET ${ORG}/accounts`]: { params: orgParams, answers: { 200: 'Per member with an account: invited (never signed in), active or disabled, and its roles' } },
  },
  campaigns: {
    [`GET ${ORG}/campaigns`]: { params: orgParams, answers: READ },
    [`PUT ${CAMPAIGN}`]: {
      params: campaignParams,
      body: CampaignBody,
      examples: {
        "from the plan's template": { template: 'cchc-2026-2030' },
        'a full definition': {
          title: 'Phong trào thi đua cải cách hành chính giai đoạn 2026-2030',
          period: { start: '2026-01-01', end: '2030-12-31' },
          registrationDeadline: { month: 3, day: 30 },
          criteria: [
            { code: 'cai-cach-thu-tuc-hanh-chinh', label: 'Cải cách thủ tục hành chính', maxScore: 15 },
            {
              code: 'chinh-quyen-so',
              label: 'Xây dựng Chính quyền số',
              maxScore: 15,
              subCriteria: [
                { code: 'dich-vu-cong-truc-tuyen', label: 'Dịch vụ công trực tuyến toàn trình', maxScore: 10 },
                { code: 'so-hoa-ho-so', label: 'Số hóa hồ sơ, kết quả giải quyết TTHC', maxScore: 5 },
              ],
            },
          ],
          allowedTitles: ['lao-dong-tien-tien', 'chien-si-thi-dua-co-so', 'tap-the-lao-dong-tien-tien'],
          reminderDays: [7, 1],
        },
      },
      answers: SAVED,
    },
    [`GET ${CAMPAIGN}`]: { params: campaignOrCycleParams, answers: READ },
    [`GET ${CYCLE}`]: { params: campaignOrCycleParams, answers: READ },
  },
  registration: {
    [`PUT ${CYCLE}/pledges/{participantId}`]: {
      ...pledge,
      body: PledgeBody,
      examples: {
        'a civil servant registers': memberPledge,
        'a department registers': { participantKind: 'department', targetTitles: ['tap-the-lao-dong-tien-tien'], commitments: [{ text: '100% hồ sơ đúng hạn, không có hồ sơ trễ hạn' }] },
        'the Office records a late pledge': { ...memberPledge, late: { reason: 'Đi công tác dài ngày, nộp bản giấy ngày 02/4' } },
      },
      answers: { 201: 'Registered (also when registering again after a withdrawal)', 200: 'Amended' },
    },
    [`DELETE ${CYCLE}/pledges/{participantId}`]: { ...pledge, answers: { 204: 'Withdrawn' } },
    [`GET ${CYCLE}/pledges/{participantId}`]: { ...pledge, query: participantKindQuery.extend(ifAbsentQuery.shape), answers: READ_OR_ABSENT },
    [`PUT ${CAMPAIGN}/pledges/{participantId}`]: {
      ...pledge,
      body: PledgeBody,
      examples: { 'a 5-year pledge': { ...memberPledge, targetTitles: ['chien-si-thi-dua-co-so'] } },
      answers: { 201: 'Registered', 200: 'Amended' },
    },
    [`DELETE ${CAMPAIGN}/pledges/{participantId}`]: { ...pledge, answers: { 204: 'Withdrawn' } },
    [`GET ${CAMPAIGN}/pledges/{participantId}`]: { ...pledge, query: participantKindQuery.extend(ifAbsentQuery.shape), answers: READ_OR_ABSENT },
    [`GET ${CYCLE}/registrations`]: { params: cycleParams, answers: READ },
  },
  evaluation: {
    [`PUT ${EVALUATION}/self-assessment`]: {
      ...evaluation,
      body: SelfAssessmentBody,
      examples: {
        'a draft': {
          participantKind: 'member',
          scores: [
            { criterion: 'cai-cach-the-che', score: 8.5, evidence },
            { criterion: 'tu-kiem-tra-cchc', notApplicable: true, reason: 'Không được giao nhiệm vụ tự kiểm tra trong năm' },
          ],
        },
        'the submission': { participantKind: 'member', submit: true, scores: [{ criterion: 'cai-cach-the-che', score: 8.5, explanation: 'Tham mưu 2 văn bản quy phạm, đúng hạn' }] },
      },
      answers: { 201: 'The first draft', 200: 'Saved, or submitted' },
    },
    [`POST ${EVALUATION}/return`]: { ...evaluation, body: ReasonBody, examples: { 'a reason': { reason: 'Thiếu minh chứng cho tiêu chí cải cách thể chế' } }, answers: DONE },
    [`PUT ${EVALUATION}/appraisers`]: { ...evaluation, body: AppraisersBody, examples: { 'two council members': { appraisers: ['nguyen-van-an', 'le-minh-chau'] } }, answers: SAVED },
    [`PUT ${EVALUATION}/appraisal`]: {
      ...evaluation,
      body: AppraisalBody,
      examples: { 'an appraisal': { scores: [{ criterion: 'cai-cach-the-che', score: 7.5, comment: 'Minh chứng chưa đầy đủ' }] } },
      answers: DONE,
    },
    [`POST ${EVALUATION}/finalize`]: { ...evaluation, body: NoBody, examples: NOTHING_TO_SEND, answers: DONE },
    [`POST ${EVALUATION}/correct`]: {
      ...evaluation,
      body: CorrectionBody,
      examples: { 'a correction': { reason: 'Nhập sai điểm tiêu chí cải cách thể chế', scores: [{ criterion: 'cai-cach-the-che', score: 9 }] } },
      answers: DONE,
    },
    [`GET ${EVALUATION}`]: { ...evaluation, answers: READ },
    [`POST ${EVALUATION}/evidence-uploads`]: {
      params: EvaluationParams,
      body: EvidenceUploadBody,
      examples: { 'a report as PDF': evidenceFile },
      answers: { 200: 'The file may be attached: its id, and a presigned PUT (method, url, headers to send, expiresAt) for exactly it' },
    },
    [`POST ${EVALUATION}/evidence-files`]: {
      params: EvaluationParams,
      body: EvidenceConfirmBody,
      examples: { 'the upload done': { ...evidenceFile, fileId: '0b6f3c8e-5d1a-4f7e-9c2b-7a4e1d9f3b21' } },
      answers: { 201: 'Recorded: the score sheet with it', 200: 'Already recorded (a retry): the score sheet' },
    },
    [`DELETE ${EVALUATION}/evidence-files/{fileId}`]: { params: EvidenceFileParams, query: participantKindQuery, answers: { 200: 'Removed from the draft: the score sheet' } },
    [`GET ${EVALUATION}/evidence-files/{fileId}`]: { params: EvidenceFileParams, query: participantKindQuery, answers: { 200: 'The file as recorded, and a short-lived presigned GET of it' } },
  },
  scores: {
    [`GET ${CYCLE}/scoreboard`]: { params: cycleParams, answers: READ },
    [`GET ${CYCLE}/departments/{departmentId}/scores`]: { params: DepartmentScoresParams, answers: READ },
  },
  initiatives: {
    [`PUT ${INITIATIVE}`]: {
      params: InitiativeParams,
      body: InitiativeBody,
      examples: {
        'an initiative': {
          authorKind: 'member',
          authorId: 'tran-thi-bich',
          title: 'Số hóa hồ sơ một cửa',
          problem: 'Hồ sơ giấy lưu trữ phân tán, tra cứu chậm',
          solution: 'Quét và lưu trữ điện tử toàn bộ hồ sơ tiếp nhận',
          results: 'Giảm 30% thời gian tra cứu',
          scope: 'Bộ phận Một cửa của Ban Quản lý',
          evidence,
        },
      },
      answers: SAVED,
    },
    [`POST ${INITIATIVE}/review`]: { params: InitiativeParams, body: NoBody, examples: NOTHING_TO_SEND, answers: DONE },
    [`POST ${INITIATIVE}/recognize`]: { params: InitiativeParams, body: Recognition, examples: { 'the decision': { decisionNumber: '45/QĐ-BQL', decisionDate: '2026-10-15' } }, answers: DONE },
    [`POST ${INITIATIVE}/reject`]: { params: InitiativeParams, body: ReasonBody, examples: { 'a reason': { reason: 'Giải pháp đã được áp dụng từ năm trước' } }, answers: DONE },
    [`POST ${INITIATIVE}/recognize-province-wide`]: { params: InitiativeParams, body: Recognition, examples: { "the province's decision": { decisionNumber: '1020/QĐ-UBND', decisionDate: '2026-11-20' } }, answers: DONE },
    [`POST ${INITIATIVE}/propose-upward`]: { params: InitiativeParams, body: ProposeUpwardBody, examples: { 'with a note': { note: 'Đề nghị công nhận phạm vi cấp tỉnh' }, 'without one': {} }, answers: DONE },
    [`GET ${CYCLE}/initiatives`]: { params: cycleParams, answers: READ },
  },
  discipline: {
    [`PUT ${CYCLE}/discipline/{memberId}`]: {
      params: DisciplineParams,
      body: DisciplineBody,
      examples: { 'a reprimand': { level: 'khien-trach', reason: 'Vi phạm quy chế làm việc' }, 'cleared, recorded in error': { level: null, reason: 'Ghi nhận nhầm người' } },
      answers: SAVED,
    },
  },
  awards: {
    [`PUT ${ORG}/decisions/{decisionId}`]: {
      params: DecisionParams,
      body: DecisionBody,
      examples: { 'a signed decision': decision, 'its correction': { ...decision, awards: decision.awards.slice(0, 1), reason: 'Tập thể không đủ điều kiện, đính chính' } },
      answers: {
        201: 'Recorded: the decision with its first page of awards (200 lines), `awardCount`, `awardPages` and a `summary` per title and department; up to 10,000 awards, recorded in pages',
        200: 'Corrected',
      },
    },
    [`POST ${ORG}/decisions/{decisionId}/revoke`]: { params: DecisionParams, body: ReasonBody, examples: { 'a reason': { reason: 'Khen thưởng sai đối tượng' } }, answers: DONE },
    [`GET ${ORG}/decisions/{decisionId}/annex`]: { params: DecisionParams, answers: { 200: 'The annex (phụ lục): who is awarded what, with the rewards' }, files: [DOCX] },
    [`GET ${CYCLE}/awards`]: {
      params: cycleParams,
      query: CycleAwardsQuery,
      answers: { 200: "The cycle's decisions (each with its first page of awards; `nextCursor` while more follow) and the summary; with `decisionId`, that decision's page `page` of awards" },
    },
    [`GET ${ORG}/awards/{recipientKind}/{recipientId}`]: { params: RecipientParams, answers: READ },
  },
  voting: {
    [`PUT ${CYCLE}/council`]: {
      params: cycleParams,
      body: CouncilBody,
      examples: { 'the council': { members: [{ memberId: 'nguyen-van-an', chair: true }, { memberId: 'le-minh-chau' }, { memberId: 'vo-thi-hanh' }] } },
      answers: SAVED,
    },
    [`PUT ${PROPOSAL}`]: {
      params: ProposalParams,
      body: DraftProposalBody,
      examples: {
        'a list with a quota': {
          nominations: [
            { nomineeKind: 'member', nomineeId: 'tran-thi-bich', title: 'chien-si-thi-dua-co-so', basis: 'Hoàn thành xuất sắc nhiệm vụ, có sáng kiến được công nhận' },
            { nomineeKind: 'department', nomineeId: 'van-phong', title: 'tap-the-lao-dong-xuat-sac', basis: 'Dẫn đầu phong trào thi đua năm 2026' },
          ],
          quota: 1,
        },
      },
      answers: SAVED,
    },
    [`POST ${PROPOSAL}/open`]: { params: ProposalParams, body: NoBody, examples: NOTHING_TO_SEND, answers: DONE },
    [`POST ${PROPOSAL}/ballot`]: { params: ProposalParams, body: BallotBody, examples: { 'a ballot': { votes } }, answers: { 201: 'Counted: the receipt to check the minutes with' } },
    [`POST ${PROPOSAL}/written-opinion`]: { params: ProposalParams, body: WrittenOpinionBody, examples: { 'an absent member': { memberId: 'vo-thi-hanh', votes } }, answers: DONE },
    [`POST ${PROPOSAL}/close`]: {
      params: ProposalParams,
      body: CloseVotingBody,
      examples: { 'who was present': { present: ['nguyen-van-an', 'le-minh-chau'] }, "with the chair's preference on a tie": { present: ['nguyen-van-an', 'le-minh-chau'], chairPreference: [0] } },
      answers: DONE,
    },
    [`GET ${CYCLE}/proposals`]: { params: cycleParams, answers: READ },
    [`GET ${PROPOSAL}`]: { params: ProposalParams, answers: READ },
  },
  eligibility: {
    [`GET ${CYCLE}/eligibility`]: { params: EligibilityParams, query: EligibilityQuery, answers: READ },
    [`GET ${CYCLE}/eligibility/{participantId}`]: { params: EligibilityParams, query: EligibilityQuery, answers: READ },
  },
  exports: {
    [`GET ${CYCLE}/exports/registrations`]: { params: cycleParams, query: ExportQuery, answers: { 200: 'The registration list (a sheet per department)' }, files: [XLSX, CSV] },
    [`GET ${CYCLE}/exports/scoreboard`]: { params: cycleParams, answers: { 200: 'The scoreboard' }, files: [XLSX] },
    [`GET ${PROPOSAL}/minutes`]: { params: ProposalParams, answers: { 200: "The council's minutes (biên bản), once the session is closed" }, files: [DOCX] },
    [`GET ${CYCLE}/departments/{departmentId}/evidence-archive`]: {
      params: EvidenceArchiveParams,
      answers: { 200: "The department's evidence files of the cycle as one .zip in storage (a folder per criterion): its name, file count, bytes and a presigned GET" },
    },
    [`GET ${EVALUATION}/export`]: { ...evaluation, answers: { 200: 'The score sheet, with the appraisals the caller may see' }, files: [XLSX] },
  },
  reminders: {
    [`POST ${CYCLE}/reminders`]: {
      params: cycleParams,
      body: RemindBody,
      examples: { 'everyone late to register': { deadline: 'registration' }, 'two participants': { deadline: 'self-assessment', participantIds: ['tran-thi-bich', 'van-phong'] } },
      answers: {
        200: 'Who was reminded, who was skipped and why (lists cut at ~300 KB each; `remindedCount` and `skippedCount` count all), and how many e-mails are queued (sent from the event stream)',
      },
    },
    [`GET ${CYCLE}/reminders`]: {
      params: cycleParams,
      query: RemindersQuery,
      answers: { 200: 'The reminders sent, one row per participant, deadline by deadline in the order sent; `nextCursor` (else null) reads on' },
    },
  },
  findings: {
    [`PUT ${ORG}/departments/{departmentId}/findings/{findingId}`]: {
      params: FindingParams,
      body: FindingContent,
      examples: {
        'a finding': {
          date: '2026-06-15',
          area: 'Cải cách thủ tục hành chính',
          shortcoming: 'Chưa niêm yết đầy đủ thủ tục hành chính tại Bộ phận Một cửa',
          correctiveAction: 'Niêm yết bổ sung và cập nhật trên Cổng dịch vụ công',
          dueDate: '2026-07-15',
        },
      },
      answers: SAVED,
    },
    [`POST ${ORG}/departments/{departmentId}/findings/{findingId}/close`]: {
      params: FindingParams,
      body: FindingClosure,
      examples: { 'corrected': { closedOn: '2026-07-10', note: 'Đã niêm yết bổ sung 12 thủ tục' } },
      answers: DONE,
    },
    [`GET ${ORG}/findings`]: { params: orgParams, query: FindingsQuery, answers: READ },
  },
  reports: {
    [`GET ${CAMPAIGN}/reports`]: { params: ReportParams, query: ReportQuery, answers: { 200: 'The report (sơ kết for some years, tổng kết for the whole period)' }, files: [DOCX] },
    'GET /upward/cycles/{year}': { params: UpwardCycleParams, answers: READ },
  },
  history: {
    [`GET ${ORG}/history/{aggregateType}/{aggregateId}`]: {
      params: HistoryParams,
      query: HistoryQuery,
      answers: { 200: "The record's events, oldest first; a long one stops at the answer's budget and `nextCursor` (else null) reads on" },
    },
  },
};
