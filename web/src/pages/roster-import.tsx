import { useState } from 'preact/hooks';
import { useSignedIn, usePaths } from '../context';
import { DownloadButton } from '../ui/download-button';
import { MemberRoles } from './member-roles';
import { useCommand } from '../ui/hooks';
import { PageTitle } from '../ui/page-title';
import { CommandStatus } from '../ui/status';
import { Table } from '../ui/table';

interface PlannedRow {
  readonly row: number;
  readonly sheet?: string;
  readonly action: 'new-member' | 'changed' | 'moved' | 'returned' | 'unchanged';
  readonly memberId: string;
  readonly fullName: string;
  readonly departmentId: string;
  readonly idCollision?: string;
}

interface ImportAnswer {
  readonly effectiveOn: string;
  readonly departments: readonly { departmentId: string; name: string; action: string; idCollision?: string }[];
  readonly rows: readonly PlannedRow[];
  readonly refusals: readonly { row: number; sheet?: string; reason: string }[];
  readonly totals: Readonly<Record<string, number>>;
  readonly written?: number;
}

const ACTION_LABELS: Record<PlannedRow['action'], string> = {
  'new-member': 'Thêm mới',
  changed: 'Cập nhật thông tin',
  moved: 'Chuyển phòng',
  returned: 'Trở lại công tác',
  unchanged: 'Không thay đổi',
};

/** The file's bytes as base64, as the API takes them in JSON. */
const base64Of = (file: File): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

const line = (row: { row: number; sheet?: string }) => (row.sheet ? `${row.sheet}, dòng ${row.row}` : `Dòng ${row.row}`);

/**
 * The Office imports the staff list: a file (.xlsx or .csv, the blank template or the registration list), its
 * preview (what each row would do, every refused row with its reason), then the import once nothing is refused.
 */
export const RosterImportPage = () => {
  const { api } = useSignedIn();
  const paths = usePaths();
  const [file, setFile] = useState<File | null>(null);
  const [effectiveOn, setEffectiveOn] = useState('');
  const [preview, setPreview] = useState<ImportAnswer | null>(null);
  const [done, setDone] = useState('');
  const command = useCommand();
  const send = async (action: 'preview' | 'apply') => {
    if (!file) return;
    setDone('');
    const body = { fileName: file.name, content: await base64Of(file), ...(effectiveOn ? { effectiveOn } : {}) };
    const result = await command.run([action, file.name, file.size, file.lastModified, effectiveOn], (options) => api.call<ImportAnswer>('POST', `${paths.org}/roster-imports/${action}`, body, options));
    if (!result) return;
    setPreview(result.body);
    if (action === 'apply') setDone(`Đã nhập danh sách: ghi ${result.body.written ?? 0} thay đổi.`);
  };
  const choose = (chosen: File | null) => {
    setFile(chosen);
    setPreview(null);
    setDone('');
    command.setProblem(null);
  };

  return (
    <>
      <PageTitle>Danh sách công chức</PageTitle>
      <p>Các cột: STT, Họ và tên, Chức vụ, Phòng/Đơn vị, Email, Mã (không bắt buộc). Có thể dùng lại danh sách đăng ký thi đua đã xuất.</p>
      <DownloadButton path={`${paths.org}/roster-imports/template`} label="Tải mẫu danh sách (.xlsx)" />
      <form onSubmit={(event) => (event.preventDefault(), void send('preview'))}>
        <div class="grid">
          <label>
            Tệp danh sách (.xlsx, .csv)
            <input type="file" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(event) => choose(event.currentTarget.files?.[0] ?? null)} />
          </label>
          <label>
            Ngày hiệu lực của việc chuyển phòng
            <input type="date" value={effectiveOn} onInput={(event) => setEffectiveOn(event.currentTarget.value)} />
          </label>
        </div>
        <button type="submit" disabled={!file || command.busy}>
          Xem trước
        </button>
      </form>
      <CommandStatus command={command} label="Đang đọc tệp…" done={done} />
      {preview && (
        <section aria-labelledby="import-preview">
          <h2 id="import-preview">Xem trước</h2>
          <p data-testid="import-totals">
            Phòng mới: {preview.totals['new-department']}; thêm mới: {preview.totals['new-member']}; cập nhật: {preview.totals.changed}; chuyển phòng: {preview.totals.moved}; không thay đổi:{' '}
            {preview.totals.unchanged}; bị từ chối: {preview.totals.refused}.
          </p>
          {preview.refusals.length > 0 && (
            <>
              <h3>Các dòng bị từ chối: sửa tệp rồi xem trước lại</h3>
              <Table headers={['Dòng', 'Lý do']} testId="import-refusals">
                {preview.refusals.map((refusal) => (
                  <tr key={`${refusal.sheet ?? ''}-${refusal.row}-${refusal.reason}`}>
                    <td>{line(refusal)}</td>
                    <td>{refusal.reason}</td>
                  </tr>
                ))}
              </Table>
            </>
          )}
          <Table headers={['Dòng', 'Họ và tên', 'Mã', 'Phòng', 'Thay đổi']} testId="import-rows">
            {preview.rows.map((row) => (
              <tr key={`${row.sheet ?? ''}-${row.row}`}>
                <td>{line(row)}</td>
                <td>{row.fullName}</td>
                <td>{row.idCollision ? `${row.memberId} (${row.idCollision} đã có)` : row.memberId}</td>
                <td>{preview.departments.find((department) => department.departmentId === row.departmentId)?.name ?? row.departmentId}</td>
                <td>{ACTION_LABELS[row.action]}</td>
              </tr>
            ))}
          </Table>
          <button type="button" onClick={() => void send('apply')} disabled={preview.refusals.length > 0 || command.busy}>
            Nhập danh sách
          </button>
        </section>
      )}
      <MemberRoles />
    </>
  );
};
