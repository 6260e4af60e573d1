/**
 * The rules of law for titles, as data with effective dates (domain.md). The plan's period spans three rule sets;
 * a review applies the one in force on its date, so a 2022 review applies Decree 91 and a 2024 review Decree 98.
 * A new decree is a new entry here.
 */
export type MemberRoute = 'excellent-grade' | 'initiative' | 'research';

export interface RuleSet {
  readonly code: string;
  readonly label: string;
  /** First day in force (Asia/Ho_Chi_Minh calendar date). */
  readonly effectiveFrom: string;
  /** Under the 2003 law a registered pledge was a condition; from 2024 a missing one is only a warning. */
  readonly pledgeRequired: boolean;
  /** CSTĐCS: LĐTT plus ONE of these (Decree 91 accepted only an initiative). */
  readonly cstdcsRoutes: readonly MemberRoute[];
  /** CSTĐCS capped at this percentage of the LĐTT holders (Decree 91: 15%), or no cap. */
  readonly cstdcsQuotaPercent: number | null;
  /** Tập thể lao động tiên tiến: at least this share of members LĐTT (set by each province; 70% by default). */
  readonly collectiveLdttPercent: number;
  /** Set where the source is not confirmed, so users are told. */
  readonly unconfirmed?: string;
}

export const RULE_SETS: readonly RuleSet[] = [
  {
    code: 'luat-2003-nd91-2017',
    label: 'Luật Thi đua, Khen thưởng 2003 (sửa đổi, bổ sung) và Nghị định 91/2017/NĐ-CP',
    effectiveFrom: '2017-07-31',
    pledgeRequired: true,
    cstdcsRoutes: ['initiative'],
    cstdcsQuotaPercent: 15,
    collectiveLdttPercent: 70,
  },
  {
    code: 'luat-2022-nd98-2023',
    label: 'Luật Thi đua, Khen thưởng số 06/2022/QH15 và Nghị định 98/2023/NĐ-CP',
    effectiveFrom: '2024-01-01',
    pledgeRequired: false,
    cstdcsRoutes: ['excellent-grade', 'initiative', 'research'],
    cstdcsQuotaPercent: null,
    collectiveLdttPercent: 70,
  },
  {
    code: 'nd152-2025',
    label: 'Luật Thi đua, Khen thưởng số 06/2022/QH15 và Nghị định 152/2025/NĐ-CP',
    effectiveFrom: '2025-07-01',
    pledgeRequired: false,
    cstdcsRoutes: ['excellent-grade', 'initiative', 'research'],
    cstdcsQuotaPercent: null,
    collectiveLdttPercent: 70,
    unconfirmed: 'Whether Decree 152/2025 keeps Decree 98’s conditions and thresholds is unconfirmed: they are kept as Decree 98’s.',
  },
];

/** The rule set in force on a date (YYYY-MM-DD): the latest that took effect on or before it. */
export const ruleSetFor = (date: string): RuleSet => [...RULE_SETS].reverse().find((ruleSet) => ruleSet.effectiveFrom <= date) ?? RULE_SETS[0];
