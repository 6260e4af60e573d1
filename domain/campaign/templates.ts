import type { CampaignDefinition } from '../../events/campaign';
import { TITLE_CODES } from '../titles';

/** The self-inspection criterion: its evidence on a department's score sheet is the department's findings. */
export const SELF_INSPECTION_CRITERION = 'tu-kiem-tra-cchc';

/**
 * The plan's criteria (Kế hoạch phát động phong trào thi đua CCHC 2021-2025, section II.1): the seven reform
 * tasks, initiatives, self-inspection and outreach. Maxima sum to 100 so a score reads as a percentage.
 */
export const CCHC_CRITERIA = [
  { code: 'cai-cach-the-che', label: 'Cải cách thể chế', maxScore: 10 },
  { code: 'cai-cach-thu-tuc-hanh-chinh', label: 'Cải cách thủ tục hành chính', maxScore: 15 },
  { code: 'cai-cach-to-chuc-bo-may', label: 'Cải cách tổ chức bộ máy hành chính nhà nước', maxScore: 10 },
  { code: 'cai-cach-che-do-cong-vu', label: 'Cải cách chế độ công vụ', maxScore: 10 },
  { code: 'cai-cach-tai-chinh-cong', label: 'Cải cách tài chính công', maxScore: 10 },
  { code: 'chinh-quyen-dien-tu-so', label: 'Xây dựng Chính quyền điện tử, Chính quyền số', maxScore: 15 },
  { code: 'chi-dao-dieu-hanh', label: 'Công tác chỉ đạo điều hành cải cách hành chính', maxScore: 10 },
  { code: 'sang-kien-giai-phap', label: 'Đề xuất sáng kiến, giải pháp trong thực hiện nhiệm vụ CCHC', maxScore: 8 },
  { code: SELF_INSPECTION_CRITERION, label: 'Thực hiện Kế hoạch tự kiểm tra CCHC', maxScore: 6 },
  {
    code: 'tuyen-truyen-dich-vu-cong',
    label: 'Tuyên truyền dịch vụ công trực tuyến mức độ 3, 4, bưu chính công ích và thanh toán không dùng tiền mặt',
    maxScore: 6,
  },
] as const;

const THEME =
  'Tăng cường ứng dụng công nghệ thông tin trong giải quyết thủ tục hành chính; nâng cao chất lượng phục vụ người dân, tổ chức trong thực hiện giải quyết thủ tục hành chính';

const cchcCampaign = (template: string, start: number, end: string): CampaignDefinition => ({
  title: `Phong trào thi đua cải cách hành chính hằng năm giai đoạn ${start}-${end.slice(0, 4)}`,
  theme: THEME,
  period: { start: `${start}-01-01`, end },
  registrationDeadline: { month: 3, day: 30 },
  criteria: CCHC_CRITERIA.map((criterion) => ({ ...criterion })),
  allowedTitles: [...TITLE_CODES],
  template,
});

/** Ready-made campaigns, by template code. The plan's own period ends on 30/12/2025, as written. */
export const CAMPAIGN_TEMPLATES: Readonly<Record<string, CampaignDefinition>> = {
  'cchc-2021-2025': cchcCampaign('cchc-2021-2025', 2021, '2025-12-30'),
  'cchc-2026-2030': cchcCampaign('cchc-2026-2030', 2026, '2030-12-31'),
};
