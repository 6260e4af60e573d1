import { useState } from 'preact/hooks';
import { useApp, usePaths } from '../context';
import { vnIsoDate } from '../format';
import type { Finding } from '../types';
import { useCommand } from '../ui/hooks';
import { DateInput } from '../ui/date-input';
import { type Option, SelectField } from '../ui/select-field';
import { CommandStatus, FieldIssue } from '../ui/status';

const FIELDS = { date: 'Ngày kiểm tra', area: 'Lĩnh vực', shortcoming: 'Tồn tại, hạn chế', correctiveAction: 'Biện pháp khắc phục', dueDate: 'Hạn khắc phục' } as const;
type Field = keyof typeof FIELDS;

/** A finding's key in its organization: it is named within its department. */
export const findingKey = (finding: Pick<Finding, 'departmentId' | 'findingId'>) => `${finding.departmentId}/${finding.findingId}`;

/** A new finding's id, chosen here (the API names a finding by its path): the day found and a random suffix. */
const newFindingId = (date: string) => `kt-${date}-${crypto.randomUUID().slice(0, 6)}`;

export const findingPath = (org: string, { departmentId, findingId }: Pick<Finding, 'departmentId' | 'findingId'>) =>
  `${org}/departments/${encodeURIComponent(departmentId)}/findings/${encodeURIComponent(findingId)}`;

const blank = (date: string): Record<Field, string> => ({ date, area: '', shortcoming: '', correctiveAction: '', dueDate: '' });
const contentOf = ({ date, area, shortcoming, correctiveAction, dueDate }: Finding): Record<Field, string> => ({ date, area, shortcoming, correctiveAction, dueDate });

/**
 * The Office records a finding of its self-inspection in one department, or amends one still open (`amending`, in a
 * dialog that names it): the API takes a PUT of the same finding while it is open, and says when it no longer is.
 */
export const FindingForm = ({ departments, onSaved, amending }: { departments: readonly Option[]; onSaved: (finding: Finding) => void; amending?: Finding }) => {
  const { api, now } = useApp();
  const paths = usePaths();
  const command = useCommand();
  const today = vnIsoDate(now());
  const [departmentId, setDepartmentId] = useState(amending?.departmentId ?? '');
  const [fields, setFields] = useState(() => (amending ? contentOf(amending) : blank(today)));
  // Kept until the API answers, so a resend after a dropped connection names the same finding.
  const [findingId, setFindingId] = useState(() => amending?.findingId ?? newFindingId(today));
  const [saved, setSaved] = useState('');
  // Both forms can be on the page at once (the dialog over the list's form): their field ids must differ.
  const prefix = amending ? 'amend-finding' : 'finding';

  const submit = async (event: Event) => {
    event.preventDefault();
    setSaved('');
    const finding = { departmentId, findingId };
    const result = await command.run({ ...finding, fields }, (options) => api.call<Finding>('PUT', findingPath(paths.org, finding), fields, options));
    if (!result) return;
    onSaved(result.body);
    if (amending) return; // the dialog closes and the page says so
    setSaved('Đã ghi nhận kết quả tự kiểm tra.');
    setFields(blank(fields.date));
    setFindingId(newFindingId(fields.date));
  };
  const input = (name: Field, type: 'text' | 'date' | 'textarea') => {
    const onInput = (event: Event) => setFields({ ...fields, [name]: (event.target as HTMLInputElement).value });
    const describedBy = `${prefix}-${name}-issue`;
    return (
      <div>
        <label>
          {FIELDS[name]}
          {type === 'textarea' ? (
            <textarea rows={2} value={fields[name]} onInput={onInput} aria-describedby={describedBy} />
          ) : type === 'date' ? (
            <DateInput value={fields[name]} onChange={(iso) => setFields({ ...fields, [name]: iso })} describedBy={describedBy} />
          ) : (
            <input value={fields[name]} onInput={onInput} aria-describedby={describedBy} />
          )}
        </label>
        <FieldIssue id={describedBy} problem={command.problem} path={name} />
      </div>
    );
  };
  return (
    <form onSubmit={submit} aria-labelledby={amending ? 'dialog-title' : 'finding-form'}>
      {!amending && <h2 id="finding-form">Ghi nhận kết quả tự kiểm tra</h2>}
      <fieldset disabled={command.busy}>
        <div class="grid">
          {/* An amendment keeps its department: the API names a finding by it. */}
          {!amending && <SelectField label="Phòng được kiểm tra" value={departmentId} onChange={setDepartmentId} options={departments} empty="(chọn phòng)" />}
          {input('date', 'date')}
          {input('dueDate', 'date')}
        </div>
        {input('area', 'text')}
        {input('shortcoming', 'textarea')}
        {input('correctiveAction', 'textarea')}
      </fieldset>
      <button type="submit" disabled={command.busy || !departmentId}>
        {amending ? 'Lưu thay đổi' : 'Ghi nhận'}
      </button>
      <CommandStatus command={command} done={saved} fields={FIELDS} />
    </form>
  );
};
