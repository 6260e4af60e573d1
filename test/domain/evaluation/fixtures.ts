/** Factories for the evaluation specifications: the 2025 cycle of the 2021-2025 plan, score sheets and events. */
import type { Actor } from '../../../domain/actor';
import type { CampaignState } from '../../../domain/campaign/decider';
import { CCHC_CRITERIA } from '../../../domain/campaign/templates';
import { type EvaluationContext, type EvaluationState, evaluationDecider } from '../../../domain/evaluation/decider';
import { fold } from '../../../domain/decider';
import type { ParticipantRef } from '../../../domain/policies';
import { vnInstant } from '../../../domain/time';
import type { CampaignEvent } from '../../../events/campaign';
import type { AppraisalScore, CatalogueSnapshot, EvaluationEvent, EvaluationResult, SelfScore } from '../../../events/evaluation';
import { actors, campaignState, memberRef, ORG } from '../fixtures';

export const YEAR = 2025;
/** In the middle of the self-assessment window (20/11/2025, 09:00 local). */
export const DURING = vnInstant(YEAR, 11, 20, 9);

/** Council members the Office assigns: the token carries their member id (`custom:member`). */
export const APPRAISER = 'hoang-van-cuong';
export const OTHER_APPRAISER = 'le-thi-dung';
export const councilMember = (member: string): Actor => ({ sub: `user:${member}`, org: ORG, roles: ['council'], member });
/** The Office appraises as its user. */
export const OFFICE_APPRAISER = actors.office().sub;

export const evidence = [{ title: 'Báo cáo kết quả CCHC năm 2025', ref: 'Số 123/BC-VP' }];

/** A scored entry with evidence. */
export const scored = (criterion: string, score: number): SelfScore => ({ criterion, score, evidence });
export const notApplicable = (criterion: string): SelfScore => ({ criterion, notApplicable: true, reason: 'Phòng không giải quyết thủ tục hành chính' });

export const CODES = CCHC_CRITERIA.map((criterion) => criterion.code);
/** The catalogue snapshot the plan's template yields: ten top-level criteria, no sub-criteria. */
export const CATALOGUE: CatalogueSnapshot = CCHC_CRITERIA.map(({ code, maxScore }) => ({ code, maxScore, parent: code }));

/** Every criterion of the plan, scored by `scoreOf` (default: its maximum). */
export const fullSheet = (scoreOf: (code: string, maxScore: number) => number = (_code, max) => max): SelfScore[] =>
  CCHC_CRITERIA.map(({ code, maxScore }) => scored(code, scoreOf(code, maxScore)));

/**
 * A realistic sheet: public finance does not apply, the rest below or at the maximum (applicable maximum 90).
 */
export const SHEET: SelfScore[] = [
  scored('cai-cach-the-che', 8),
  scored('cai-cach-thu-tuc-hanh-chinh', 12),
  scored('cai-cach-to-chuc-bo-may', 10),
  scored('cai-cach-che-do-cong-vu', 9),
  notApplicable('cai-cach-tai-chinh-cong'),
  scored('chinh-quyen-dien-tu-so', 14),
  scored('chi-dao-dieu-hanh', 10),
  scored('sang-kien-giai-phap', 6),
  scored('tu-kiem-tra-cchc', 6),
  scored('tuyen-truyen-dich-vu-cong', 5.5),
];

export const evaluationContext = (overrides: Partial<EvaluationContext> = {}): EvaluationContext => ({
  actor: actors.member(memberRef().id, memberRef().departmentId),
  now: DURING,
  year: YEAR,
  campaign: campaignState(),
  participant: memberRef(),
  ...overrides,
});

export const asOffice = (overrides: Partial<EvaluationContext> = {}) => evaluationContext({ actor: actors.office(), ...overrides });
export const asAppraiser = (member = APPRAISER, overrides: Partial<EvaluationContext> = {}) => evaluationContext({ actor: councilMember(member), ...overrides });

/** The campaign with some evaluation windows recorded by the scheduler (or by hand). */
export const windowRecorded = (window: 'self-assessment-opened' | 'self-assessment-closed' | 'appraisal-closed', at: Date, year = YEAR): CampaignEvent => ({
  type: 'EvaluationWindowRecorded',
  data: { year, window, at: at.toISOString() },
});
export const campaignWith = (...events: CampaignEvent[]): CampaignState => campaignState(events);

// Events of an evaluation.
export const drafted = (scores: readonly SelfScore[], participant: ParticipantRef = memberRef(), catalogue = CATALOGUE): EvaluationEvent => ({
  type: 'SelfAssessmentDrafted',
  data: { participant, scores: [...scores], catalogue },
});
export const submitted = (scores: readonly SelfScore[] = SHEET, participant: ParticipantRef = memberRef(), catalogue = CATALOGUE): EvaluationEvent => ({
  type: 'SelfAssessmentSubmitted',
  data: { participant, scores: [...scores], catalogue },
});
export const returned = (reason = 'Thiếu tài liệu kiểm chứng tiêu chí cải cách thể chế'): EvaluationEvent => ({ type: 'EvaluationReturned', data: { reason } });
export const assigned = (appraisers: readonly string[], participant: ParticipantRef = memberRef()): EvaluationEvent => ({
  type: 'AppraisersAssigned',
  data: { participant, appraisers: [...appraisers] },
});
export const appraised = (appraiser: string, scores: readonly AppraisalScore[]): EvaluationEvent => ({ type: 'AppraisalSubmitted', data: { appraiser, scores: [...scores] } });
export const finalized = (result: EvaluationResult): EvaluationEvent => ({ type: 'EvaluationFinalized', data: { result } });

export const evaluationState = (events: readonly EvaluationEvent[]): EvaluationState => fold(evaluationDecider, events);
