import { useState } from 'preact/hooks';
import { usePaths } from '../context';
import { formatStamp } from '../format';
import type { HistoryEvent } from '../types';
import { eventLabel } from '../ui/event-labels';
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
            <>
              <p class="history-note">Thời gian theo giờ Việt Nam.</p>
              <ol class="history" data-testid="history">
                {data.events.map((event) => (
                  <li key={event.version}>
                    {/* The label for the reader; the stored name for whoever goes to the API or the logs. */}
                    <strong>{eventLabel(event.type)}</strong> <small class="event-type">{event.type}</small>
                    <br />
                    <time dateTime={event.at}>{formatStamp(event.at)}</time> — {event.actor.sub}
                    <details>
                      <summary>Nội dung</summary>
                      <pre>{JSON.stringify(event.data, null, 2)}</pre>
                    </details>
                  </li>
                ))}
              </ol>
            </>
          )}
        </Loaded>
      )}
    </>
  );
};
