import type { CampaignEvent } from '../../../events/campaign';
import type { DecisionEvent } from '../../../events/decision';
import type { DisciplineEvent } from '../../../events/discipline';
import type { EvaluationEvent } from '../../../events/evaluation';
import type { FindingEvent } from '../../../events/finding';
import type { InitiativeEvent } from '../../../events/initiative';
import type { DepartmentEvent, MemberEvent, OrganizationEvent } from '../../../events/organization';
import type { PledgeEvent } from '../../../events/pledge';
import type { ReminderEvent } from '../../../events/reminder';
import type { CouncilEvent, ProposalEvent } from '../../../events/voting';

/**
 * Every event the API stores, as events/registry.ts lists them per aggregate. Types only (erased from the bundle):
 * an event added there without a label below fails `tsc -p web`.
 */
type EventType = (
  | OrganizationEvent
  | DepartmentEvent
  | MemberEvent
  | CampaignEvent
  | PledgeEvent
  | EvaluationEvent
  | InitiativeEvent
  | DisciplineEvent
  | DecisionEvent
  | CouncilEvent
  | ProposalEvent
  | ReminderEvent
  | FindingEvent
)['type'];

const EVENT_LABELS: Record<EventType, string> = {
  OrganizationProfileSet: 'Cập nhật thông tin cơ quan',
  DepartmentRegistered: 'Thêm phòng',
  DepartmentUpdated: 'Cập nhật thông tin phòng',
  MemberRegistered: 'Thêm công chức',
  MemberUpdated: 'Cập nhật thông tin công chức',
  CampaignLaunched: 'Phát động phong trào',
  CampaignRedefined: 'Điều chỉnh phong trào',
  CycleOpened: 'Mở năm thi đua',
  RegistrationClosed: 'Khóa sổ đăng ký',
  CampaignEnded: 'Kết thúc phong trào',
  EvaluationWindowRecorded: 'Ấn định thời gian chấm điểm',
  PledgeSubmitted: 'Đăng ký thi đua',
  PledgeAmended: 'Sửa đăng ký thi đua',
  PledgeWithdrawn: 'Rút đăng ký thi đua',
  SelfAssessmentDrafted: 'Lưu nháp tự chấm điểm',
  SelfAssessmentSubmitted: 'Gửi tự chấm điểm',
  EvaluationReturned: 'Trả lại phiếu chấm',
  AppraisersAssigned: 'Phân công thẩm định',
  AppraisalSubmitted: 'Gửi kết quả thẩm định',
  EvaluationFinalized: 'Chốt kết quả chấm điểm',
  EvaluationCorrected: 'Điều chỉnh kết quả chấm điểm',
  InitiativeSubmitted: 'Nộp sáng kiến',
  InitiativeAmended: 'Sửa sáng kiến',
  InitiativeSentToReview: 'Chuyển hội đồng xét sáng kiến',
  InitiativeRecognized: 'Công nhận sáng kiến',
  InitiativeRejected: 'Không công nhận sáng kiến',
  InitiativeProposedUpward: 'Đề nghị cấp trên công nhận sáng kiến',
  DisciplineRecorded: 'Ghi nhận kỷ luật',
  DisciplineCleared: 'Xóa kỷ luật',
  DecisionRecorded: 'Ban hành quyết định khen thưởng',
  DecisionCorrected: 'Đính chính quyết định',
  DecisionRevoked: 'Thu hồi quyết định',
  CouncilConstituted: 'Thành lập hội đồng thi đua, khen thưởng',
  ProposalDrafted: 'Lập tờ trình',
  VotingOpened: 'Mở biểu quyết',
  BallotCast: 'Bỏ phiếu kín',
  WrittenOpinionRecorded: 'Ghi nhận ý kiến bằng văn bản',
  VotingClosed: 'Kết thúc biểu quyết',
  RemindersSent: 'Gửi nhắc nhở',
  FindingRecorded: 'Ghi nhận kết quả tự kiểm tra',
  FindingAmended: 'Sửa kết quả tự kiểm tra',
  FindingClosed: 'Xác nhận đã khắc phục',
};

/** An event's Vietnamese label; an event the console does not know yet (a newer API) keeps its own name. */
export const eventLabel = (type: string) => (EVENT_LABELS as Record<string, string>)[type] ?? type;
