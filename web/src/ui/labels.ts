import type { Campaign } from '../types';

/** A title's Vietnamese label as the campaign gives it (the code if the campaign does not list it). */
export const titleLabel = (campaign: Campaign, code: string) => campaign.allowedTitles.find((title) => title.code === code)?.label ?? code;

export const PROPOSAL_STATUS: Record<string, string> = { draft: 'Dự thảo', open: 'Đang biểu quyết', closed: 'Đã kết thúc' };

export const SHEET_STATUS: Record<string, string> = { none: 'Chưa tự chấm', draft: 'Đang soạn', submitted: 'Đã gửi', returned: 'Bị trả lại', finalized: 'Đã chốt' };

/** A proposal list as the council reads it: by its year and size, never by its id. */
export const proposalHeading = (year: number, proposal: { readonly nominations: readonly unknown[] }) => `Tờ trình đề nghị khen thưởng năm ${year} (${proposal.nominations.length} đề nghị)`;
