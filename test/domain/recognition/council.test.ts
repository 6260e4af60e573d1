import { describe, expect, it } from 'vitest';
import { type CouncilCommand, councilDecider } from '../../../domain/voting/council';
import type { CouncilEvent } from '../../../events/voting';
import { actors, nonOfficeActors } from '../fixtures';
import { spec } from '../specification';

const council = spec(councilDecider);
const office = { actor: actors.office() };

const constitute = (...members: (readonly [string, boolean])[]): CouncilCommand => ({ type: 'ConstituteCouncil', members: members.map(([memberId, chair]) => ({ memberId, chair })) });
const constituted = (...members: (readonly [string, boolean])[]): CouncilEvent => ({ type: 'CouncilConstituted', data: { members: members.map(([memberId, chair]) => ({ memberId, chair })) } });

describe('councilDecider: ConstituteCouncil', () => {
  it('the Office constitutes the council; members are kept sorted by id', () => {
    const state = council
      .given([])
      .when(constitute(['tran-thi-binh', false], ['le-van-chu-tich', true], ['nguyen-van-an', false]), office)
      .then([constituted(['le-van-chu-tich', true], ['nguyen-van-an', false], ['tran-thi-binh', false])]);
    expect(state.members.map((m) => m.memberId)).toStrictEqual(['le-van-chu-tich', 'nguyen-van-an', 'tran-thi-binh']);
  });

  it('a council without a chair is accepted', () => {
    council.given([]).when(constitute(['a', false], ['b', false]), office).then([constituted(['a', false], ['b', false])]);
  });

  it.each(nonOfficeActors)('the %s is forbidden', (_name, actor) => {
    council.given([]).when(constitute(['a', true]), { actor }).thenThrows('forbidden');
  });

  it('a member listed twice is an invalid request, whatever the chair flags', () => {
    council.given([]).when(constitute(['a', true], ['b', false], ['a', false]), office).thenThrows('invalid-request');
    council.given([]).when(constitute(['a', false], ['a', false]), office).thenThrows('invalid-request');
  });

  it('two chairs are an invalid request', () => {
    council.given([]).when(constitute(['a', true], ['b', true], ['c', false]), office).thenThrows('invalid-request');
  });

  it('the same members in another order yield no event', () => {
    const given = [constituted(['a', true], ['b', false], ['c', false])];
    council.given(given).when(constitute(['c', false], ['a', true], ['b', false]), office).thenNothing();
  });

  it('a changed member or a moved chair is a new constitution', () => {
    const given = [constituted(['a', true], ['b', false], ['c', false])];
    council.given(given).when(constitute(['a', false], ['b', true], ['c', false]), office).then([constituted(['a', false], ['b', true], ['c', false])]);
    council.given(given).when(constitute(['a', true], ['b', false], ['d', false]), office).then([constituted(['a', true], ['b', false], ['d', false])]);
  });
});
