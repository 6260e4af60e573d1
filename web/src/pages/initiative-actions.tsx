import { useState } from 'preact/hooks';
import { useApp, usePaths } from '../context';
import type { Initiative } from '../types';
import { DateInput } from '../ui/date-input';
import { useCommand } from '../ui/hooks';
import { CommandStatus } from '../ui/status';

/**
 * The Office's steps on one initiative, as its state allows them: send a submitted one to review, recognize one in
 * review (with the decision) or reject it (with the reason), propose a recognized one upward. The API has the last word.
 */
export const InitiativeActions = ({ initiative, done }: { initiative: Initiative; done: (updated: Initiative) => void }) => {
  const { api } = useApp();
  const paths = usePaths();
  const command = useCommand();
  const [recognition, setRecognition] = useState({ decisionNumber: '', decisionDate: '' });
  const [reason, setReason] = useState('');
  const path = (action: string) => `${paths.cycle}/initiatives/${encodeURIComponent(initiative.initiativeId)}/${action}`;
  const act = async (action: string, body?: unknown) => {
    const result = await command.run({ action, body }, (options) => api.call<Initiative>('POST', path(action), body, options));
    if (result) done(result.body);
  };
  const { status } = initiative;
  return (
    <div class="initiative-actions">
      {status === 'submitted' && (
        <button type="button" onClick={() => act('review')} disabled={command.busy}>
          Chuyển Hội đồng xem xét
        </button>
      )}
      {status === 'in-review' && (
        <form onSubmit={(event) => (event.preventDefault(), act('recognize', recognition))}>
          <div class="grid">
            <label>
              Số quyết định công nhận
              <input value={recognition.decisionNumber} onInput={(event) => setRecognition({ ...recognition, decisionNumber: (event.target as HTMLInputElement).value })} />
            </label>
            <label>
              Ngày quyết định
              <DateInput value={recognition.decisionDate} onChange={(decisionDate) => setRecognition({ ...recognition, decisionDate })} />
            </label>
          </div>
          <button type="submit" disabled={command.busy}>
            Công nhận sáng kiến
          </button>
        </form>
      )}
      {(status === 'submitted' || status === 'in-review') && (
        <form onSubmit={(event) => (event.preventDefault(), act('reject', { reason }))}>
          <label>
            Lý do không công nhận
            <input value={reason} onInput={(event) => setReason((event.target as HTMLInputElement).value)} />
          </label>
          <button type="submit" class="secondary" disabled={command.busy}>
            Không công nhận
          </button>
        </form>
      )}
      {status === 'recognized' && !initiative.proposedUpward && (
        <button type="button" onClick={() => act('propose-upward', {})} disabled={command.busy}>
          Đề nghị cấp trên công nhận
        </button>
      )}
      <CommandStatus command={command} label="Đang gửi…" fields={{ decisionNumber: 'Số quyết định', decisionDate: 'Ngày quyết định', reason: 'Lý do' }} />
    </div>
  );
};
