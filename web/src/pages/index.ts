import type { FunctionComponent } from 'preact';
import type { Role } from '../auth/session';
import { AppraisalPage } from './appraisal';
import { CampaignPledgePage } from './campaign-pledge';
import { CouncilBallotsPage } from './council-ballots';
import { CouncilSessionsPage } from './council-sessions';
import { DecisionsPage } from './decisions';
import { DepartmentPage } from './department';
import { DepartmentSelfAssessmentPage } from './department-self-assessment';
import { DisciplinePage } from './discipline';
import { EligibilityPage } from './eligibility';
import { ExportsPage } from './exports';
import { FindingsPage } from './findings';
import { HistoryPage } from './history';
import { InitiativesPage } from './initiatives';
import { LaunchCampaignPage } from './launch-campaign';
import { MyPledgePage } from './my-pledge';
import { MyResultsPage } from './my-results';
import { MySelfAssessmentPage } from './my-self-assessment';
import { OrganizationProfilePage } from './organization-profile';
import { RegistrationBoardPage } from './registration-board';
import { RemindersPage } from './reminders';
import { RosterImportPage } from './roster-import';
import { ScoreSheetPage } from './score-sheet';
import { ScoreboardPage } from './scoreboard';
import { SHEET_PAGE } from './sheet-link';
import { UpwardPage } from './upward';
import { AGENCY_PAGE, UpwardAgencyPage } from './upward-agency';

export interface PageSpec {
  readonly path: string;
  readonly label: string;
  /** Who sees the page in the menu; the API still decides what each of them may read and do. */
  readonly roles: readonly Role[];
  readonly component: FunctionComponent;
  /** Reached by a link (with its query), not from the menu. */
  readonly hidden?: boolean;
  /** Reads no campaign of the user's own organization (an upward reader's): shown without the campaign and year bar. */
  readonly standalone?: boolean;
}

/** Every page of the console, in menu order; the first one a user's roles allow is its home page. */
export const PAGES: readonly PageSpec[] = [
  { path: '/dang-ky', label: 'Đăng ký thi đua', roles: ['member', 'head'], component: MyPledgePage },
  { path: '/tu-cham-diem', label: 'Tự chấm điểm', roles: ['member', 'head'], component: MySelfAssessmentPage },
  { path: '/ket-qua', label: 'Kết quả, khen thưởng', roles: ['member', 'head'], component: MyResultsPage },
  { path: '/phong', label: 'Phòng của tôi', roles: ['head'], component: DepartmentPage },
  { path: '/phong/tu-cham-diem', label: 'Tự chấm điểm của phòng', roles: ['head'], component: DepartmentSelfAssessmentPage },
  { path: '/dang-ky-giai-doan', label: 'Đăng ký cả giai đoạn', roles: ['member', 'head'], component: CampaignPledgePage },
  { path: '/bang-dang-ky', label: 'Bảng đăng ký', roles: ['office', 'leader'], component: RegistrationBoardPage },
  // A council member lands on its ballots; the sheets it appraises are one link away.
  { path: '/bieu-quyet', label: 'Biểu quyết', roles: ['council'], component: CouncilBallotsPage },
  { path: '/tham-dinh', label: 'Thẩm định', roles: ['office', 'council'], component: AppraisalPage },
  { path: '/xep-hang', label: 'Bảng xếp hạng', roles: ['office', 'leader', 'council'], component: ScoreboardPage },
  { path: '/xet-danh-hieu', label: 'Xét danh hiệu', roles: ['office', 'leader'], component: EligibilityPage },
  { path: '/phien-hop', label: 'Phiên họp Hội đồng', roles: ['office'], component: CouncilSessionsPage },
  { path: '/quyet-dinh', label: 'Quyết định khen thưởng', roles: ['office', 'leader'], component: DecisionsPage },
  { path: '/tu-kiem-tra', label: 'Tự kiểm tra', roles: ['office', 'leader'], component: FindingsPage },
  { path: '/sang-kien', label: 'Sáng kiến', roles: ['member', 'head', 'office', 'leader', 'council'], component: InitiativesPage },
  { path: '/nhac-han', label: 'Nhắc hạn', roles: ['office'], component: RemindersPage },
  { path: '/ky-luat', label: 'Kỷ luật', roles: ['office'], component: DisciplinePage },
  { path: '/xuat-du-lieu', label: 'Xuất dữ liệu', roles: ['office', 'leader'], component: ExportsPage },
  { path: '/cong-chuc', label: 'Danh sách công chức', roles: ['office'], component: RosterImportPage },
  { path: '/lich-su', label: 'Lịch sử hồ sơ', roles: ['office', 'leader'], component: HistoryPage },
  { path: '/ho-so-co-quan', label: 'Hồ sơ cơ quan', roles: ['office'], component: OrganizationProfilePage, standalone: true },
  { path: '/phat-dong', label: 'Phát động phong trào', roles: ['office'], component: LaunchCampaignPage, standalone: true },
  { path: '/cap-tren', label: 'Các cơ quan theo dõi', roles: ['upward'], component: UpwardPage, standalone: true },
  { path: AGENCY_PAGE, label: 'Cơ quan', roles: ['upward'], component: UpwardAgencyPage, hidden: true, standalone: true },
  { path: SHEET_PAGE, label: 'Phiếu chấm điểm', roles: ['office', 'leader', 'head', 'council'], component: ScoreSheetPage, hidden: true },
];
