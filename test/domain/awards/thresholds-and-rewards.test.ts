import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../domain/errors';
import { rewardFor } from '../../../domain/awards/reward';
import { ruleSetFor } from '../../../domain/awards/rule-sets';
import { requiredYes } from '../../../domain/voting/thresholds';

describe('council thresholds used by the agency’s voting sessions, against all members (Decree 98 art. 30(7))', () => {
  it.each([
    ['chien-si-thi-dua-co-so', 7, 6],
    ['chien-si-thi-dua-co-so', 5, 4],
    // The provincial council's 80% / 90% is not the agency's: its session proposes upward by a majority.
    ['co-thi-dua-cap-tinh', 10, 6],
    ['chien-si-thi-dua-cap-tinh', 10, 6],
    ['giay-khen', 7, 4],
    ['giay-khen', 6, 4],
  ] as const)('%s with %i members needs %i yes', (title, members, required) => expect(requiredYes(ruleSetFor('2025-12-20'), title, members)).toBe(required));
});

describe('the reward of a decision line', () => {
  it('uses the base salary and the rule set in force on the decision date', () => {
    expect(rewardFor('lao-dong-tien-tien', '2024-07-01', 'member')).toEqual({ amount: 710_000, ruleSet: 'luat-2022-nd98-2023' });
    expect(rewardFor('chien-si-thi-dua-co-so', '2025-12-25', 'member')).toEqual({ amount: 2_340_000, ruleSet: 'nd152-2025' });
    expect(rewardFor('giay-khen', '2023-12-25', 'department')).toEqual({ amount: 1_080_000, ruleSet: 'luat-2003-nd91-2017' });
  });

  it('refuses a date no rule set covers as invalid input, not a crash', () => {
    expect(() => rewardFor('lao-dong-tien-tien', '2010-01-01', 'member')).toThrow(DomainError);
  });
});
