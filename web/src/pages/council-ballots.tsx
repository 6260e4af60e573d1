import { useState } from 'preact/hooks';
import { useApp, usePaths } from '../context';
import type { Proposal } from '../types';
import { useCommand, useResource } from '../ui/hooks';
import { PROPOSAL_STATUS, proposalHeading, titleLabel } from '../ui/labels';
import { PageTitle } from '../ui/page-title';
import { CommandStatus, Loaded } from '../ui/status';

/** The receipt the API gave this browser for a session: only the voter has it, and the minutes list it once counted. */
const receiptKey = (proposalId: string) => `thidua.receipt.${proposalId}`;

/** A council member's own secret ballot on one list, then the check that it was counted. */
const Ballot = ({ listed }: { listed: Proposal }) => {
  const { api, campaign, cycle } = useApp();
  const paths = usePaths();
  const command = useCommand();
  const key = receiptKey(`${campaign.campaignId}:${cycle.year}:${listed.proposalId}`);
  const [receipt, setReceipt] = useState(() => localStorage.getItem(key));
  const [votes, setVotes] = useState<Record<number, boolean>>({});
  const current = useResource<Proposal>(paths.proposal(listed.proposalId));
  const proposal = current.data ?? listed;

  const cast = async (event: Event) => {
    event.preventDefault();
    const body = { votes: proposal.nominations.map((_, nomination) => ({ nomination, approve: votes[nomination] === true })) };
    // A random Idempotency-Key (useCommand's): the API keeps it with the ballot, so it must never name the voter.
    const result = await command.run(body, (options) => api.call<{ receipt: string }>('POST', paths.proposal(proposal.proposalId, 'ballot'), body, options));
    if (result) {
      localStorage.setItem(key, result.body.receipt);
      setReceipt(result.body.receipt);
    }
  };
  const complete = proposal.nominations.every((_, index) => index in votes);
  const counted = receipt && proposal.minutes?.receipts.includes(receipt);

  return (
    <article aria-labelledby={`ballot-${proposal.proposalId}`}>
      <h2 id={`ballot-${proposal.proposalId}`}>
        {proposalHeading(cycle.year, proposal)} — {PROPOSAL_STATUS[proposal.status] ?? proposal.status}
      </h2>
      {proposal.status === 'open' && !receipt && (
        <form onSubmit={cast}>
          {proposal.nominations.map((nomination, index) => (
            <fieldset key={index}>
              <legend>
                <strong>{nomination.nomineeName ?? nomination.nomineeId}</strong>
                {nomination.unitName && nomination.nomineeKind === 'member' ? ` (${nomination.unitName})` : ''} — {titleLabel(campaign, nomination.title)}: {nomination.basis}
              </legend>
              <label>
                <input type="radio" name={`vote-${index}`} checked={votes[index] === true} onChange={() => setVotes({ ...votes, [index]: true })} />
                Đồng ý
              </label>
              <label>
                <input type="radio" name={`vote-${index}`} checked={votes[index] === false} onChange={() => setVotes({ ...votes, [index]: false })} />
                Không đồng ý
              </label>
            </fieldset>
          ))}
          <button type="submit" disabled={!complete || command.busy}>
            Gửi phiếu biểu quyết
          </button>
          {!complete && <small>Chọn ý kiến cho từng người được đề nghị.</small>}
        </form>
      )}
      <CommandStatus command={command} label="Đang gửi phiếu…" />
      {receipt && (
        <p role="status" class="ok">
          Phiếu của bạn đã được ghi nhận. Mã xác nhận: <span class="receipt" data-testid="receipt">{receipt}</span>
        </p>
      )}
      {proposal.status === 'closed' && receipt && (
        <p role="status" class={counted ? 'ok' : 'missing'} data-testid="counted">
          {counted ? 'Phiếu của bạn đã được kiểm: mã xác nhận có trong biên bản.' : 'Không thấy mã xác nhận của bạn trong biên bản: xin báo ngay cho Văn phòng.'}
        </p>
      )}
      {proposal.status === 'closed' && !receipt && <p>Phiên đã kết thúc.</p>}
    </article>
  );
};

/** A council member's voting sessions of the year. */
export const CouncilBallotsPage = () => {
  const { cycle } = useApp();
  const paths = usePaths();
  const lists = useResource<{ proposals: readonly Proposal[] }>(`${paths.cycle}/proposals`);
  // Reloading remounts every ballot, so each reads its session again (opened, closed, counted).
  const [round, setRound] = useState(0);
  const reload = () => {
    setRound(round + 1);
    lists.reload();
  };
  return (
    <>
      <PageTitle>Biểu quyết năm {cycle.year}</PageTitle>
      <button type="button" class="secondary outline small" onClick={reload}>
        Tải lại
      </button>
      <Loaded resource={lists}>
        {(data) => {
          const sessions = data.proposals.filter((proposal) => proposal.status !== 'draft');
          return sessions.length === 0 ? <p>Chưa có phiên biểu quyết nào được mở.</p> : sessions.map((proposal) => <Ballot key={`${proposal.proposalId}-${round}`} listed={proposal} />);
        }}
      </Loaded>
    </>
  );
};
