import type { DisciplineLevel } from '../../events/discipline';
import type { TitleCode } from '../titles';

/**
 * Who earns which title, as data with effective dates. The plan's period (2021-2025) spans three rule sets
 * (domain.md, "Rules of law that shape the software"); a review applies the rule set in force on its date, and a
 * new decree is a new entry here, not new code. `eligibility.ts` interprets these conditions; nothing else does.
 *
 * Every figure that is not stated by domain.md or a cited source carries `assumed: true` (or a `note`), so the
 * README can list them and an agency can correct them.
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
  /** Not stated by domain.md or a cited source: an assumption to confirm. */
  readonly assumed?: true;
  readonly note?: string;
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

/** A council vote, counted against ALL council members (absent members give written opinions). */
export interface VoteRule {
  readonly percentOfAllMembers: number;
  readonly secretBallot: boolean;
  readonly assumed: boolean;
  readonly note?: string;
}

/** At most `percent`% of the holders of `ofTitle` in the organization may receive the title (rounded down). */
export interface QuotaRule {
  readonly ofTitle: TitleCode;
  readonly percent: number;
  readonly assumed: boolean;
}

export interface TitleRule<Condition> {
  readonly title: TitleCode;
  readonly label: string;
  /** danh hiệu thi đua (title) or hình thức khen thưởng (form of commendation, granted by a decision). */
  readonly kind: 'danh-hieu' | 'hinh-thuc-khen-thuong';
  readonly conditions: readonly Condition[];
  readonly vote: VoteRule | null;
  readonly quota: QuotaRule | null;
  /** Decided by a higher level (the province): the agency only proposes. */
  readonly proposedUpward: boolean;
  readonly note?: string;
}

/** A reward as a multiple of the base salary; null: no amount is computed (see `note`). */
export interface RewardRule {
  readonly multiple: number | null;
  readonly assumed: boolean;
  readonly note?: string;
}

