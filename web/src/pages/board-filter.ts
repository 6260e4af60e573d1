import type { Board } from '../types';

export interface BoardFilter {
  /** Only who has not registered (a department whose collective and members all have is left out). */
  readonly missingOnly: boolean;
  /** Part of a name, of a person or a department: case and diacritics aside ("bich" finds "Bích"). */
  readonly search: string;
}

/** "Trần Thị Bích" → "tran thi bich": a name as a search matches it, whatever the keyboard's diacritics. */
const folded = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLocaleLowerCase('vi')
    .trim();

/**
 * The board with only the rows the filter keeps. A department whose name matches keeps all its members (those not
 * registered, with missingOnly); otherwise it keeps the members whose name matches, and is left out with none.
 * The totals stay the whole board's: they say how far registration has come, not how many rows are shown.
 */
export const filterBoard = (board: Board, filter: BoardFilter): Board => {
  const search = folded(filter.search);
  const departments = board.departments.flatMap((department) => {
    const departmentMatches = search === '' || folded(department.name).includes(search);
    const members = department.members.filter((member) => (!filter.missingOnly || !member.registered) && (departmentMatches || folded(member.fullName).includes(search)));
    const departmentShown = departmentMatches && (!filter.missingOnly || !department.registered);
    return departmentShown || members.length > 0 ? [{ ...department, members }] : [];
  });
  return { ...board, departments };
};
