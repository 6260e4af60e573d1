import type { Campaign } from '../types';

/** A title's Vietnamese label as the campaign gives it (the code if the campaign does not list it). */
export const titleLabel = (campaign: Campaign, code: string) => campaign.allowedTitles.find((title) => title.code === code)?.label ?? code;

export const PROPOSAL_STATUS: Record<string, string> = { draft: 'Dự thảo', open: 'Đang biểu quyết', closed: 'Đã kết thúc' };

export const SHEET_STATUS: Record<string, string> = { none: 'Chưa tự chấm', draft: 'Đang soạn', submitted: 'Đã gửi', returned: 'Bị trả lại', finalized: 'Đã chốt' };
