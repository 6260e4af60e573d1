import { useState } from 'preact/hooks';
import { useApp, usePaths } from '../context';
import type { Proposal, Roster } from '../types';
import { DownloadButton } from '../ui/download-button';
import { useCommand, useResource } from '../ui/hooks';
import { PROPOSAL_STATUS, proposalHeading, titleLabel } from '../ui/labels';
import { MemberCheckboxes } from '../ui/member-checkboxes';
import { PageTitle } from '../ui/page-title';
import { CommandStatus, Loaded } from '../ui/status';
import { Tally } from './tally';

/** One proposal list, for the Office: open the vote, record who is present and close it, then the tally. */
const Session = ({ listed, roster, departments }: { listed: Proposal; roster: Roster; departments: Roster }) => {
  const { api, campaign, cycle } = useApp();
  const paths = usePaths();
  const command = useCommand();
  const [present, setPresent] = useState<string[]>([]);
  // The list is a view the projector keeps; after an action the command's own answer is the newer state.
  const [proposal, setProposal] = useState(listed);
  // Attendance is recorded among the council's members, not the whole roster.
  const councilOnly = { members: (roster.members ?? []).filter((member) => proposal.councilMembers?.includes(member.memberId) ?? true) };
  const nameOf = (id: string) => roster.members?.find((member) => member.memberId === id)?.fullName ?? departments.departments?.find((department) => department.departmentId === id)?.name ?? id;

  const act = async (action: 'open' | 'close') => {
    const body = action === 'close' ? { present } : undefined;
    const result = await command.run({ action, body }, (options) => api.call<Proposal>('POST', paths.proposal(proposal.proposalId, action), body, options));
    if (result) setProposal(result.body);
  };

  return (
    <article aria-labelledby={`proposal-${proposal.proposalId}`}>
      <header>
        <h2 id={`proposal-${proposal.proposalId}`}>
          {proposalHeading(cycle.year, proposal)} — <span data-testid={`status-${proposal.proposalId}`}>{PROPOSAL_STATUS[proposal.status] ?? proposal.status}</span>
        </h2>
        <p>
          Hội đồng {proposal.councilSize} thành viên · Đã nhận {proposal.votesReceived} phiếu{proposal.quota ? ` · Chỉ tiêu: ${proposal.quota}` : ''}
        </p>
      </header>
      <ol>
        {proposal.nominations.map((nomination, index) => (
          <li key={index}>
            {nameOf(nomination.nomineeId)} — {titleLabel(campaign, nomination.title)} ({nomination.basis}){proposal.required[index] ? ` · cần ${proposal.required[index]} phiếu đồng ý` : ''}
          </li>
        ))}
      </ol>
      {proposal.status === 'draft' && (
        <button type="button" onClick={() => act('open')} disabled={command.busy}>
          Mở phiên biểu quyết
        </button>
      )}
      {proposal.status === 'open' && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            act('close');
          }}
        >
          <MemberCheckboxes legend="Thành viên Hội đồng có mặt" roster={councilOnly} chosen={present} onChange={setPresent} />
          <button type="submit" disabled={command.busy}>
            Kết thúc phiên và kiểm phiếu
          </button>
        </form>
      )}
      <CommandStatus command={command} label="Đang gửi…" />
      {proposal.status === 'closed' && (
        <>
          <Tally proposal={proposal} nameOf={nameOf} />
          <DownloadButton path={paths.proposal(proposal.proposalId, 'minutes')} label="Tải biên bản (Word)" />
        </>
      )}
    </article>
  );
};

/** The Office's council sessions of the year. */
export const CouncilSessionsPage = () => {
  const { cycle } = useApp();
  const paths = usePaths();
  const lists = useResource<{ proposals: readonly Proposal[] }>(`${paths.cycle}/proposals`);
  const roster = useResource<Roster>(`${paths.org}/members`);
  const departments = useResource<Roster>(`${paths.org}/departments`);
  return (
    <>
      <PageTitle>Phiên họp Hội đồng thi đua, khen thưởng năm {cycle.year}</PageTitle>
      <Loaded resource={lists}>
        {(data) =>
          data.proposals.length === 0 ? (
            <p>Chưa có tờ trình nào. Lập tờ trình ở trang “Xét danh hiệu”.</p>
          ) : (
            <Loaded resource={roster}>
              {(members) => <Loaded resource={departments}>{(units) => data.proposals.map((proposal) => <Session key={proposal.proposalId} listed={proposal} roster={members} departments={units} />)}</Loaded>}
            </Loaded>
          )
        }
      </Loaded>
    </>
  );
};
