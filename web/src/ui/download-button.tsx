import { useState } from 'preact/hooks';
import { ApiError, type Problem } from '../api/problem';
import { useSignedIn } from '../context';
import { ProblemAlert, Progress } from './status';

/**
 * A file from the API: fetched with the bearer token (a plain link cannot send it), then saved under the name the
 * server gives in Content-Disposition. `name` tells apart buttons of the same label (one per row of a table);
 * `fields` names the query's fields in a refusal ("Từ năm", not "from").
 */
export const DownloadButton = ({ path, label, name, fields }: { path: string; label: string; name?: string; fields?: Record<string, string> }) => {
  const { api } = useSignedIn();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState('');
  const download = async () => {
    setBusy(true);
    setProblem(null);
    setSaved('');
    try {
      const { blob, fileName } = await api.file(path);
      const url = URL.createObjectURL(blob);
      const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setSaved(`Đã tải: ${fileName}`);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.problem : null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="download">
      <button type="button" class="secondary" onClick={download} disabled={busy} aria-busy={busy ? 'true' : 'false'} aria-label={name}>
        {label}
      </button>
      <Progress busy={busy} label="Đang chuẩn bị tệp…" />
      <span role="status" class="saved">
        {saved}
      </span>
      <ProblemAlert problem={problem} fields={fields} />
    </div>
  );
};
