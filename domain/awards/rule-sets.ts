import type { DisciplineLevel } from '../../events/discipline';
import type { TitleCode } from '../titles';

/**
 * Who earns which title, as data with effective dates. The plan's period (2021-2025) spans three rule sets
 * (domain.md, "Rules of law that shape the software"); a review applies the rule set in force on its date, and a
 * new decree is a new entry here, not new code. `eligibility.ts` interprets these conditions; nothing else does.
 *
 * Every condition, threshold, quota, multiple and rounding names its `source` (the text, article and clause). A
 * figure no text found here states carries `assumed: true`, so the README can list them and an agency can correct
 * them. The texts were read from public copies (cited in the README's law section); Decree 152/2025's text was not
 * found, so its rule set repeats Decree 98's as an assumption.
 */

/** Staff rating grades, from the lowest (the codes of the default grade bands, domain/evaluation/catalogue.ts). */
export const GRADE_CODES = ['khong-hoan-thanh', 'hoan-thanh', 'hoan-thanh-tot', 'hoan-thanh-xuat-sac'] as const;
export type GradeCode = (typeof GRADE_CODES)[number];

export const GRADE_LABELS: Readonly<Record<GradeCode, string>> = {
  'khong-hoan-thanh': 'Không hoàn thành nhiệm vụ',
  'hoan-thanh': 'Hoàn thành nhiệm vụ',
  'hoan-thanh-tot': 'Hoàn thành tốt nhiệm vụ',
  'hoan-thanh-xuat-sac': 'Hoàn thành xuất sắc nhiệm vụ',
};

export type RuleSetCode = 'luat-2003-nd91-2017' | 'luat-2022-nd98-2023' | 'nd152-2025';

/** Titles that carry a reward: the pledgeable titles, plus the national CSTĐ (not pledged at an agency, but paid). */
export type AwardCode = TitleCode | 'chien-si-thi-dua-toan-quoc';

/** What can satisfy the "one of" achievement of Chiến sĩ thi đua cơ sở. */
export type Achievement = 'hoan-thanh-xuat-sac' | 'sang-kien-co-so' | 'de-tai-nghiem-thu';

interface ConditionBase {
  /** Stable slug, what clients and tests match on. */
  readonly code: string;
  /** Vietnamese, what users read. */
  readonly label: string;
  /** The text, article and clause that state it (Vietnamese, as users cite it). */
  readonly source: string;
  /** Not stated by a text found: an assumption to confirm. */
  readonly assumed?: true;
  readonly note?: string;
}

/** A condition the rules leave to the council's judgment (no fact software holds decides it): shown, never checked. */
export interface Judgment {
  readonly code: string;
  readonly label: string;
  readonly source: string;
  readonly assumed?: true;
}

/**
 * A pledge condition: `required` bars the title when missing (Decree 91: "không xem xét, công nhận danh hiệu thi
 * đua đối với cá nhân, tập thể không đăng ký thi đua"); `warning` only warns (Law 2022 art. 7): its code and label
 * are then the warning's, and it is not listed among the conditions.
 */
export type PledgeMode = 'required' | 'warning';

export type MemberCondition =
  | (ConditionBase & { readonly kind: 'min-grade'; readonly grade: GradeCode })
  | (ConditionBase & { readonly kind: 'pledged'; readonly mode: PledgeMode })
  /** Barred by a disciplinary measure at `from` or more severe (events/discipline.ts orders them). */
  | (ConditionBase & { readonly kind: 'not-disciplined'; readonly from: DisciplineLevel })
  /** Meets every condition of another title of the same rule set (CSTĐCS "is LĐTT"). */
  | (ConditionBase & { readonly kind: 'eligible-for'; readonly title: TitleCode })
  | (ConditionBase & { readonly kind: 'achievement'; readonly anyOf: readonly Achievement[] })
  /**
   * `years` consecutive years holding `title`, ending with the cycle's year when `includingCurrent` (this year
   * counts if the title is granted or the member is eligible for it now), else ending the year before.
   */
  | (ConditionBase & { readonly kind: 'consecutive-years'; readonly title: TitleCode; readonly years: number; readonly includingCurrent: boolean })
  | (ConditionBase & { readonly kind: 'province-wide-initiatives'; readonly min: number });

export type DepartmentCondition =
  /** The department's own (collective) grade of the cycle. */
  | (ConditionBase & { readonly kind: 'collective-grade'; readonly grade: GradeCode })
  | (ConditionBase & { readonly kind: 'pledged'; readonly mode: PledgeMode })
  /** Share of members eligible for LĐTT; `overridable`: an organization may set its own percentage. */
  | (ConditionBase & { readonly kind: 'members-ldtt-share'; readonly percent: number; readonly comparison: 'at-least' | 'more-than'; readonly overridable: boolean })
  /** Share of members graded at least `grade` (100: every member). */
  | (ConditionBase & { readonly kind: 'members-min-grade'; readonly grade: GradeCode; readonly percent: number })
  | (ConditionBase & { readonly kind: 'members-cstdcs-count'; readonly min: number })
  | (ConditionBase & { readonly kind: 'no-member-disciplined'; readonly from: DisciplineLevel });

