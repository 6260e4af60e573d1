import { useState } from 'preact/hooks';
import { hasRole } from '../auth/session';
import { useApp, usePaths } from '../context';
import type { Nomination, ParticipantKind, Roster } from '../types';
import { useCommand, useResource } from '../ui/hooks';
import { Table } from '../ui/table';
import { PageTitle } from '../ui/page-title';
import { CommandStatus, Loaded } from '../ui/status';

interface TitleCheck {
  readonly title: string;
  readonly label: string;
  readonly eligible: boolean;
  readonly councilJudgment: boolean;
  readonly pending?: boolean;
  readonly needsVote: boolean;
  readonly conditions: readonly { readonly label: string; readonly met: boolean; readonly pending?: boolean }[];
  readonly warnings?: readonly { readonly label: string }[];
}

interface Candidate {
  readonly memberId?: string;
  readonly departmentId: string;
  readonly fullName?: string;
  readonly name?: string;
  readonly titles: readonly TitleCheck[];
}

interface Eligibility {
  readonly ruleSet: { readonly label: string; readonly thresholdsUnconfirmed?: boolean };
  readonly members: readonly Candidate[];
  readonly departments?: readonly Candidate[];
  /** The cursor of the next page of rows; null on the last. */
  readonly nextCursor?: string | null;
}

const verdict = (check: TitleCheck) =>
  check.councilJudgment ? 'Không có điều kiện tự kiểm tra — do Hội đồng xét' : check.eligible ? 'Đủ điều kiện' : check.pending ? 'Chờ kết quả' : 'Chưa đủ';

/** The candidates and what the API says of each title: eligible, pending or not, with its conditions. */
const CandidateRows = ({ candidates, kind, chosen, toggle }: { candidates: readonly Candidate[]; kind: ParticipantKind; chosen: readonly Nomination[]; toggle?: (nomination: Nomination) => void }) => (
  <>
    {candidates.map((candidate) => {
      const id = (kind === 'member' ? candidate.memberId : candidate.departmentId) ?? '';
      return (
        <tr key={id}>
          <th scope="row">{candidate.fullName ?? candidate.name ?? id}</th>
          <td>
            <ul class="checks">
              {candidate.titles.map((check) => {
                const nomination: Nomination = { nomineeKind: kind, nomineeId: id, title: check.title, basis: check.conditions.filter((condition) => condition.met).map((condition) => condition.label).join('; ') || check.label };
                const selected = chosen.some((each) => each.nomineeId === id && each.title === check.title);
                return (
                  <li key={check.title}>
                    <details>
                      <summary class={check.eligible ? 'ok' : 'missing'}>
                        {check.label}: {verdict(check)}
                      </summary>
                      <ul>
                        {check.conditions.map((condition) => (
                          <li key={condition.label}>
                            {condition.met ? '✓' : condition.pending ? '…' : '✗'} {condition.label}
                          </li>
                        ))}
                        {(check.warnings ?? []).map((warning) => (
                          <li key={warning.label}>⚠ {warning.label}</li>
                        ))}
                      </ul>
                    </details>
                    {toggle && check.eligible && (
                      <label>
                        <input type="checkbox" checked={selected} onChange={() => toggle(nomination)} />
                        Đưa vào tờ trình
                      </label>
                    )}
                  </li>
                );
              })}
            </ul>
          </td>
        </tr>
      );
    })}
  </>
);

