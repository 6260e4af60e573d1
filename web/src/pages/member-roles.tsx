import { useSignedIn, usePaths } from '../context';
import { useCommand, useResource } from '../ui/hooks';
import { CommandStatus } from '../ui/status';
import { Table } from '../ui/table';

interface Member {
  readonly memberId: string;
  readonly fullName: string;
  readonly departmentId: string;
  readonly email?: string;
  readonly roles?: readonly string[];
  readonly left?: unknown;
}

/**
 * The Office grants a head: per member on staff, whether it heads its department (PUT …/members/{id}/roles keeps
 * its other roles). The account follows (its groups), so the member's next sign-in carries the role.
 */
export const MemberRoles = () => {
  const { api } = useSignedIn();
  const paths = usePaths();
  const roster = useResource<{ members: Member[] }>(`${paths.org}/members`);
  const command = useCommand();
  const grant = async (member: Member, head: boolean) => {
    const others = (member.roles ?? []).filter((role) => role !== 'head');
    const result = await command.run([member.memberId, head], (options) => api.call('PUT', `${paths.org}/members/${member.memberId}/roles`, { roles: head ? [...others, 'head'] : others }, options));
    if (result) roster.reload();
  };
  const members = (roster.data?.members ?? []).filter((member) => !member.left);
  return (
    <section aria-labelledby="member-roles">
      <h2 id="member-roles">Trưởng phòng</h2>
      <CommandStatus command={command} label="Đang lưu…" done="" />
      <Table headers={['Họ và tên', 'Vai trò']} testId="member-roles">
        {members.map((member) => (
          <tr key={member.memberId}>
            <td>{member.fullName}</td>
            <td>
              <select aria-label={`Vai trò của ${member.fullName}`} value={member.roles?.includes('head') ? 'head' : 'member'} disabled={command.busy} onChange={(event) => void grant(member, event.currentTarget.value === 'head')}>
                <option value="member">Công chức</option>
                <option value="head">Trưởng phòng</option>
              </select>
            </td>
          </tr>
        ))}
      </Table>
    </section>
  );
};