/**
 * A council vote, counted against ALL council members (absent members give written opinions). `by`: the council
 * whose vote grants it; a provincial council's vote (Chiến sĩ thi đua cấp tỉnh) is not the agency's, whose own session
 * only proposes the title upward (by a majority of its members, `requiredYes`).
 */
export interface VoteRule {
  readonly percentOfAllMembers: number;
  readonly secretBallot: boolean;
  readonly by: 'agency-council' | 'provincial-council';
  readonly source: string;
  readonly assumed: boolean;
  readonly note?: string;
}

/** At most `percent`% of the holders of `ofTitle` in the organization may receive the title (rounded down). */
export interface QuotaRule {
  readonly ofTitle: TitleCode;
  readonly percent: number;
  readonly source: string;
  readonly assumed: boolean;
}

export interface TitleRule<Condition> {
  readonly title: TitleCode;
  readonly label: string;
  /** danh hiệu thi đua (title) or hình thức khen thưởng (form of commendation, granted by a decision). */
  readonly kind: 'danh-hieu' | 'hinh-thuc-khen-thuong';
  readonly conditions: readonly Condition[];
  /** What the rules leave to the council (a "phong trào thi đua thường xuyên", "thành tích tiêu biểu xuất sắc"). */
  readonly judgments: readonly Judgment[];
  /**
   * The checkable conditions do not establish the title: the council judges it (Bằng khen, Giấy khen, Cờ thi đua),
   * and `eligible` only says no checkable condition stands in the way.
   */
  readonly councilJudgment: boolean;
  readonly vote: VoteRule | null;
  readonly quota: QuotaRule | null;
  /** Decided by a higher level (the province): the agency only proposes. */
  readonly proposedUpward: boolean;
  readonly note?: string;
}

/**
 * A reward as a multiple of the base salary for an individual; a collective receives `collectiveMultiple` (the
 * titles of collectives have only that one; Giấy khen and Bằng khen: twice the individual's). Null: no amount.
 */
export interface RewardRule {
  readonly multiple: number | null;
  readonly collectiveMultiple?: number;
  readonly source: string;
  readonly assumed: boolean;
  readonly note?: string;
}

/** How multiple × base salary is rounded: to the nearest `unit` VND (half up), or up to the next `unit`. */
export interface RoundingRule {
  readonly mode: 'nearest' | 'up';
  readonly unit: number;
  readonly assumed: boolean;
  readonly source: string;
}

