import { describe, expect, it } from 'vitest';
import type { RawResponse } from '../support/raw-http';
import { allowedWrites, violations } from './route-fuzzer';

const accepted = (json: unknown): RawResponse => ({ status: 200, contentType: 'application/json', text: JSON.stringify(json), json, rawHeaders: [] });
const APPLY = { method: 'POST', path: '/orgs/{org}/roster-imports/apply' } as const;
const PLEDGE = { method: 'PUT', path: '/orgs/{org}/campaigns/{campaignId}/cycles/{year}/pledges/{participantId}' } as const;

describe("the fuzzer's oracle: how many writes one accepted request may make", () => {
  it('lets the roster import apply write as many events as it answers it wrote, and no more', () => {
    const answer = accepted({ written: 2 });
    expect(allowedWrites(APPLY, 'POST', answer)).toBe(2);
    expect(violations(answer, 2, allowedWrites(APPLY, 'POST', answer))).toEqual([]);
    expect(violations(answer, 3, allowedWrites(APPLY, 'POST', answer))).toEqual(['one accepted request wrote 3 times to the events table']);
  });

  it('allows one write to every other request, whatever its body says', () => {
    const answer = accepted({ written: 5 });
    expect(allowedWrites(PLEDGE, 'PUT', answer)).toBe(1);
    expect(allowedWrites(APPLY, 'GET', answer)).toBe(1);
    expect(violations(answer, 2, allowedWrites(PLEDGE, 'PUT', answer))).toEqual(['one accepted request wrote 2 times to the events table']);
  });
});
