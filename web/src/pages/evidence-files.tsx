import { useEffect, useState } from 'preact/hooks';
import type { ApiResult } from '../api/client';
import { ApiError, type Problem } from '../api/problem';
import { useApp, usePaths } from '../context';
import { formatDate, formatNumber } from '../format';
import type { EvidenceFile, ParticipantKind, Sheet } from '../types';
import { ProblemAlert } from '../ui/status';
import { type UploadStep, uploadEvidence } from './evidence-upload';

export const formatSize = (bytes: number) => (bytes >= 1024 * 1024 ? `${formatNumber(Math.round(bytes / 104857.6) / 10)} MB` : `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`);

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.webp,.docx,.xlsx,application/pdf,image/jpeg,image/png,image/webp';
const STEP_LABELS: Record<UploadStep, string> = { hashing: 'Đang chuẩn bị…', uploading: 'Đang tải lên', confirming: 'Đang xác nhận…' };
const problemOf = (error: unknown): Problem => (error instanceof ApiError ? error.problem : { code: 'error', status: 0, title: String(error) });

/** A sheet's API path for one participant, as the evidence routes take it. */
const useSheetPath = (participantId: string, kind: ParticipantKind) => {
  const paths = usePaths();
  return (action: string) => paths.evaluation(participantId, kind, action);
};

/** Opens an evidence file: a short-lived link from the API, in a new tab (the browser shows a PDF or image, saves the rest). */
const OpenButton = ({ path, file }: { path: (action: string) => string; file: EvidenceFile }) => {
  const { api } = useApp();
  const [problem, setProblem] = useState<Problem | null>(null);
  const open = async () => {
    setProblem(null);
    try {
      const answer = await api.get<{ download: { url: string } }>(path(`evidence-files/${file.fileId}`));
      window.open(answer.body.download.url, '_blank', 'noopener');
    } catch (error) {
      setProblem(problemOf(error));
    }
  };
  return (
    <>
      <button type="button" class="link" onClick={open}>
        {file.name}
      </button>
      <ProblemAlert problem={problem} />
    </>
  );
};

/** The files of one criterion: name (opens it), size, the day attached; a remove button while the sheet is editable. */
const FileList = ({ files, path, remove }: { files: readonly EvidenceFile[]; path: (action: string) => string; remove?: (file: EvidenceFile) => void }) =>
  files.length === 0 ? null : (
    <ul class="evidence-files" aria-label="Tệp kiểm chứng đã đính kèm">
      {files.map((file) => (
        <li key={file.fileId}>
          <OpenButton path={path} file={file} /> <small>({formatSize(file.size)}, {formatDate(file.attachedAt)})</small>
          {remove && (
            <button type="button" class="secondary outline small" aria-label={`Gỡ ${file.name}`} onClick={() => remove(file)}>
              Gỡ
            </button>
          )}
        </li>
      ))}
    </ul>
  );

/** The evidence files of one criterion on the score sheet, for its readers (appraisers, the Office, the participant). */
export const EvidenceLinks = ({ sheet, criterion }: { sheet: Sheet; criterion: string }) => {
  const path = useSheetPath(sheet.participant?.id ?? '', sheet.participant?.kind ?? 'member');
  return <FileList files={(sheet.evidenceFiles ?? []).filter((file) => file.criterion === criterion)} path={path} />;
};

interface Upload {
  readonly id: number;
  readonly file: File;
  readonly step: UploadStep | 'done' | 'failed';
  readonly sent: number;
  readonly problem?: Problem;
}

let uploadIds = 0;

/**
 * Evidence files of one criterion of a self-assessment being edited: drop files here (or pick them), each uploaded
 * straight to storage with its own progress bar, then confirmed; a failed one is tried again with its button.
 * `onSheet` is told the sheet after each change, so the editor's next save carries its new version.
 */
