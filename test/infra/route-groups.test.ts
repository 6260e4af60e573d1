import { describe, expect, it } from 'vitest';
import { entryGroups, routeGroupOf } from '../../infra/aws/route-groups';
import { ROUTES } from '../../infra/routes';

const CYCLE = '/orgs/{org}/campaigns/{campaignId}/cycles/{year}';

describe('route groups (the nested stacks of the HTTP functions)', () => {
  it('names a group by the path alone', () => {
    expect(routeGroupOf('/health')).toBe('Organization');
    expect(routeGroupOf('/orgs/{org}/members/{memberId}')).toBe('Organization');
    expect(routeGroupOf('/orgs/{org}/campaigns/{campaignId}')).toBe('Campaigns');
    expect(routeGroupOf(`${CYCLE}/pledges/{participantId}`)).toBe('Campaigns');
    expect(routeGroupOf(`${CYCLE}/evaluations/{participantId}/appraisal`)).toBe('Evaluations');
    expect(routeGroupOf(`${CYCLE}/departments/{departmentId}/scores`)).toBe('Evaluations');
    expect(routeGroupOf(`${CYCLE}/proposals`)).toBe('Awards');
    expect(routeGroupOf('/orgs/{org}/decisions/{decisionId}/revoke')).toBe('Awards');
  });

  it('gives every HTTP entry of ROUTES one group', () => {
    const groups = entryGroups();
    expect([...groups.keys()].sort()).toEqual([...new Set(ROUTES.map((route) => route.entry))].sort());
    expect(new Set(groups.values()).size).toBe(4);
  });

  it('refuses an entry whose routes fall in two groups, which would split a function from its routes', () => {
    const route = { method: 'GET', entry: 'functions/http/x.ts', summary: 'x', access: {} } as const;
    expect(() => entryGroups([{ ...route, path: '/orgs/{org}/members' }, { ...route, path: `${CYCLE}/proposals` }])).toThrow(/Organization and Awards/);
  });
});
