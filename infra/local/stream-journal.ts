import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DynamoDBRecord } from 'aws-lambda';

/** DynamoDB Streams keep a record 24 hours: a consumer down longer than that loses it there too. */
const RETENTION_SECONDS = 24 * 3600;

const sequenceOf = (record: DynamoDBRecord) => BigInt(record.dynamodb!.SequenceNumber!);

/**
 * One subscription's stream on disk, beside the data: every record as it is enqueued (`<name>.jsonl`) and the
 * sequence number up to which the subscription has handled them (`<name>.checkpoint`). A restart, even after a
 * kill, resumes from the checkpoint, as an event source mapping resumes a DynamoDB stream: a reminder written but
 * not yet sent is sent after the restart. At least once: a batch handled but not checkpointed comes again.
 */
export class StreamJournal {
  private checkpointed: bigint;

  private constructor(
    private readonly file: string,
    private readonly checkpointFile: string,
    checkpointed: bigint,
    /** The records enqueued after the checkpoint and not older than the retention, oldest first. */
    readonly pending: readonly DynamoDBRecord[],
    /** The highest sequence number handed out so far: numbering goes on from there. */
    readonly lastSequence: bigint,
  ) {
    this.checkpointed = checkpointed;
  }

  static open(folder: string, name: string, nowSeconds = Math.floor(Date.now() / 1000)): StreamJournal {
    mkdirSync(folder, { recursive: true });
    const file = join(folder, `${name}.jsonl`);
    const checkpointFile = join(folder, `${name}.checkpoint`);
    const checkpointed = existsSync(checkpointFile) ? BigInt(readFileSync(checkpointFile, 'utf8').trim() || '0') : 0n;
    // A line cut short by a kill mid-write is the record whose write was never answered: it is dropped.
    const records = (existsSync(file) ? readFileSync(file, 'utf8').split('\n') : []).flatMap((line): DynamoDBRecord[] => {
      try {
        return line ? [JSON.parse(line) as DynamoDBRecord] : [];
      } catch {
        return [];
      }
    });
    const lastSequence = records.reduce((highest, record) => (sequenceOf(record) > highest ? sequenceOf(record) : highest), checkpointed);
    const pending = records.filter((record) => sequenceOf(record) > checkpointed && nowSeconds - (record.dynamodb!.ApproximateCreationDateTime ?? nowSeconds) <= RETENTION_SECONDS);
    writeFileSync(file, pending.map((record) => `${JSON.stringify(record)}\n`).join(''));
    return new StreamJournal(file, checkpointFile, checkpointed, pending, lastSequence);
  }

  append(record: DynamoDBRecord): void {
    appendFileSync(this.file, `${JSON.stringify(record)}\n`);
  }

  /** Every record up to this one is handled (or set aside); with nothing left pending, the journal starts afresh. */
  checkpoint(record: DynamoDBRecord, nothingPending: boolean): void {
    const sequence = sequenceOf(record);
    if (sequence > this.checkpointed) {
      this.checkpointed = sequence;
      writeFileSync(`${this.checkpointFile}.tmp`, String(sequence));
      renameSync(`${this.checkpointFile}.tmp`, this.checkpointFile);
    }
    if (nothingPending) writeFileSync(this.file, '');
  }
}