/** How multiple × base salary is rounded: to the nearest `unit` VND (half up), or up to the next `unit`. */
export interface RoundingRule {
  readonly mode: 'nearest' | 'up';
  readonly unit: number;
  readonly assumed: boolean;
  readonly basis: string;
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
// Shared building blocks

const HOAN_THANH_TOT: MemberCondition = {
  kind: 'min-grade',
  code: 'xep-loai-hoan-thanh-tot',
  label: 'Được đánh giá, xếp loại từ “Hoàn thành tốt nhiệm vụ” trở lên',
  grade: 'hoan-thanh-tot',
};

const NOT_DISCIPLINED: MemberCondition = {
  kind: 'not-disciplined',
  code: 'khong-bi-ky-luat',
  label: 'Không bị kỷ luật trong năm (từ hình thức khiển trách trở lên)',
  from: 'khien-trach',
};

const IS_LDTT: MemberCondition = {
  kind: 'eligible-for',
  code: 'dat-lao-dong-tien-tien',
  label: 'Đạt tiêu chuẩn danh hiệu “Lao động tiên tiến”',
  title: 'lao-dong-tien-tien',
};

const THREE_YEARS_CSTDCS: MemberCondition = {
  kind: 'consecutive-years',
  code: 'ba-lan-lien-tuc-cstdcs',
  label: '03 lần liên tục đạt danh hiệu “Chiến sĩ thi đua cơ sở” (tính cả năm xét)',
  title: 'chien-si-thi-dua-co-so',
  years: 3,
  includingCurrent: true,
  note: 'The 3 years end with the cycle under review; this year counts if CSTĐCS is granted or the member is eligible for it now.',
};

const PROVINCE_WIDE_INITIATIVE: MemberCondition = {
  kind: 'province-wide-initiatives',
  code: 'sang-kien-anh-huong-cap-tinh',
  label: 'Có sáng kiến có hiệu quả áp dụng, phạm vi ảnh hưởng trong tỉnh',
  min: 1,
  note: 'Counted as the caller passes it (provinceWideInitiatives); which years count toward it is the caller\'s window.',
};

const NO_MEMBER_CANH_CAO: DepartmentCondition = {
  kind: 'no-member-disciplined',
  code: 'khong-ca-nhan-ky-luat-tu-canh-cao',
  label: 'Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên',
  from: 'canh-cao',
};

const COLLECTIVE_EXCELLENT: DepartmentCondition = {
  kind: 'collective-grade',
  code: 'tap-the-hoan-thanh-xuat-sac',
  label: 'Tập thể được đánh giá “Hoàn thành xuất sắc nhiệm vụ”',
  grade: 'hoan-thanh-xuat-sac',
};

const ALL_MEMBERS_COMPLETE: DepartmentCondition = {
  kind: 'members-min-grade',
  code: 'tat-ca-hoan-thanh-nhiem-vu',
  label: '100% cá nhân trong tập thể hoàn thành nhiệm vụ được giao',
  grade: 'hoan-thanh',
  percent: 100,
};

const SEVENTY_PERCENT_LDTT_FIXED: DepartmentCondition = {
  kind: 'members-ldtt-share',
  code: 'ty-le-lao-dong-tien-tien',
  label: 'Tỷ lệ cá nhân đạt danh hiệu “Lao động tiên tiến”',
  percent: 70,
  comparison: 'at-least',
  overridable: false,
};

const HAS_CSTDCS: DepartmentCondition = {
  kind: 'members-cstdcs-count',
  code: 'co-chien-si-thi-dua-co-so',
  label: 'Có cá nhân đạt danh hiệu “Chiến sĩ thi đua cơ sở”',
  min: 1,
};

/** The forms of commendation, the same under every rule set so far. */
const commendationsFor = (): { member: TitleRule<MemberCondition>[]; department: TitleRule<DepartmentCondition>[] } => {
  const giayKhen = {
    title: 'giay-khen',
    label: 'Giấy khen',
    kind: 'hinh-thuc-khen-thuong',
    vote: null,
    quota: null,
    proposedUpward: false,
    note: 'Granted by a decision of the head of the agency; no automatic condition beyond discipline is checked.',
  } as const;
  const bangKhen = {
    title: 'bang-khen-cap-tinh',
    label: 'Bằng khen của Ủy ban nhân dân tỉnh',
    kind: 'hinh-thuc-khen-thuong',
    vote: null,
    quota: null,
    proposedUpward: true,
    note: 'Proposed upward; the province checks its own criteria, which are not modelled here.',
  } as const;
  return {
    member: [
      { ...giayKhen, conditions: [NOT_DISCIPLINED] },
      { ...bangKhen, conditions: [NOT_DISCIPLINED] },
    ],
    // A department has no discipline of its own in the facts: no automatic condition at all.
    department: [
      { ...giayKhen, conditions: [] },
      { ...bangKhen, conditions: [] },
    ],
  };
};

/** Decree 98 art. 54 multiples (domain.md). */
const REWARDS_98: Readonly<Record<AwardCode, RewardRule>> = {
  'chien-si-thi-dua-toan-quoc': { multiple: 4.5, assumed: false },
  'chien-si-thi-dua-cap-tinh': { multiple: 3.0, assumed: false },
  'chien-si-thi-dua-co-so': { multiple: 1.0, assumed: false },
  'lao-dong-tien-tien': { multiple: 0.3, assumed: false },
  'tap-the-lao-dong-xuat-sac': { multiple: 1.5, assumed: false },
  'tap-the-lao-dong-tien-tien': { multiple: 0.8, assumed: false },
  'co-thi-dua-cap-tinh': { multiple: 8.0, assumed: false },
  'giay-khen': {
    multiple: null,
    assumed: true,
    note: 'No amount: the multiple differs for individuals and collectives and is not in domain.md. Enter it on the decision.',
  },
  'bang-khen-cap-tinh': {
    multiple: null,
    assumed: true,
    note: 'No amount: the multiple differs for individuals and collectives and is not in domain.md. Paid by the province.',
  },
};

const commendations = commendationsFor();

// ---------------------------------------------------------------------------------------------------------------
// 2021-2023: Law on Emulation and Commendation 2003 (amended 2005, 2013) and Decree 91/2017/NĐ-CP

const ND91: RuleSet = {
  code: 'luat-2003-nd91-2017',
  label: 'Luật Thi đua, Khen thưởng năm 2003 (sửa đổi, bổ sung năm 2005, 2013) và Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ',
  // Decree 91/2017 was signed 31/07/2017; 01/10/2017 is taken as its effective date (not verified here). Only
  // dates from 2021 matter to the plan.
  effectiveFrom: '2017-10-01',
  thresholdsUnconfirmed: false,
  memberTitles: [
    {
      title: 'lao-dong-tien-tien',
      label: 'Lao động tiên tiến',
      kind: 'danh-hieu',
      conditions: [
        HOAN_THANH_TOT,
        {
          kind: 'pledged',
          code: 'dang-ky-thi-dua',
          label: 'Có đăng ký thi đua (bắt buộc theo Nghị định số 91/2017/NĐ-CP)',
          mode: 'required',
        },
        NOT_DISCIPLINED,
      ],
      vote: null,
      quota: null,
      proposedUpward: false,
    },
    {
      title: 'chien-si-thi-dua-co-so',
      label: 'Chiến sĩ thi đua cơ sở',
      kind: 'danh-hieu',
      conditions: [
        IS_LDTT,
        {
          kind: 'achievement',
          code: 'sang-kien-hoac-de-tai',
          label: 'Có sáng kiến được cơ sở công nhận hoặc đề tài nghiên cứu khoa học đã nghiệm thu được áp dụng',
          anyOf: ['sang-kien-co-so', 'de-tai-nghiem-thu'],
          note: 'Law 2003 art. 23(2): an initiative recognized at base level OR an accepted research project; a grade alone never suffices.',
        },
      ],
      vote: { percentOfAllMembers: 80, secretBallot: true, assumed: true, note: 'Decree 98\'s 80% of all members, assumed for Decree 91 at base level.' },
      quota: { ofTitle: 'lao-dong-tien-tien', percent: 15, assumed: false },
      proposedUpward: false,
    },
    {
      title: 'chien-si-thi-dua-cap-tinh',
      label: 'Chiến sĩ thi đua cấp tỉnh',
      kind: 'danh-hieu',
      conditions: [THREE_YEARS_CSTDCS, PROVINCE_WIDE_INITIATIVE],
      // Decree 91 art. 45(8): the provincial council meets, votes by secret ballot, ≥90% of all its members.
      vote: { percentOfAllMembers: 90, secretBallot: true, assumed: false },
      quota: null,
      proposedUpward: true,
    },
    ...commendations.member,
  ],
  departmentTitles: [
    {
      title: 'tap-the-lao-dong-tien-tien',
      label: 'Tập thể lao động tiên tiến',
      kind: 'danh-hieu',
      conditions: [
        { kind: 'pledged', code: 'dang-ky-thi-dua', label: 'Tập thể có đăng ký thi đua (bắt buộc theo Nghị định số 91/2017/NĐ-CP)', mode: 'required' },
        {
          // Law 2003 art. 28(1)(c): "có trên 50% cá nhân trong tập thể đạt danh hiệu Lao động tiên tiến".
          kind: 'members-ldtt-share',
          code: 'ty-le-lao-dong-tien-tien',
          label: 'Tỷ lệ cá nhân đạt danh hiệu “Lao động tiên tiến”',
          percent: 50,
          comparison: 'more-than',
          overridable: true,
        },
        NO_MEMBER_CANH_CAO,
      ],
      vote: null,
      quota: null,
      proposedUpward: false,
    },
    {
      title: 'tap-the-lao-dong-xuat-sac',
      label: 'Tập thể lao động xuất sắc',
      kind: 'danh-hieu',
      conditions: [
        { kind: 'pledged', code: 'dang-ky-thi-dua', label: 'Tập thể có đăng ký thi đua (bắt buộc theo Nghị định số 91/2017/NĐ-CP)', mode: 'required' },
        COLLECTIVE_EXCELLENT,
        ALL_MEMBERS_COMPLETE,
        SEVENTY_PERCENT_LDTT_FIXED,
        HAS_CSTDCS,
        NO_MEMBER_CANH_CAO,
      ],
      vote: null,
      quota: null,
      proposedUpward: false,
    },
    {
      title: 'co-thi-dua-cap-tinh',
      label: 'Cờ thi đua cấp tỉnh',
      kind: 'danh-hieu',
      conditions: [],
      vote: { percentOfAllMembers: 80, secretBallot: true, assumed: true, note: 'Decree 98\'s 80% of all members, assumed for Decree 91.' },
      quota: null,
      proposedUpward: true,
      note: '"Tập thể tiêu biểu xuất sắc" is a judgment of the council, not a computable condition.',
    },
    ...commendations.department,
  ],
  rewards: {
    ...Object.fromEntries(Object.entries(REWARDS_98).map(([code, rule]) => [code, { ...rule, assumed: true }])),
    // 0.8 for Tập thể lao động tiên tiến under Decree 91 is attested (1,112,000 VND on a 1,390,000 base, 2018).
    'tap-the-lao-dong-tien-tien': { multiple: 0.8, assumed: false },
  } as Record<AwardCode, RewardRule>,
  rewardRounding: {
    mode: 'up',
    unit: 10_000,
    assumed: false,
    basis: 'Nghị định 91/2017/NĐ-CP Điều 68 khoản 2: tiền thưởng sau khi nhân với hệ số mức lương cơ sở được làm tròn số lên hàng chục nghìn đồng',
  },
  notes: [
    'Collective titles follow Law 2003 arts. 27-28 (TT LĐTT: more than 50% of members LĐTT); domain.md only gives the 2022 figures.',
    'Multiples other than TT LĐTT are assumed equal to Decree 98 art. 54.',
  ],
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
        HOAN_THANH_TOT,
        {
          kind: 'pledged',
          code: 'thieu-dang-ky-thi-dua',
          label: 'Không có bản đăng ký thi đua (không còn là điều kiện bắt buộc theo Điều 7 Luật Thi đua, khen thưởng năm 2022)',
          mode: 'warning',
        },
        NOT_DISCIPLINED,
      ],
      vote: null,
      quota: null,
      proposedUpward: false,
    },
    {
      title: 'chien-si-thi-dua-co-so',
      label: 'Chiến sĩ thi đua cơ sở',
      kind: 'danh-hieu',
      conditions: [
        IS_LDTT,
        {
          kind: 'achievement',
          code: 'mot-trong-cac-thanh-tich',
          label: 'Có một trong các thành tích: hoàn thành xuất sắc nhiệm vụ; sáng kiến được cơ sở công nhận; đề tài nghiên cứu khoa học đã nghiệm thu',
          anyOf: ['hoan-thanh-xuat-sac', 'sang-kien-co-so', 'de-tai-nghiem-thu'],
        },
      ],
      // Decree 98 art. 30(7). domain.md records the secret ballot only for Decree 91; the system keeps every
      // ballot secret anyway (issue 4).
      vote: { percentOfAllMembers: 80, secretBallot: false, assumed: false },
      quota: null,
      proposedUpward: false,
    },
    {
      title: 'chien-si-thi-dua-cap-tinh',
      label: 'Chiến sĩ thi đua cấp tỉnh',
      kind: 'danh-hieu',
      conditions: [THREE_YEARS_CSTDCS, PROVINCE_WIDE_INITIATIVE],
      vote: { percentOfAllMembers: 90, secretBallot: false, assumed: false },
      quota: null,
      proposedUpward: true,
    },
    ...commendations.member,
  ],
  departmentTitles: [
    {
      title: 'tap-the-lao-dong-tien-tien',
      label: 'Tập thể lao động tiên tiến',
      kind: 'danh-hieu',
      conditions: [
        {
          kind: 'pledged',
          code: 'thieu-dang-ky-thi-dua',
          label: 'Tập thể không có bản đăng ký thi đua (không còn là điều kiện bắt buộc theo Điều 7 Luật Thi đua, khen thưởng năm 2022)',
          mode: 'warning',
        },
        {
          kind: 'members-ldtt-share',
          code: 'ty-le-lao-dong-tien-tien',
          label: 'Tỷ lệ cá nhân đạt danh hiệu “Lao động tiên tiến”',
          percent: 70,
          comparison: 'at-least',
          overridable: true,
          note: 'Set by each province (domain.md): an organization may override it.',
        },
        NO_MEMBER_CANH_CAO,
      ],
      vote: null,
      quota: null,
      proposedUpward: false,
    },
    {
      title: 'tap-the-lao-dong-xuat-sac',
      label: 'Tập thể lao động xuất sắc',
      kind: 'danh-hieu',
      conditions: [
        {
          kind: 'pledged',
          code: 'thieu-dang-ky-thi-dua',
          label: 'Tập thể không có bản đăng ký thi đua (không còn là điều kiện bắt buộc theo Điều 7 Luật Thi đua, khen thưởng năm 2022)',
          mode: 'warning',
        },
        COLLECTIVE_EXCELLENT,
        ALL_MEMBERS_COMPLETE,
        SEVENTY_PERCENT_LDTT_FIXED,
        HAS_CSTDCS,
        {
          kind: 'no-member-disciplined',
          code: 'khong-ca-nhan-ky-luat-tu-canh-cao',
          label: 'Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên',
          from: 'canh-cao',
          assumed: true,
          note: 'Not listed for TT LĐXS in domain.md; Law 2003 art. 27 had it, and Law 2022 art. 27 is understood to keep it.',
        },
      ],
      vote: null,
      quota: null,
      proposedUpward: false,
    },
    {
      title: 'co-thi-dua-cap-tinh',
      label: 'Cờ thi đua cấp tỉnh',
      kind: 'danh-hieu',
      conditions: [],
      vote: { percentOfAllMembers: 80, secretBallot: false, assumed: false },
      quota: null,
      proposedUpward: true,
      note: '"Tập thể tiêu biểu xuất sắc" is a judgment of the council, not a computable condition.',
    },
    ...commendations.department,
  ],
  rewards: REWARDS_98,
  rewardRounding: {
    mode: 'nearest',
    unit: 1_000,
    assumed: true,
    basis:
      'Giả định: làm tròn đến 1.000 đồng gần nhất. Nghị định 91/2017 Điều 68(2) làm tròn lên hàng chục nghìn đồng; chưa xác nhận Nghị định 98/2023 có giữ quy định này hay không.',
  },
  notes: [],
};

// ---------------------------------------------------------------------------------------------------------------
// From 2025-07-01: Decree 152/2025 replaces Decree 98; its thresholds are unconfirmed, so Decree 98's are kept.

const ND152: RuleSet = {
  ...ND98,
  code: 'nd152-2025',
  label: 'Luật Thi đua, khen thưởng số 06/2022/QH15 và Nghị định số 152/2025/NĐ-CP của Chính phủ',
  effectiveFrom: '2025-07-01',
  thresholdsUnconfirmed: true,
  notes: ['Decree 152/2025 thresholds, quotas and conditions are copied from Decree 98/2023 pending confirmation.'],
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
