import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../domain/errors';
import { rewardFor } from '../../../domain/awards/reward';
import { ruleSetFor } from '../../../domain/awards/rule-sets';
import { requiredYes } from '../../../domain/voting/thresholds';

describe('council thresholds used by the voting sessions, against all members', () => {
  it.each([
    ['chien-si-thi-dua-co-so', 7, 6],
    ['chien-si-thi-dua-co-so', 5, 4],
    ['co-thi-dua-cap-tinh', 10, 8],
    ['chien-si-thi-dua-cap-tinh', 10, 9],
    ['giay-khen', 7, 4],
    ['giay-khen', 6, 4],
  ] as const)('%s with %i members needs %i yes', (title, members, required) => expect(requiredYes(ruleSetFor('2025-12-20'), title, members)).toBe(required));
});

describe('the reward of a decision line', () => {
  it('uses the base salary and the rule set in force on the decision date', () => {
    expect(rewardFor('lao-dong-tien-tien', '2024-07-01')).toEqual({ amount: 702_000, ruleSet: 'luat-2022-nd98-2023' });
    expect(rewardFor('chien-si-thi-dua-co-so', '2025-12-25')).toEqual({ amount: 2_340_000, ruleSet: 'nd152-2025' });
    expect(rewardFor('giay-khen', '2025-12-25').amount).toBeNull();
  });

  it('refuses a date no rule set covers as invalid input, not a crash', () => {
    expect(() => rewardFor('lao-dong-tien-tien', '2010-01-01')).toThrow(DomainError);
  });
});
