import { useState } from 'preact/hooks';
import { useApp, usePaths } from '../context';
import type { Roster } from '../types';
import { useCommand, useResource } from '../ui/hooks';
import { PageTitle } from '../ui/page-title';
import { SelectField } from '../ui/select-field';
import { CommandStatus, Loaded } from '../ui/status';

/** The measures of the Law on Cadres and Civil Servants, mildest first; '' clears one recorded in error. */
const LEVELS = [
  { value: 'khien-trach', label: 'Khiển trách' },
  { value: 'canh-cao', label: 'Cảnh cáo' },
  { value: 'cach-chuc', label: 'Cách chức' },
  { value: 'buoc-thoi-viec', label: 'Buộc thôi việc' },
  { value: '', label: 'Xóa (ghi nhận nhầm)' },
];

/** The Office records a member's disciplinary measure of the year (it bars titles), or clears one recorded in error. */
export const DisciplinePage = () => {
  const { api, cycle } = useApp();
  const paths = usePaths();
  const roster = useResource<Roster>(`${paths.org}/members`);
  const command = useCommand();
  const [memberId, setMemberId] = useState('');
  const [level, setLevel] = useState('khien-trach');
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    setSaved('');
    const body = { level: level || null, reason };
    const name = roster.data?.members?.find((member) => member.memberId === memberId)?.fullName ?? '';
    if (await command.run({ memberId, body }, (options) => api.call('PUT', `${paths.cycle}/discipline/${encodeURIComponent(memberId)}`, body, options))) {
      setSaved(level ? `Đã ghi nhận hình thức kỷ luật của ${name} năm ${cycle.year}.` : `Đã xóa hình thức kỷ luật ghi nhầm của ${name}.`);
      setReason('');
    }
  };
  return (
    <>
      <PageTitle>Kỷ luật năm {cycle.year}</PageTitle>
      <p>Cá nhân bị kỷ luật trong năm không được xét danh hiệu thi đua năm đó.</p>
      <Loaded resource={roster}>
        {(data) => (
          <form onSubmit={submit}>
            <SelectField label="Công chức" value={memberId} onChange={setMemberId} empty="— Chọn công chức —" options={(data.members ?? []).map((member) => ({ value: member.memberId, label: member.fullName }))} />
            <SelectField label="Hình thức kỷ luật" value={level} onChange={setLevel} options={LEVELS} />
            <label>
              Lý do, số quyết định kỷ luật
              <textarea rows={2} value={reason} onInput={(event) => setReason((event.target as HTMLTextAreaElement).value)} />
            </label>
            <button type="submit" disabled={command.busy || !memberId}>
              Lưu
            </button>
          </form>
        )}
      </Loaded>
      <CommandStatus command={command} done={saved} fields={{ reason: 'Lý do', level: 'Hình thức kỷ luật' }} />
    </>
  );
};
