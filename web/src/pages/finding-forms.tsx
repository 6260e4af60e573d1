import { useState } from 'preact/hooks';
import { useApp, usePaths } from '../context';
import { vnIsoDate } from '../format';
import type { Finding } from '../types';
import { useCommand } from '../ui/hooks';
import { type Option, SelectField } from '../ui/select-field';
import { CommandStatus, FieldIssue } from '../ui/status';

const FIELDS = { date: 'Ngày kiểm tra', area: 'Lĩnh vực', shortcoming: 'Tồn tại, hạn chế', correctiveAction: 'Biện pháp khắc phục', dueDate: 'Hạn khắc phục' } as const;
type Field = keyof typeof FIELDS;

const CLOSURE_FIELDS = { closedOn: 'Ngày khắc phục xong', note: 'Kết quả khắc phục' } as const;

/** A finding's key in its organization: it is named within its department. */
export const findingKey = (finding: Pick<Finding, 'departmentId' | 'findingId'>) => `${finding.departmentId}/${finding.findingId}`;

/** A new finding's id, chosen here (the API names a finding by its path): the day found and a random suffix. */
const newFindingId = (date: string) => `kt-${date}-${crypto.randomUUID().slice(0, 6)}`;

const findingPath = (org: string, departmentId: string, findingId: string) => `${org}/departments/${encodeURIComponent(departmentId)}/findings/${encodeURIComponent(findingId)}`;

/** The Office records a finding of its self-inspection in one department. */
export const FindingForm = ({ departments, onSaved }: { departments: readonly Option[]; onSaved: (finding: Finding) => void }) => {
  const { api, now } = useApp();
  const paths = usePaths();
  const command = useCommand();
  const today = vnIsoDate(now());
  const [departmentId, setDepartmentId] = useState('');
  const [fields, setFields] = useState<Record<Field, string>>({ date: today, area: '', shortcoming: '', correctiveAction: '', dueDate: '' });
  // Kept until the API answers, so a resend after a dropped connection names the same finding.
  const [findingId, setFindingId] = useState(() => newFindingId(today));
  const [saved, setSaved] = useState('');

  const submit = async (event: Event) => {
    event.preventDefault();
    setSaved('');
    const result = await command.run({ departmentId, findingId, fields }, (options) => api.call<Finding>('PUT', findingPath(paths.org, departmentId, findingId), fields, options));
    if (!result) return;
    onSaved(result.body);
    setSaved('Đã ghi nhận kết quả tự kiểm tra.');
    setFields({ date: fields.date, area: '', shortcoming: '', correctiveAction: '', dueDate: '' });
    setFindingId(newFindingId(fields.date));
  };
  const input = (name: Field, type: 'text' | 'date' | 'textarea') => {
    const onInput = (event: Event) => setFields({ ...fields, [name]: (event.target as HTMLInputElement).value });
    const describedBy = `finding-${name}-issue`;
    return (
      <div>
        <label>
          {FIELDS[name]}
          {type === 'textarea' ? <textarea rows={2} value={fields[name]} onInput={onInput} aria-describedby={describedBy} /> : <input type={type} value={fields[name]} onInput={onInput} aria-describedby={describedBy} />}
        </label>
        <FieldIssue id={describedBy} problem={command.problem} path={name} />
      </div>
    );
  };
  return (
    <form onSubmit={submit} aria-labelledby="finding-form">
      <h2 id="finding-form">Ghi nhận kết quả tự kiểm tra</h2>
      <fieldset disabled={command.busy}>
        <div class="grid">
          <SelectField label="Phòng được kiểm tra" value={departmentId} onChange={setDepartmentId} options={departments} empty="(chọn phòng)" />
          {input('date', 'date')}
          {input('dueDate', 'date')}
        </div>
        {input('area', 'text')}
        {input('shortcoming', 'textarea')}
        {input('correctiveAction', 'textarea')}
      </fieldset>
      <button type="submit" disabled={command.busy || !departmentId}>
        Ghi nhận
      </button>
      <CommandStatus command={command} done={saved} fields={FIELDS} />
    </form>
  );
};

/** The Office closes a finding once its corrective action is done: the day, and what was done. */
export const CloseFindingForm = ({ finding, onClosed }: { finding: Finding; onClosed: (finding: Finding) => void }) => {
  const { api, now } = useApp();
  const paths = usePaths();
  const command = useCommand();
  const [closure, setClosure] = useState({ closedOn: vnIsoDate(now()), note: '' });
  const submit = async (event: Event) => {
    event.preventDefault();
    const result = await command.run({ finding: findingKey(finding), closure }, (options) =>
      api.call<Finding>('POST', `${findingPath(paths.org, finding.departmentId, finding.findingId)}/close`, closure, options),
    );
    if (result) onClosed(result.body);
  };
  return (
    <form onSubmit={submit}>
      <p>
        {finding.area}: {finding.shortcoming}
      </p>
      <fieldset disabled={command.busy}>
        <label>
          {CLOSURE_FIELDS.closedOn}
          <input type="date" value={closure.closedOn} aria-describedby="closedOn-issue" onInput={(event) => setClosure({ ...closure, closedOn: (event.target as HTMLInputElement).value })} />
        </label>
        <FieldIssue id="closedOn-issue" problem={command.problem} path="closedOn" />
        <label>
          {CLOSURE_FIELDS.note}
          <textarea rows={2} value={closure.note} aria-describedby="note-issue" onInput={(event) => setClosure({ ...closure, note: (event.target as HTMLTextAreaElement).value })} />
        </label>
        <FieldIssue id="note-issue" problem={command.problem} path="note" />
      </fieldset>
      <button type="submit" disabled={command.busy}>
        Xác nhận đã khắc phục
      </button>
      <CommandStatus command={command} fields={CLOSURE_FIELDS} />
    </form>
  );
};
