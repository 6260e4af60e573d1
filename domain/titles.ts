/**
 * Emulation titles and forms of commendation that can be pledged (Law on Emulation and Commendation 2022).
 * Codes are slugs of the Vietnamese names; labels are what users read.
 */
export type ParticipantKind = 'department' | 'member';

export interface TitleDefinition {
  readonly code: string;
  readonly label: string;
  /** Who may hold it: a collective (department), an individual (member), or both. */
  readonly for: readonly ParticipantKind[];
}

export const TITLES = [
  { code: 'lao-dong-tien-tien', label: 'Lao động tiên tiến', for: ['member'] },
  { code: 'chien-si-thi-dua-co-so', label: 'Chiến sĩ thi đua cơ sở', for: ['member'] },
  { code: 'chien-si-thi-dua-cap-tinh', label: 'Chiến sĩ thi đua cấp tỉnh', for: ['member'] },
  { code: 'tap-the-lao-dong-tien-tien', label: 'Tập thể lao động tiên tiến', for: ['department'] },
  { code: 'tap-the-lao-dong-xuat-sac', label: 'Tập thể lao động xuất sắc', for: ['department'] },
  { code: 'co-thi-dua-cap-tinh', label: 'Cờ thi đua cấp tỉnh', for: ['department'] },
  { code: 'giay-khen', label: 'Giấy khen', for: ['department', 'member'] },
  { code: 'bang-khen-cap-tinh', label: 'Bằng khen của Ủy ban nhân dân tỉnh', for: ['department', 'member'] },
] as const satisfies readonly TitleDefinition[];

export type TitleCode = (typeof TITLES)[number]['code'];

export const TITLE_CODES = TITLES.map((title) => title.code) as [TitleCode, ...TitleCode[]];

const byCode = new Map<string, TitleDefinition>(TITLES.map((title) => [title.code, title]));

export const titleByCode = (code: string): TitleDefinition | undefined => byCode.get(code);

/** The labels of the titles named, by code: for a reader that has not the campaign's list (an upward reader). */
export const titleLabelsOf = (codes: readonly string[]): Record<string, string> => Object.fromEntries(codes.map((code) => [code, titleByCode(code)?.label ?? code]));