export const EvidenceUploader = (props: {
  readonly participantId: string;
  readonly participantKind: ParticipantKind;
  readonly criterion: string;
  readonly files: readonly EvidenceFile[];
  readonly editable: boolean;
  readonly onSheet: (result: ApiResult<Sheet>) => void;
}) => {
  const { api } = useApp();
  const path = useSheetPath(props.participantId, props.participantKind);
  const own = (sheetFiles: readonly EvidenceFile[]) => sheetFiles.filter((file) => file.criterion === props.criterion);
  const [files, setFiles] = useState(own(props.files));
  const [uploads, setUploads] = useState<readonly Upload[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [dragging, setDragging] = useState(false);
  useEffect(() => setFiles(own(props.files)), [props.files]);

  const changed = (result: ApiResult<Sheet>) => {
    setFiles(own(result.body.evidenceFiles ?? []));
    props.onSheet(result);
  };
  const update = (id: number, change: Partial<Upload>) => setUploads((all) => all.map((each) => (each.id === id ? { ...each, ...change } : each)));
  const start = async (upload: Upload) => {
    update(upload.id, { step: 'hashing', sent: 0, problem: undefined });
    try {
      const result = await uploadEvidence(api, path, { participantKind: props.participantKind, criterion: props.criterion, file: upload.file }, {
        step: (step) => update(upload.id, { step }),
        progress: (sent) => update(upload.id, { sent }),
      });
      update(upload.id, { step: 'done', sent: upload.file.size });
      changed(result);
    } catch (error) {
      update(upload.id, { step: 'failed', problem: problemOf(error) });
    }
  };
  const add = (list: FileList | null) => {
    const added = [...(list ?? [])].map((file): Upload => ({ id: ++uploadIds, file, step: 'hashing', sent: 0 }));
    setUploads((all) => [...all, ...added]);
    // One after another: each file's bar moves in turn, and a sheet's appends are ordered anyway.
    added.reduce((previous, upload) => previous.then(() => start(upload)), Promise.resolve());
  };
  const remove = async (file: EvidenceFile) => {
    setProblem(null);
    try {
      changed(await api.call<Sheet>('DELETE', path(`evidence-files/${file.fileId}`)));
    } catch (error) {
      setProblem(problemOf(error));
    }
  };

  return (
    <div class="evidence">
      <FileList files={files} path={path} remove={props.editable ? remove : undefined} />
      {/* The API counts a confirmed file as the criterion's evidence (domain/evaluation/evidence.ts): say so here. */}
      {props.editable && files.length > 0 && <small class="hint" data-testid="file-is-evidence">Tệp đính kèm là tài liệu kiểm chứng của tiêu chí này: không cần giải trình thêm.</small>}
      {props.editable && (
        <div
          class={dragging ? 'dropzone dragging' : 'dropzone'}
          onDragOver={(event) => (event.preventDefault(), setDragging(true))}
          onDragLeave={() => setDragging(false)}
          onDrop={(event) => {
            event.preventDefault();
            setDragging(false);
            add(event.dataTransfer?.files ?? null);
          }}
        >
          <label>
            Kéo thả tệp kiểm chứng vào đây, hoặc chọn tệp (PDF, ảnh, Word, Excel; tối đa 20 MB mỗi tệp)
            <input type="file" multiple accept={ACCEPT} onChange={(event) => (add((event.target as HTMLInputElement).files), ((event.target as HTMLInputElement).value = ''))} />
          </label>
        </div>
      )}
      {uploads.length > 0 && (
        <ul class="uploads" aria-label="Tệp đang tải lên">
          {uploads.map((upload) => (
            <li key={upload.id} data-testid="upload">
              <span>{upload.file.name}</span>{' '}
              <progress value={upload.sent} max={upload.file.size || 1} aria-label={`Tiến độ tải lên ${upload.file.name}`} />{' '}
              <small role="status">
                {upload.step === 'done'
                  ? 'Đã đính kèm'
                  : upload.step === 'failed'
                    ? `Không tải lên được: ${upload.problem?.title ?? ''}`
                    : upload.step === 'uploading'
                      ? `${STEP_LABELS.uploading} ${Math.round((upload.sent / (upload.file.size || 1)) * 100)}%`
                      : STEP_LABELS[upload.step]}
              </small>
              {upload.step === 'failed' && (
                <button type="button" class="secondary small" onClick={() => start(upload)}>
                  Thử lại
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ProblemAlert problem={problem} />
    </div>
  );
};
