import { PassThrough, type Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import type { CampaignDefinition } from '../../events/campaign';
import type { EvidenceFile } from '../../events/evaluation';
import { scoredCriteria } from '../../domain/evaluation/catalogue';
import type { EvidenceStorage } from './storage';

/** One sheet's files in the archive: the department's own (`owner` null) or a member's (its full name). */
export interface ArchivedSheet {
  readonly owner: string | null;
  readonly files: readonly EvidenceFile[];
  readonly key: (fileId: string) => string;
}

export interface ArchiveEntry {
  readonly path: string;
  readonly key: string;
  readonly size: number;
  readonly date: Date;
}

/** Characters no file system takes in a name, and a zip reads "/" as a folder. */
const safeName = (name: string) => name.replace(/[\\/:*?"<>|\p{Cc}]/gu, '-').trim();

/**
 * Where each file goes: a folder per criterion ("01. Cải cách thể chế", in the campaign's order; a sub-criterion's
 * files in its criterion's folder), the department's own files in it, each member's in a folder of its name. Two
 * files of one name in a folder are told apart by a number, as a file manager does.
 */
export const archiveEntries = (definition: CampaignDefinition, sheets: readonly ArchivedSheet[]): ArchiveEntry[] => {
  const folders = new Map(definition.criteria.map((criterion, index) => [criterion.code, `${String(index + 1).padStart(2, '0')}. ${safeName(criterion.label)}`]));
  const parentOf = new Map(scoredCriteria(definition).map(({ code, parent }) => [code, parent]));
  const taken = new Set<string>();
  const unique = (path: string) => {
    const dot = path.lastIndexOf('.');
    let candidate = path;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${path.slice(0, dot)} (${n})${path.slice(dot)}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  };
  return sheets.flatMap((sheet) =>
    sheet.files.map((file) => {
      const folder = folders.get(parentOf.get(file.criterion) ?? file.criterion) ?? safeName(file.criterion);
      const path = [folder, ...(sheet.owner ? [safeName(sheet.owner)] : []), safeName(file.name)].join('/');
      return { path: unique(path), key: sheet.key(file.fileId), size: file.size, date: new Date(file.attachedAt) };
    }),
  );
};

/**
 * The zip of these entries as a stream, each file read from storage only when the zip reaches it, stored as it is
 * (PDFs, images and Office files are compressed already): memory stays one read buffer whatever the total.
 */
export const zipStream = (entries: readonly ArchiveEntry[], storage: EvidenceStorage): Readable => {
  const zip = new ZipFile();
  for (const entry of entries) {
    zip.addReadStreamLazy(entry.path, { compress: false, size: entry.size, mtime: entry.date }, (done) => {
      storage.read(entry.key).then((stream) => done(null, stream), (error) => done(error, undefined as never));
    });
  }
  zip.end();
  // yazl's stream is an old-style one: piped into a PassThrough, it is an ordinary Readable for the SDK's upload.
  const output = new PassThrough();
  zip.outputStream.on('error', (error) => output.destroy(error));
  return zip.outputStream.pipe(output);
};
