import type { FunctionComponent } from 'preact';
import type { Role } from '../auth/session';
import { AppraisalPage } from './appraisal';
import { CouncilBallotsPage } from './council-ballots';
import { CouncilSessionsPage } from './council-sessions';
import { DecisionsPage } from './decisions';
import { DepartmentPage } from './department';
import { EligibilityPage } from './eligibility';
import { ExportsPage } from './exports';
import { HistoryPage } from './history';
import { MyPledgePage } from './my-pledge';
import { MyResultsPage } from './my-results';
import { MySelfAssessmentPage } from './my-self-assessment';
import { RegistrationBoardPage } from './registration-board';
import { ScoreSheetPage } from './score-sheet';
import { ScoreboardPage } from './scoreboard';
import { SHEET_PAGE } from './sheet-link';

export interface PageSpec {
  readonly path: string;
  readonly label: string;
  /** Who sees the page in the menu; the API still decides what each of them may read and do. */
  readonly roles: readonly Role[];
  readonly component: FunctionComponent;
  /** Reached by a link (with its query), not from the menu. */
  readonly hidden?: boolean;
}

/** Every page of the console, in menu order; the first one a user's roles allow is its home page. */
export const PAGES: readonly PageSpec[] = [
  { path: '/dang-ky', label: 'Đăng ký thi đua', roles: ['member', 'head'], component: MyPledgePage },
  { path: '/tu-cham-diem', label: 'Tự chấm điểm', roles: ['member', 'head'], component: MySelfAssessmentPage },
  { path: '/ket-qua', label: 'Kết quả, khen thưởng', roles: ['member', 'head'], component: MyResultsPage },
  { path: '/phong', label: 'Phòng của tôi', roles: ['head'], component: DepartmentPage },
  { path: '/bang-dang-ky', label: 'Bảng đăng ký', roles: ['office', 'leader'], component: RegistrationBoardPage },
  { path: '/tham-dinh', label: 'Thẩm định', roles: ['office'], component: AppraisalPage },
  { path: '/bieu-quyet', label: 'Biểu quyết', roles: ['council'], component: CouncilBallotsPage },
  { path: '/xep-hang', label: 'Bảng xếp hạng', roles: ['office', 'leader', 'council'], component: ScoreboardPage },
  { path: '/xet-danh-hieu', label: 'Xét danh hiệu', roles: ['office', 'leader'], component: EligibilityPage },
  { path: '/phien-hop', label: 'Phiên họp Hội đồng', roles: ['office'], component: CouncilSessionsPage },
  { path: '/quyet-dinh', label: 'Quyết định khen thưởng', roles: ['office', 'leader'], component: DecisionsPage },
  { path: '/xuat-du-lieu', label: 'Xuất dữ liệu', roles: ['office', 'leader'], component: ExportsPage },
  { path: '/lich-su', label: 'Lịch sử hồ sơ', roles: ['office', 'leader'], component: HistoryPage },
  { path: SHEET_PAGE, label: 'Phiếu chấm điểm', roles: ['office', 'leader', 'head', 'council'], component: ScoreSheetPage, hidden: true },
];
