import { type CycleFacts, cycleEligibility, withGrants } from '../awards/cycle-eligibility';
import type { RuleSet } from '../awards/rule-sets';
import { refuse } from '../errors';
import type { AwardLine } from './council-passed';

/** A checkable condition the recipient does not meet on the review date (pending: its grade is not final yet). */
export interface FailedCondition {
  readonly code: string;
  readonly label: string;
  readonly source: string;
  readonly pending?: true;
  readonly assumed?: true;
}

/** Lines listed in a refusal at most: a decision of thousands of lines still answers well under a response's limit. */
export const MAX_LISTED = 200;

/** Not on the cycle's roster on its review date: the cycle counts no one else (domain/organization/roster.ts). */
const NOT_ON_ROSTER: FailedCondition = {
  code: 'khong-co-trong-danh-sach-ngay-xet',
  label: 'Không có tên trong danh sách của cơ quan vào ngày xét (31/12 của năm xét)',
  source: 'Danh hiệu được xét cho cá nhân, tập thể thuộc cơ quan vào thời điểm xét (domain/organization/roster.ts)',
};

/**
 * A decision grants a title only to a recipient who meets its conditions on the cycle's review date, as eligibility
 * computes them under the review's rule set (Law 2022 / Law 2003 and their decrees, each condition naming its
 * article; Decree 152/2025 art. 4(2): "khen thưởng ... đối với các trường hợp đủ điều kiện, tiêu chuẩn"). A title
 * the decision itself grants, or an earlier decision of the cycle granted, counts where another title requires it
 * (CSTĐCS is granted with or after LĐTT). What the rules leave to the council's judgment (`judgments`) is never a
 * reason to refuse; only checkable conditions are. Granting regardless needs the legal basis for the exception
 * (`legalBasis`), as for the council's vote and the cap.
 */
export const requireEligible = (lines: readonly AwardLine[], reviewRules: RuleSet, facts: CycleFacts, legalBasis: string | undefined): void => {
  if (legalBasis !== undefined) return;
  const decided = cycleEligibility(
    reviewRules,
    withGrants(
      facts,
      lines.flatMap((line) => (line.recipientKind === 'member' ? [{ memberId: line.recipientId, title: line.title }] : [])),
    ),
  );
  const ineligible = lines.flatMap((line) => {
    const titles = line.recipientKind === 'member' ? decided.member(line.recipientId) : decided.department(line.recipientId);
    const name = (line.recipientKind === 'member' ? facts.members : facts.departments).get(line.recipientId)?.name;
    const base = { title: line.title, recipientKind: line.recipientKind, recipientId: line.recipientId, ...(name ? { recipientName: name } : {}) };
    if (titles === null) return [{ ...base, titleLabel: line.title, failed: [NOT_ON_ROSTER] }];
    const title = titles.find((each) => each.title === line.title);
    // A title the review's rule set does not know has no conditions to check here.
    if (title === undefined || title.eligible) return [];
    const failed = title.conditions
      .filter((condition) => !condition.met)
      .map(({ code, label, source, pending, assumed }): FailedCondition => ({ code, label, source, ...(pending ? { pending } : {}), ...(assumed ? { assumed } : {}) }));
    return [{ ...base, titleLabel: title.label, failed }];
  });
  if (ineligible.length === 0) return;
  const first = ineligible[0];
  refuse(
    'recipient-not-eligible',
    `${first.recipientKind} "${first.recipientId}" does not meet “${first.titleLabel}” on the review date (${first.failed.map((each) => each.code).join(', ')}): record the legal basis (legalBasis) for an exception`,
    { ruleSet: reviewRules.code, ineligibleCount: ineligible.length, ineligible: ineligible.slice(0, MAX_LISTED) },
  );
};
