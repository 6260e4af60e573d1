import type { DisciplineLevel } from '../../events/discipline';
import type { RuleSet } from './rule-sets';

/**
 * Who is eligible for which title, and why: every condition with the facts it used. Pure: the facts are projected
 * elsewhere (grades, pledges, initiatives, discipline, past awards).
 */
const GRADE_ORDER = ['khong-hoan-thanh', 'hoan-thanh', 'hoan-thanh-tot', 'hoan-thanh-xuat-sac'];
const atLeast = (grade: string | null, floor: string) => grade !== null && GRADE_ORDER.indexOf(grade) >= GRADE_ORDER.indexOf(floor);
const SEVERITY: readonly DisciplineLevel[] = ['khien-trach', 'canh-cao', 'cach-chuc', 'buoc-thoi-viec'];

export interface MemberFacts {
  readonly year: number;
  /** The final grade of the cycle; null while not finalized. */
  readonly grade: string | null;
  readonly pledged: boolean;
  readonly discipline: DisciplineLevel | null;
  readonly recognizedInitiatives: number;
  readonly upwardInitiatives: number;
  readonly acceptedResearch: boolean;
  /** Years in which CSTĐCS was granted (decisions in force). */
  readonly cstdcsYears: readonly number[];
}

export interface Condition {
  readonly code: string;
  readonly label: string;
  readonly met: boolean;
  /** The fact it needs is not there yet (the grade is not final). */
  readonly pending?: boolean;
}

export interface TitleEligibility {
  readonly title: string;
  readonly eligible: boolean;
  readonly conditions: readonly Condition[];
  readonly warnings: readonly { readonly code: string; readonly label: string }[];
  /** Granted above the agency: the agency proposes it upward. */
  readonly proposedUpward?: boolean;
}

const title = (code: string, conditions: Condition[], warnings: TitleEligibility['warnings'] = [], proposedUpward?: boolean): TitleEligibility => ({
  title: code,
  eligible: conditions.every((condition) => condition.met),
  conditions,
  warnings,
  ...(proposedUpward ? { proposedUpward } : {}),
});

export const memberEligibility = (rules: RuleSet, facts: MemberFacts): TitleEligibility[] => {
  const graded: Condition = { code: 'grade-at-least-good', label: 'Được đánh giá hoàn thành tốt nhiệm vụ trở lên', met: atLeast(facts.grade, 'hoan-thanh-tot'), ...(facts.grade === null ? { pending: true } : {}) };
  const tookPart: Condition = { code: 'pledge-registered', label: 'Đăng ký và tham gia phong trào thi đua', met: facts.pledged };
  const clean: Condition = { code: 'not-disciplined', label: 'Không bị kỷ luật', met: facts.discipline === null };
  const ldttConditions = rules.pledgeRequired ? [graded, tookPart, clean] : [graded, clean];
  const warnings = !rules.pledgeRequired && !facts.pledged ? [{ code: 'no-pledge', label: 'Chưa đăng ký thi đua (không còn là điều kiện bắt buộc từ năm 2024)' }] : [];
  const ldtt = title('lao-dong-tien-tien', ldttConditions, warnings);

  const routes: Record<string, boolean> = { 'excellent-grade': facts.grade === 'hoan-thanh-xuat-sac', initiative: facts.recognizedInitiatives > 0, research: facts.acceptedResearch };
  const cstdcs = title('chien-si-thi-dua-co-so', [
    { code: 'ldtt', label: 'Đạt danh hiệu Lao động tiên tiến', met: ldtt.eligible },
    {
      code: `one-of:${rules.cstdcsRoutes.join(',')}`,
      label: rules.cstdcsRoutes.length === 1 ? 'Có sáng kiến được công nhận cấp cơ sở' : 'Hoàn thành xuất sắc nhiệm vụ, hoặc có sáng kiến được công nhận, hoặc đề tài nghiên cứu được nghiệm thu',
      met: rules.cstdcsRoutes.some((route) => routes[route]),
    },
  ]);

  const consecutive = [facts.year - 2, facts.year - 1].every((year) => facts.cstdcsYears.includes(year));
  const provincial = title(
    'chien-si-thi-dua-cap-tinh',
    [
      { code: 'three-consecutive-cstdcs', label: '3 lần liên tục đạt Chiến sĩ thi đua cơ sở (kể cả năm nay)', met: consecutive && cstdcs.eligible },
      { code: 'province-wide-initiative', label: 'Có sáng kiến có phạm vi ảnh hưởng cấp tỉnh', met: facts.upwardInitiatives > 0 },
    ],
    [],
    true,
  );
  return [ldtt, cstdcs, provincial];
};

export interface DepartmentFacts {
  readonly collectiveGrade: string | null;
  readonly members: readonly { readonly grade: string | null; readonly discipline: DisciplineLevel | null; readonly ldtt: boolean; readonly cstdcs: boolean }[];
}

/** `count` of `total` is at least `percent` %, in integers (exactly 70% passes; no floating-point edge). */
export const reachesPercent = (count: number, total: number, percent: number) => total > 0 && 100 * count >= percent * total;

export const departmentEligibility = (rules: RuleSet, facts: DepartmentFacts): TitleEligibility[] => {
  const total = facts.members.length;
  const ldttCount = facts.members.filter((member) => member.ldtt).length;
  const ldttShare: Condition = { code: `ldtt-share-${rules.collectiveLdttPercent}`, label: `Ít nhất ${rules.collectiveLdttPercent}% cá nhân đạt Lao động tiên tiến (${ldttCount}/${total})`, met: reachesPercent(ldttCount, total, rules.collectiveLdttPercent) };
  const noWarning: Condition = {
    code: 'no-discipline-warning-or-above',
    label: 'Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên',
    met: facts.members.every((member) => member.discipline === null || SEVERITY.indexOf(member.discipline) < SEVERITY.indexOf('canh-cao')),
  };
  const ttldtt = title('tap-the-lao-dong-tien-tien', [ldttShare, noWarning]);
  const ttldxs = title('tap-the-lao-dong-xuat-sac', [
    { code: 'unit-excellent', label: 'Tập thể hoàn thành xuất sắc nhiệm vụ', met: facts.collectiveGrade === 'hoan-thanh-xuat-sac', ...(facts.collectiveGrade === null ? { pending: true } : {}) },
    { code: 'all-complete', label: '100% cá nhân hoàn thành nhiệm vụ trở lên', met: total > 0 && facts.members.every((member) => atLeast(member.grade, 'hoan-thanh')) },
    ldttShare,
    { code: 'one-cstdcs', label: 'Có cá nhân đạt Chiến sĩ thi đua cơ sở', met: facts.members.some((member) => member.cstdcs) },
    noWarning,
  ]);
  const flag = title('co-thi-dua-cap-tinh', [{ code: 'excellent-collective', label: 'Đạt Tập thể lao động xuất sắc', met: ttldxs.eligible }], [], true);
  return [ttldtt, ttldxs, flag];
};

/** Where a quota applies (Decree 91: CSTĐCS ≤ 15% of LĐTT holders): how many may be granted, in integers. */
export const cstdcsQuota = (rules: RuleSet, ldttHolders: number): number | null =>
  rules.cstdcsQuotaPercent === null ? null : Math.floor((rules.cstdcsQuotaPercent * ldttHolders) / 100);
