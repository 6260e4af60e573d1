import { useState } from 'preact/hooks';
import { usePaths } from '../context';
import { formatDateTime } from '../format';
import type { HistoryEvent } from '../types';
import { useResource } from '../ui/hooks';
import { PageTitle } from '../ui/page-title';
import { Loaded } from '../ui/status';

const TYPES: Record<string, string> = {
  pledge: 'Bản đăng ký (campaign:năm:kind:mã)',
  evaluation: 'Phiếu chấm điểm (campaign:năm:kind:mã)',
  proposal: 'Tờ trình (campaign:năm:mã)',
  decision: 'Quyết định (mã)',
  campaign: 'Phong trào (mã)',
  department: 'Phòng (mã)',
  member: 'Công chức (mã)',
  initiative: 'Sáng kiến (campaign:năm:mã)',
};

/** Who did what, when, to any record: its events as the API keeps them. */
export const HistoryPage = () => {
  const paths = usePaths();
  const [type, setType] = useState('pledge');
  const [id, setId] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  const history = useResource<{ events: readonly HistoryEvent[] }>(shown);
  const submit = (event: Event) => {
    event.preventDefault();
    setShown(`${paths.org}/history/${type}/${encodeURIComponent(id.trim())}`);
  };
  return (
    <>
      <PageTitle>Lịch sử hồ sơ</PageTitle>
      <form onSubmit={submit} class="grid">
        <label>
          Loại hồ sơ
          <select value={type} onChange={(event) => setType((event.target as HTMLSelectElement).value)}>
            {Object.entries(TYPES).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Mã hồ sơ
          <input value={id} placeholder="cchc-2026-2030:2026:member:tran-thi-bich" onInput={(event) => setId((event.target as HTMLInputElement).value)} />
        </label>
        <button type="submit" disabled={!id.trim()}>
          Xem lịch sử
        </button>
      </form>
      {shown && (
        <Loaded resource={history}>
          {(data) => (
            <ol class="history">
              {data.events.map((event) => (
                <li key={event.version}>
                  <strong>{event.type}</strong> — {formatDateTime(event.at)} — {event.actor.sub}
                  <details>
                    <summary>Nội dung</summary>
                    <pre>{JSON.stringify(event.data, null, 2)}</pre>
                  </details>
                </li>
              ))}
            </ol>
          )}
        </Loaded>
      )}
    </>
  );
};