export interface RuleSet {
  readonly code: RuleSetCode;
  /** The legal basis, in Vietnamese. */
  readonly label: string;
  /** The first calendar date (Asia/Ho_Chi_Minh) on which a review applies this rule set. */
  readonly effectiveFrom: string;
  /** The decree's voting thresholds and quotas are not confirmed: copied from its predecessor. */
  readonly thresholdsUnconfirmed: boolean;
  readonly memberTitles: readonly TitleRule<MemberCondition>[];
  readonly departmentTitles: readonly TitleRule<DepartmentCondition>[];
  readonly rewards: Readonly<Record<AwardCode, RewardRule>>;
  readonly rewardRounding: RoundingRule;
  readonly notes: readonly string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Sources (the README's law section lists where each was read)

const LAW_2003 = 'Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung 2005, 2013)';
const LAW_2022 = 'Luật Thi đua, khen thưởng số 06/2022/QH15';
const DECREE_91 = 'Nghị định số 91/2017/NĐ-CP';
const DECREE_98 = 'Nghị định số 98/2023/NĐ-CP';
const DECREE_152 = 'Nghị định số 152/2025/NĐ-CP';

// ---------------------------------------------------------------------------------------------------------------
// Shared building blocks

const atLeastGood = (source: string): MemberCondition => ({
  kind: 'min-grade',
  code: 'xep-loai-hoan-thanh-tot',
  label: 'Được đánh giá, xếp loại từ “Hoàn thành tốt nhiệm vụ” trở lên',
  grade: 'hoan-thanh-tot',
  source,
});

const NOT_DISCIPLINED: MemberCondition = {
  kind: 'not-disciplined',
  code: 'khong-bi-ky-luat',
  label: 'Không bị kỷ luật trong năm (từ hình thức khiển trách trở lên)',
  from: 'khien-trach',
  source: 'Tiêu chuẩn “chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước” của danh hiệu; mức khiển trách: giả định, chưa tìm được điều khoản',
  assumed: true,
};

const isLdtt = (source: string): MemberCondition => ({
  kind: 'eligible-for',
  code: 'dat-lao-dong-tien-tien',
  label: 'Đạt tiêu chuẩn danh hiệu “Lao động tiên tiến”',
  title: 'lao-dong-tien-tien',
  source,
});

const threeYearsCstdcs = (source: string): MemberCondition => ({
  kind: 'consecutive-years',
  code: 'ba-lan-lien-tuc-cstdcs',
  label: '03 lần liên tục đạt danh hiệu “Chiến sĩ thi đua cơ sở” (tính cả năm xét)',
  title: 'chien-si-thi-dua-co-so',
  years: 3,
  includingCurrent: true,
  source,
  note: 'The 3 years end with the cycle under review; this year counts if CSTĐCS is granted or the member is eligible for it now.',
});

/** Recognized by the province (its head, or its science council) with a decision the Office records: not "proposed". */
const provinceWideRecognition = (source: string): MemberCondition => ({
  kind: 'province-wide-initiatives',
  code: 'sang-kien-anh-huong-cap-tinh',
  label: 'Có sáng kiến hoặc đề tài khoa học được cấp tỉnh công nhận hiệu quả áp dụng, phạm vi ảnh hưởng trong tỉnh',
  min: 1,
  source,
});

const PLEDGE_REQUIRED = (label: string): MemberCondition & DepartmentCondition => ({
  kind: 'pledged',
  code: 'dang-ky-thi-dua',
  label,
  mode: 'required',
  source: `${DECREE_91}: “không xem xét, công nhận danh hiệu thi đua đối với cá nhân, tập thể không đăng ký thi đua” (số điều chưa đối chiếu)`,
  assumed: true,
});

const PLEDGE_WARNING = (label: string): MemberCondition & DepartmentCondition => ({
  kind: 'pledged',
  code: 'thieu-dang-ky-thi-dua',
  label,
  mode: 'warning',
  source: `${LAW_2022} Điều 7 (đăng ký thi đua không còn là điều kiện xét tặng)`,
});

const noMemberCanhCao = (source: string, assumed?: true): DepartmentCondition => ({
  kind: 'no-member-disciplined',
  code: 'khong-ca-nhan-ky-luat-tu-canh-cao',
  label: 'Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên',
  from: 'canh-cao',
  source,
  ...(assumed ? { assumed } : {}),
});

const collectiveAtLeast = (grade: GradeCode, code: string, label: string, source: string): DepartmentCondition => ({ kind: 'collective-grade', code, label, grade, source });

const ldttShare = (percent: number, comparison: 'at-least' | 'more-than', overridable: boolean, source: string): DepartmentCondition => ({
  kind: 'members-ldtt-share',
  code: 'ty-le-lao-dong-tien-tien',
  label: 'Tỷ lệ cá nhân đạt danh hiệu “Lao động tiên tiến”',
  percent,
  comparison,
  overridable,
  source,
});

const allMembersComplete = (source: string): DepartmentCondition => ({
  kind: 'members-min-grade',
  code: 'tat-ca-hoan-thanh-nhiem-vu',
  label: '100% cá nhân trong tập thể hoàn thành nhiệm vụ được giao',
  grade: 'hoan-thanh',
  percent: 100,
  source,
});

const hasCstdcs = (source: string): DepartmentCondition => ({
  kind: 'members-cstdcs-count',
  code: 'co-chien-si-thi-dua-co-so',
  label: 'Có cá nhân đạt danh hiệu “Chiến sĩ thi đua cơ sở”',
  min: 1,
  source,
});

const movement = (source: string): Judgment => ({ code: 'phong-trao-thi-dua-thuong-xuyen', label: 'Có phong trào thi đua thường xuyên, thiết thực, có hiệu quả', source });
const unity = (source: string): Judgment => ({ code: 'noi-bo-doan-ket', label: 'Nội bộ đoàn kết, chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước', source });

const NO_JUDGMENT = { judgments: [], councilJudgment: false } as const;

/**
 * Tập thể lao động tiên tiến (Law 2003 art. 28(1), kept by Law 2022 art. 28): (a) the unit's own task and plan
 * completed well, i.e. its own grade at least "hoàn thành tốt" whatever its members; (b) a regular, effective
 * movement (the council's judgment); (c) more than 50% of members LĐTT, an organization may ask more, and nobody
 * disciplined at cảnh cáo or above; (d) internal unity (the council's judgment).
 */
const collectiveAdvanced = (pledge: DepartmentCondition, law: string): TitleRule<DepartmentCondition> => ({
  title: 'tap-the-lao-dong-tien-tien',
  label: 'Tập thể lao động tiên tiến',
  kind: 'danh-hieu',
  conditions: [
    pledge,
    collectiveAtLeast('hoan-thanh-tot', 'tap-the-hoan-thanh-tot', 'Tập thể hoàn thành tốt nhiệm vụ và kế hoạch được giao (tập thể được xếp loại từ “Hoàn thành tốt nhiệm vụ” trở lên)', `${law} khoản 1 điểm a`),
    ldttShare(50, 'more-than', true, `${law} khoản 1 điểm c: “có trên 50% cá nhân trong tập thể đạt danh hiệu Lao động tiên tiến”`),
    noMemberCanhCao(`${law} khoản 1 điểm c`),
  ],
  judgments: [movement(`${law} khoản 1 điểm b`), unity(`${law} khoản 1 điểm d`)],
  councilJudgment: false,
  vote: null,
  quota: null,
  proposedUpward: false,
});

/** Tập thể lao động xuất sắc (Law 2003 art. 27; Law 2022 art. 28 per domain.md): the unit excellent, 100% complete, ≥70% LĐTT, a CSTĐCS. */
const collectiveExcellent = (pledge: DepartmentCondition, law: string, canhCao: DepartmentCondition): TitleRule<DepartmentCondition> => ({
  title: 'tap-the-lao-dong-xuat-sac',
  label: 'Tập thể lao động xuất sắc',
  kind: 'danh-hieu',
  conditions: [
    pledge,
    collectiveAtLeast('hoan-thanh-xuat-sac', 'tap-the-hoan-thanh-xuat-sac', 'Tập thể được đánh giá “Hoàn thành xuất sắc nhiệm vụ”', `${law}: tập thể sáng tạo, vượt khó hoàn thành xuất sắc nhiệm vụ`),
    allMembersComplete(`${law}: 100% cá nhân hoàn thành nhiệm vụ được giao`),
    ldttShare(70, 'at-least', false, `${law}: ít nhất 70% cá nhân đạt danh hiệu “Lao động tiên tiến”`),
    hasCstdcs(`${law}: có cá nhân đạt danh hiệu “Chiến sĩ thi đua cơ sở”`),
    canhCao,
  ],
  judgments: [movement(law), unity(law)],
  councilJudgment: false,
  vote: null,
  quota: null,
  proposedUpward: false,
});

const COMMENDATION_SOURCE = 'Tiêu chuẩn Giấy khen, Bằng khen: văn bản chưa tìm được; các tiêu chí dưới đây là giả định theo thực tiễn (Nghị định 91/2017/NĐ-CP, Luật 2022)';

const standardJudgments: readonly Judgment[] = [
  { code: 'thanh-tich-binh-xet', label: 'Có thành tích được bình xét trong phong trào thi đua', source: COMMENDATION_SOURCE, assumed: true },
  { code: 'thanh-tich-dot-xuat', label: 'Lập được thành tích đột xuất', source: COMMENDATION_SOURCE, assumed: true },
];

/**
 * The forms of commendation are the council's judgment (achievements "được bình xét", "tiêu biểu xuất sắc"): their
 * criteria were not found in a text here, so they are listed, assumed, for the council, with the discipline bar.
 */
const commendationsFor = (): { member: TitleRule<MemberCondition>[]; department: TitleRule<DepartmentCondition>[] } => {
  const giayKhen = {
    title: 'giay-khen',
    label: 'Giấy khen',
    kind: 'hinh-thuc-khen-thuong',
    judgments: [...standardJudgments, { code: 'hoan-thanh-tot-nhiem-vu', label: 'Hoàn thành tốt nhiệm vụ, nghĩa vụ', source: COMMENDATION_SOURCE, assumed: true as const }],
    councilJudgment: true,
    vote: null,
    quota: null,
    proposedUpward: false,
    note: 'Granted by a decision of the head of the agency on the council\'s judgment.',
  } as const;
  const bangKhen = {
    title: 'bang-khen-cap-tinh',
    label: 'Bằng khen của Ủy ban nhân dân tỉnh',
    kind: 'hinh-thuc-khen-thuong',
    judgments: [
      { code: 'thanh-tich-tieu-bieu-xuat-sac', label: 'Có thành tích tiêu biểu xuất sắc được bình xét trong phong trào thi đua', source: COMMENDATION_SOURCE, assumed: true as const },
      { code: 'hai-nam-xuat-sac-hai-sang-kien', label: '02 năm liên tục hoàn thành xuất sắc nhiệm vụ, trong thời gian đó có 02 sáng kiến được công nhận và áp dụng hiệu quả ở cơ sở', source: COMMENDATION_SOURCE, assumed: true as const },
    ],
    councilJudgment: true,
    vote: null,
    quota: null,
    proposedUpward: true,
    note: 'Proposed upward; the province decides on its own criteria.',
  } as const;
  return {
    member: [
      { ...giayKhen, conditions: [NOT_DISCIPLINED] },
      { ...bangKhen, conditions: [NOT_DISCIPLINED] },
    ],
    department: [
      { ...giayKhen, conditions: [noMemberCanhCao(COMMENDATION_SOURCE, true)] },
      { ...bangKhen, conditions: [noMemberCanhCao(COMMENDATION_SOURCE, true)] },
    ],
  };
};

const commendations = commendationsFor();

/** Cờ thi đua cấp tỉnh: "tập thể tiêu biểu xuất sắc" of the province, voted by the provincial council. */
const provincialFlag = (vote: VoteRule, source: string): TitleRule<DepartmentCondition> => ({
  title: 'co-thi-dua-cap-tinh',
  label: 'Cờ thi đua cấp tỉnh',
  kind: 'danh-hieu',
  conditions: [],
  judgments: [{ code: 'tap-the-tieu-bieu-xuat-sac', label: 'Hoàn thành vượt mức chỉ tiêu thi đua và nhiệm vụ được giao; là tập thể tiêu biểu xuất sắc của tỉnh', source }],
  councilJudgment: true,
  vote,
  quota: null,
  proposedUpward: true,
});

/** The titles' multiples, the same in Decree 91 art. 69 and Decree 98 art. 54: individuals (clause 1), collectives (clause 2). */
const titleRewards = (individuals: string, collectives: string): Omit<Record<AwardCode, RewardRule>, 'giay-khen' | 'bang-khen-cap-tinh'> => ({
  'chien-si-thi-dua-toan-quoc': { multiple: 4.5, source: individuals, assumed: false },
  'chien-si-thi-dua-cap-tinh': { multiple: 3.0, source: individuals, assumed: false },
  'chien-si-thi-dua-co-so': { multiple: 1.0, source: individuals, assumed: false },
  'lao-dong-tien-tien': { multiple: 0.3, source: individuals, assumed: false },
  'tap-the-lao-dong-xuat-sac': { multiple: 1.5, source: collectives, assumed: false },
  'tap-the-lao-dong-tien-tien': { multiple: 0.8, source: collectives, assumed: false },
  'co-thi-dua-cap-tinh': { multiple: 8.0, source: collectives, assumed: false },
});

/** Decree 98 art. 54 (titles); Giấy khen and Bằng khen as Decree 91 art. 73 (Decree 98's article was not found). */
const REWARDS_98: Readonly<Record<AwardCode, RewardRule>> = {
  ...titleRewards(`${DECREE_98} Điều 54 khoản 1`, `${DECREE_98} Điều 54 khoản 2`),
  'giay-khen': {
    multiple: 0.3,
    collectiveMultiple: 0.6,
    source: `${DECREE_98}: điều về tiền thưởng Giấy khen chưa tìm được; giả định như ${DECREE_91} Điều 73`,
    assumed: true,
  },
  'bang-khen-cap-tinh': {
    multiple: 1.0,
    collectiveMultiple: 2.0,
    source: `${DECREE_98}: điều về tiền thưởng Bằng khen chưa tìm được; giả định như ${DECREE_91} Điều 73`,
    assumed: true,
    note: 'Paid by the province that grants it.',
  },
};

/** Decree 91 art. 69 (titles) and art. 73 (Giấy khen, Bằng khen: a collective twice the individual's, art. 73(2)(b)). */
const REWARDS_91: Readonly<Record<AwardCode, RewardRule>> = {
  ...titleRewards(`${DECREE_91} Điều 69 khoản 1`, `${DECREE_91} Điều 69 khoản 2`),
  'giay-khen': { multiple: 0.3, collectiveMultiple: 0.6, source: `${DECREE_91} Điều 73 khoản 1 (cá nhân: 0,3 lần), khoản 2 điểm b (tập thể: gấp hai lần)`, assumed: false },
  'bang-khen-cap-tinh': {
    multiple: 1.0,
    collectiveMultiple: 2.0,
    source: `${DECREE_91} Điều 73 khoản 1 (cá nhân: 1,0 lần), khoản 2 điểm b (tập thể: gấp hai lần)`,
    assumed: false,
    note: 'Paid by the province that grants it.',
  },
};

// ---------------------------------------------------------------------------------------------------------------
// 2021-2023: Law on Emulation and Commendation 2003 (amended 2005, 2013) and Decree 91/2017/NĐ-CP

const ND91: RuleSet = {
  code: 'luat-2003-nd91-2017',
  label: 'Luật Thi đua, Khen thưởng năm 2003 (sửa đổi, bổ sung năm 2005, 2013) và Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ',
  // Decree 91/2017 was signed 31/07/2017 and took effect 01/10/2017 (plo.vn). Only dates from 2021 matter to the plan.
  effectiveFrom: '2017-10-01',
  thresholdsUnconfirmed: false,
  memberTitles: [
    {
      title: 'lao-dong-tien-tien',
      label: 'Lao động tiên tiến',
      kind: 'danh-hieu',
      conditions: [atLeastGood(`${LAW_2003} Điều 24 khoản 1`), PLEDGE_REQUIRED('Có đăng ký thi đua (bắt buộc theo Nghị định số 91/2017/NĐ-CP)'), NOT_DISCIPLINED],
      ...NO_JUDGMENT,
      vote: null,
      quota: null,
      proposedUpward: false,
    },
    {
      title: 'chien-si-thi-dua-co-so',
      label: 'Chiến sĩ thi đua cơ sở',
      kind: 'danh-hieu',
      conditions: [
        isLdtt(`${LAW_2003} Điều 23 khoản 1`),
        {
          kind: 'achievement',
          code: 'sang-kien-hoac-de-tai',
          label: 'Có sáng kiến được cơ sở công nhận hoặc đề tài nghiên cứu khoa học đã nghiệm thu được áp dụng',
          anyOf: ['sang-kien-co-so', 'de-tai-nghiem-thu'],
          source: `${LAW_2003} Điều 23 khoản 2; ${DECREE_91} Điều 9 khoản 3`,
          note: 'An initiative recognized at base level OR an accepted research project; a grade alone never suffices.',
        },
      ],
      ...NO_JUDGMENT,
      vote: { percentOfAllMembers: 80, secretBallot: true, by: 'agency-council', source: `Giả định theo ${DECREE_98} Điều 30 khoản 7; ${DECREE_91} chỉ quy định bỏ phiếu kín`, assumed: true },
      quota: { ofTitle: 'lao-dong-tien-tien', percent: 15, source: `${DECREE_91} Điều 9 khoản 3: không quá 15% tổng số cá nhân đạt danh hiệu “Lao động tiên tiến”`, assumed: false },
      proposedUpward: false,
    },
    {
      title: 'chien-si-thi-dua-cap-tinh',
      label: 'Chiến sĩ thi đua cấp tỉnh',
      kind: 'danh-hieu',
      conditions: [threeYearsCstdcs(`${LAW_2003} Điều 22`), provinceWideRecognition(`${LAW_2003} Điều 22`)],
      judgments: [{ code: 'thanh-tich-tieu-bieu-xuat-sac', label: 'Có thành tích tiêu biểu xuất sắc', source: `${LAW_2003} Điều 22` }],
      councilJudgment: false,
      vote: { percentOfAllMembers: 90, secretBallot: true, by: 'provincial-council', source: `${DECREE_91} Điều 45 khoản 8`, assumed: false },
      quota: null,
      proposedUpward: true,
    },
    ...commendations.member,
  ],
  departmentTitles: [
    collectiveAdvanced(PLEDGE_REQUIRED('Tập thể có đăng ký thi đua (bắt buộc theo Nghị định số 91/2017/NĐ-CP)'), `${LAW_2003} Điều 28`),
    collectiveExcellent(PLEDGE_REQUIRED('Tập thể có đăng ký thi đua (bắt buộc theo Nghị định số 91/2017/NĐ-CP)'), `${LAW_2003} Điều 27`, noMemberCanhCao(`${LAW_2003} Điều 27`)),
    provincialFlag(
      { percentOfAllMembers: 80, secretBallot: true, by: 'provincial-council', source: `Giả định theo ${DECREE_98} Điều 30 khoản 7`, assumed: true },
      `${LAW_2003} Điều 26`,
    ),
    ...commendations.department,
  ],
  rewards: REWARDS_91,
  rewardRounding: {
    mode: 'up',
    unit: 10_000,
    assumed: false,
    source: `${DECREE_91} Điều 68 khoản 2: “tiền thưởng sau khi nhân với hệ số mức lương cơ sở được làm tròn số lên hàng chục nghìn đồng”; Ban Thi đua - Khen thưởng Trung ương (2018): 1.112.000 làm tròn lên 1.120.000`,
  },
  notes: [],
};

// ---------------------------------------------------------------------------------------------------------------
// From 2024-01-01: Law 06/2022/QH15 and Decree 98/2023/NĐ-CP

const ND98: RuleSet = {
  code: 'luat-2022-nd98-2023',
  label: 'Luật Thi đua, khen thưởng số 06/2022/QH15 và Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ',
  effectiveFrom: '2024-01-01',
  thresholdsUnconfirmed: false,
  memberTitles: [
    {
      title: 'lao-dong-tien-tien',
      label: 'Lao động tiên tiến',
      kind: 'danh-hieu',
      conditions: [
        atLeastGood(`${LAW_2022}, danh hiệu “Lao động tiên tiến”: hoàn thành tốt nhiệm vụ trở lên`),
        PLEDGE_WARNING('Không có bản đăng ký thi đua (không còn là điều kiện bắt buộc theo Điều 7 Luật Thi đua, khen thưởng năm 2022)'),
        NOT_DISCIPLINED,
      ],
      ...NO_JUDGMENT,
      vote: null,
      quota: null,
      proposedUpward: false,
    },
    {
      title: 'chien-si-thi-dua-co-so',
      label: 'Chiến sĩ thi đua cơ sở',
      kind: 'danh-hieu',
      conditions: [
        isLdtt(`${LAW_2022}, danh hiệu “Chiến sĩ thi đua cơ sở”`),
        {
          kind: 'achievement',
          code: 'mot-trong-cac-thanh-tich',
          label: 'Có một trong các thành tích: hoàn thành xuất sắc nhiệm vụ; sáng kiến được cơ sở công nhận; đề tài nghiên cứu khoa học đã nghiệm thu',
          anyOf: ['hoan-thanh-xuat-sac', 'sang-kien-co-so', 'de-tai-nghiem-thu'],
          source: `${LAW_2022}, danh hiệu “Chiến sĩ thi đua cơ sở” (domain.md)`,
        },
      ],
      ...NO_JUDGMENT,
      // domain.md records the secret ballot only for Decree 91; the system keeps every ballot secret anyway (issue 4).
      vote: { percentOfAllMembers: 80, secretBallot: false, by: 'agency-council', source: `${DECREE_98} Điều 30 khoản 7`, assumed: false },
      quota: null,
      proposedUpward: false,
    },
    {
      title: 'chien-si-thi-dua-cap-tinh',
      label: 'Chiến sĩ thi đua cấp tỉnh',
      kind: 'danh-hieu',
      conditions: [
        threeYearsCstdcs(`${LAW_2022}, danh hiệu Chiến sĩ thi đua bộ, ban, ngành, tỉnh: 03 lần liên tục đạt “Chiến sĩ thi đua cơ sở”`),
        provinceWideRecognition(`${LAW_2022}, danh hiệu Chiến sĩ thi đua bộ, ban, ngành, tỉnh: sáng kiến, đề tài có phạm vi ảnh hưởng trong tỉnh, do người đứng đầu tỉnh công nhận`),
      ],
      judgments: [{ code: 'thanh-tich-tieu-bieu-xuat-sac', label: 'Có thành tích xuất sắc tiêu biểu', source: LAW_2022 }],
      councilJudgment: false,
      vote: { percentOfAllMembers: 90, secretBallot: false, by: 'provincial-council', source: `${DECREE_98} Điều 30 khoản 7`, assumed: false },
      quota: null,
      proposedUpward: true,
    },
    ...commendations.member,
  ],
  departmentTitles: [
    collectiveAdvanced(PLEDGE_WARNING('Tập thể không có bản đăng ký thi đua (không còn là điều kiện bắt buộc theo Điều 7 Luật Thi đua, khen thưởng năm 2022)'), `${LAW_2022} Điều 28`),
    collectiveExcellent(
      PLEDGE_WARNING('Tập thể không có bản đăng ký thi đua (không còn là điều kiện bắt buộc theo Điều 7 Luật Thi đua, khen thưởng năm 2022)'),
      `${LAW_2022} Điều 28`,
      noMemberCanhCao(`Không có trong domain.md; ${LAW_2003} Điều 27 có, giả định ${LAW_2022} giữ`, true),
    ),
    provincialFlag({ percentOfAllMembers: 80, secretBallot: false, by: 'provincial-council', source: `${DECREE_98} Điều 30 khoản 7`, assumed: false }, LAW_2022),
    ...commendations.department,
  ],
  rewards: REWARDS_98,
  rewardRounding: {
    mode: 'up',
    unit: 10_000,
    assumed: false,
    source: `${DECREE_98}, nguyên tắc tính tiền thưởng: “tiền thưởng sau khi nhân với hệ số mức lương cơ sở được làm tròn số lên hàng chục nghìn đồng” (Cổng TTĐT Chính phủ, 07/01/2024; số điều chưa đối chiếu)`,
  },
  notes: [],
};

// ---------------------------------------------------------------------------------------------------------------
// From 2025-07-01: Decree 152/2025/NĐ-CP (14/06/2025) replaces Decree 98. Its official text was not found; a
// quotation of its art. 4 and art. 59 was (a thuvienphapluat.vn-style article kept in a public repository,
// tnt305/tai_lieu_noi_bo): art. 59(1) in force from 01/07/2025, art. 59(2) Decree 98 and Decree 28/2024 no longer
// in force; art. 4(4) no commendation while a disciplinary measure is being considered, and after one, achievements
// count only from the end of its term. Its thresholds, quotas, conditions and rounding are Decree 98's, assumed; the
// individual titles' multiples are reported by the press (dantri.com.vn).

const press152 = `${DECREE_152}, mức tiền thưởng danh hiệu thi đua (theo dantri.com.vn 06/12/2025; số điều chưa đối chiếu)`;

/**
 * Decree 152 art. 4(4): a member disciplined in the year (from khiển trách) has no achievement of the year before the
 * measure's term ends, so no yearly title; quoted, not read in the official gazette.
 */
const NOT_DISCIPLINED_152: MemberCondition = {
  kind: 'not-disciplined',
  code: NOT_DISCIPLINED.code,
  label: NOT_DISCIPLINED.label,
  from: 'khien-trach',
  source: `${DECREE_152} Điều 4 khoản 4: chưa khen thưởng trong thời gian xem xét kỷ luật; sau kỷ luật, thành tích tính từ khi chấp hành xong thời gian kỷ luật (theo bản trích dẫn, chưa đối chiếu Công báo)`,
};

/** Decree 98's titles with the discipline bar Decree 152 art. 4(4) gives (every other condition as Decree 98's). */
const with152Discipline = (titles: readonly TitleRule<MemberCondition>[]): TitleRule<MemberCondition>[] =>
  titles.map((rule) => ({ ...rule, conditions: rule.conditions.map((condition) => (condition.code === NOT_DISCIPLINED.code ? NOT_DISCIPLINED_152 : condition)) }));

/** A vote Decree 98 art. 30(7) set, kept under Decree 152 as an assumption (Decree 98 no longer applies, art. 59(2)). */
const with152Votes = <C,>(titles: readonly TitleRule<C>[]): TitleRule<C>[] =>
  titles.map((rule) =>
    rule.vote === null ? rule : { ...rule, vote: { ...rule.vote, assumed: true, source: `Giả định như ${rule.vote.source} (văn bản ${DECREE_152} chưa tìm được)` } },
  );

const ND152: RuleSet = {
  ...ND98,
  code: 'nd152-2025',
  label: 'Luật Thi đua, khen thưởng số 06/2022/QH15 và Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 của Chính phủ',
  // Art. 59(1) (quoted): "Nghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025".
  effectiveFrom: '2025-07-01',
  thresholdsUnconfirmed: true,
  memberTitles: with152Votes(with152Discipline(ND98.memberTitles)),
  departmentTitles: with152Votes(ND98.departmentTitles),
  rewards: {
    ...(Object.fromEntries(
      Object.entries(REWARDS_98).map(([code, rule]) => [code, { ...rule, source: `Giả định như ${rule.source} (văn bản ${DECREE_152} chưa tìm được)`, assumed: true }]),
    ) as Record<AwardCode, RewardRule>),
    'chien-si-thi-dua-toan-quoc': { multiple: 4.5, source: press152, assumed: false },
    'chien-si-thi-dua-cap-tinh': { multiple: 3.0, source: press152, assumed: false },
    'chien-si-thi-dua-co-so': { multiple: 1.0, source: press152, assumed: false },
    'lao-dong-tien-tien': { multiple: 0.3, source: press152, assumed: false },
  },
  rewardRounding: { ...ND98.rewardRounding, assumed: true, source: `Giả định như ${DECREE_98} (làm tròn lên hàng chục nghìn đồng); văn bản ${DECREE_152} chưa tìm được` },
  notes: [
    'Decree 152/2025 thresholds, quotas and conditions are copied from Decree 98/2023 pending confirmation.',
    'Decree 152/2025 art. 59 (quoted): in force from 01/07/2025; Decree 98/2023 and Decree 28/2024 cease to apply.',
  ],
};

/** In order of effective date. */
export const RULE_SETS: readonly RuleSet[] = [ND91, ND98, ND152];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Refuses anything that is not a real calendar date written YYYY-MM-DD. */
export const assertIsoDate = (date: string): void => {
  const match = ISO_DATE.exec(date);
  const valid =
    match !== null &&
    (() => {
      const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
      const probe = new Date(Date.UTC(year, month - 1, day));
      return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
    })();
  if (!valid) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
};

/** The rule set in force on a calendar date (Asia/Ho_Chi_Minh): the latest whose effectiveFrom ≤ date. */
export const ruleSetFor = (date: string): RuleSet => {
  assertIsoDate(date);
  const inForce = RULE_SETS.filter((ruleSet) => ruleSet.effectiveFrom <= date).at(-1);
  if (inForce === undefined) throw new RangeError(`no rule set in force on ${date} (the first is from ${RULE_SETS[0].effectiveFrom})`);
  return inForce;
};

export const ruleSetByCode = (code: string): RuleSet | undefined => RULE_SETS.find((ruleSet) => ruleSet.code === code);
