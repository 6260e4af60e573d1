import { ROLE_LABELS, type Role } from '../auth/session';
import { usePaths } from '../context';
import { formatStamp } from '../format';
import { useLocation } from '../router';
import type { HistoryEvent, Roster } from '../types';
import { eventLabel } from '../ui/event-labels';
import { useResource } from '../ui/hooks';
import { PageTitle } from '../ui/page-title';
import { Loaded } from '../ui/status';

/** What kind of record it is, in the reader's words. */
const TYPES: Record<string, string> = {
  pledge: 'Bản đăng ký thi đua',
  evaluation: 'Phiếu chấm điểm',
  proposal: 'Tờ trình',
  decision: 'Quyết định khen thưởng',
  campaign: 'Phong trào',
  department: 'Phòng',
  member: 'Công chức',
  initiative: 'Sáng kiến',
};

/** Who acted, by name where the token names a person of the roster ("member:tran-thi-bich"), else by role. */
const actorText = (actor: HistoryEvent['actor'], roster: Roster | null) => {
  const memberId = actor.sub.split(':')[1];
  const name = roster?.members?.find((member) => member.memberId === memberId)?.fullName;
  const roles = (actor.roles ?? []).map((role) => ROLE_LABELS[role as Role] ?? role).join(', ');
  return [name, roles].filter(Boolean).join(' — ') || (actor.sub.startsWith('seed:') ? 'Dữ liệu mẫu' : 'Hệ thống');
};

/**
 * Who did what, when, to one record (?type=…&id=…&name=…): its events as the API keeps them, in Vietnamese. The
 * record is opened from where it is shown (the registration board, a score sheet), never by typing its id.
 */
export const HistoryPage = () => {
  const paths = usePaths();
  const { query } = useLocation();
  const [type, id, name] = [query.get('type') ?? '', query.get('id') ?? '', query.get('name') ?? ''];
  const shown = type && id ? `${paths.org}/history/${encodeURIComponent(type)}/${encodeURIComponent(id)}` : null;
  const history = useResource<{ events: readonly HistoryEvent[] }>(shown);
  const roster = useResource<Roster>(`${paths.org}/members`);
  return (
    <>
      <PageTitle>Lịch sử hồ sơ{shown ? `: ${TYPES[type] ?? ''} ${name}` : ''}</PageTitle>
      {!shown && <p>Mở lịch sử từ chính hồ sơ: nút “Lịch sử” trên bảng đăng ký, trên phiếu chấm điểm.</p>}
      {shown && (
        <Loaded resource={history}>
          {(data) => (
            <>
              <p class="history-note">Thời gian theo giờ Việt Nam.</p>
              <ol class="history" data-testid="history">
                {data.events.map((event) => (
                  <li key={event.version}>
                    <strong>{eventLabel(event.type)}</strong>
                    <br />
                    <time dateTime={event.at}>{formatStamp(event.at)}</time> — {actorText(event.actor, roster.data)}
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