/** The Office sets the year's council: the whole list, and its chair. */
const CouncilForm = () => {
  const { api } = useApp();
  const paths = usePaths();
  const roster = useResource<Roster>(`${paths.org}/members`);
  const command = useCommand();
  const [members, setMembers] = useState<string[]>([]);
  const [chair, setChair] = useState('');
  const [saved, setSaved] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    const body = { members: members.map((memberId) => ({ memberId, ...(memberId === chair ? { chair: true } : {}) })) };
    if (await command.run(body, (options) => api.call('PUT', `${paths.cycle}/council`, body, options))) setSaved('Đã lưu danh sách Hội đồng.');
  };
  return (
    <section aria-labelledby="council-form">
      <h2 id="council-form">Hội đồng thi đua, khen thưởng</h2>
      <Loaded resource={roster}>
        {(data) => (
          <form onSubmit={submit}>
            <fieldset>
              <legend>Thành viên (chọn Chủ tịch ở cột bên phải)</legend>
              {(data.members ?? []).map((member) => (
                <div class="grid" key={member.memberId}>
                  <label>
                    <input type="checkbox" checked={members.includes(member.memberId)} onChange={(event) => setMembers((event.target as HTMLInputElement).checked ? [...members, member.memberId] : members.filter((id) => id !== member.memberId))} />
                    {member.fullName}
                  </label>
                  <label>
                    <input type="radio" name="chair" checked={chair === member.memberId} onChange={() => setChair(member.memberId)} />
                    Chủ tịch
                  </label>
                </div>
              ))}
            </fieldset>
            <button type="submit" disabled={command.busy || members.length === 0}>
              Lưu Hội đồng
            </button>
          </form>
        )}
      </Loaded>
      <CommandStatus command={command} done={saved} />
    </section>
  );
};

/** Eligibility for every title (the API's verdicts, with their reasons), and the proposal list drawn from it. */
export const EligibilityPage = () => {
  const { api, session, cycle } = useApp();
  const paths = usePaths();
  // The answer comes in pages (a department's row, then its members'): the page shown starts after `after`.
  const [after, setAfter] = useState<string | null>(null);
  const eligibility = useResource<Eligibility>(`${paths.cycle}/eligibility${after ? `?after=${encodeURIComponent(after)}` : ''}`);
  const command = useCommand();
  const [chosen, setChosen] = useState<Nomination[]>([]);
  const [proposalId, setProposalId] = useState(`de-nghi-${cycle.year}`);
  const [saved, setSaved] = useState('');
  const office = hasRole(session, 'office');
  const toggle = (nomination: Nomination) =>
    setChosen((current) => (current.some((each) => each.nomineeId === nomination.nomineeId && each.title === nomination.title) ? current.filter((each) => !(each.nomineeId === nomination.nomineeId && each.title === nomination.title)) : [...current, nomination]));
  const draft = async (event: Event) => {
    event.preventDefault();
    const body = { nominations: chosen };
    if (await command.run({ proposalId, body }, (options) => api.call('PUT', paths.proposal(proposalId), body, options))) setSaved(`Đã lưu tờ trình ${proposalId}: mở phiên ở trang “Phiên họp Hội đồng”.`);
  };
  return (
    <>
      <PageTitle>Xét danh hiệu năm {cycle.year}</PageTitle>
      <Loaded resource={eligibility}>
        {(data) => (
          <>
            <p>
              Căn cứ: {data.ruleSet.label}
              {data.ruleSet.thresholdsUnconfirmed && ' (ngưỡng biểu quyết tạm theo Nghị định 98/2023, chờ xác nhận)'}
            </p>
            <Table headers={['Đối tượng', 'Danh hiệu và điều kiện']}>
              <CandidateRows candidates={data.departments ?? []} kind="department" chosen={chosen} toggle={office ? toggle : undefined} />
              <CandidateRows candidates={data.members} kind="member" chosen={chosen} toggle={office ? toggle : undefined} />
            </Table>
            {(after || data.nextCursor) && (
              <p>
                {after && <button type="button" class="secondary" onClick={() => setAfter(null)}>Trang đầu</button>}{' '}
                {data.nextCursor && <button type="button" onClick={() => setAfter(data.nextCursor ?? null)}>Trang sau</button>}
              </p>
            )}
          </>
        )}
      </Loaded>
      {office && (
        <>
          <form onSubmit={draft}>
            <h2>Tờ trình đề nghị</h2>
            <label>
              Mã tờ trình
              <input value={proposalId} onInput={(event) => setProposalId((event.target as HTMLInputElement).value)} />
            </label>
            <p>Đã chọn {chosen.length} đề nghị.</p>
            <button type="submit" disabled={command.busy || chosen.length === 0}>
              Lưu tờ trình
            </button>
          </form>
          <CommandStatus command={command} done={saved} />
          <CouncilForm />
        </>
      )}
    </>
  );
};
