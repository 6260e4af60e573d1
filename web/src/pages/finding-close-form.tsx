import { useState } from 'preact/hooks';
import { useApp, usePaths } from '../context';
import { vnIsoDate } from '../format';
import type { Finding } from '../types';
import { useCommand } from '../ui/hooks';
import { CommandStatus, FieldIssue } from '../ui/status';
import { findingKey, findingPath } from './finding-forms';
import { DateInput } from '../ui/date-input';

const CLOSURE_FIELDS = { closedOn: 'Ngày khắc phục xong', note: 'Kết quả khắc phục' } as const;

/** The Office closes a finding once its corrective action is done: the day, and what was done. */
export const CloseFindingForm = ({ finding, onClosed }: { finding: Finding; onClosed: (finding: Finding) => void }) => {
  const { api, now } = useApp();
  const paths = usePaths();
  const command = useCommand();
  const [closure, setClosure] = useState({ closedOn: vnIsoDate(now()), note: '' });
  const submit = async (event: Event) => {
    event.preventDefault();
    const result = await command.run({ finding: findingKey(finding), closure }, (options) =>
      api.call<Finding>('POST', `${findingPath(paths.org, finding)}/close`, closure, options),
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
          <DateInput value={closure.closedOn} describedBy="closedOn-issue" onChange={(closedOn) => setClosure({ ...closure, closedOn })} />
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
