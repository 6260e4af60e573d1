import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { Logger } from '../log';
import type { EmailMessage, Notifier } from './notifier';

export interface OutboxEntry extends EmailMessage {
  /** When it was sent, by the runtime's (movable) clock. */
  readonly at: string;
}

/**
 * The local notifier: nothing leaves the machine. Each message is kept (in memory, and in a JSON-lines file beside
 * the local store so that it survives a restart), written to the console log, and listed at GET /_local/outbox.
 */
export class Outbox implements Notifier {
  private readonly entries: OutboxEntry[];

  constructor(
    private readonly now: () => Date,
    private readonly log: Logger,
    private readonly file?: string,
  ) {
    this.entries = file && existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as OutboxEntry) : [];
  }

  readonly send = async (message: EmailMessage): Promise<void> => {
    const entry: OutboxEntry = { at: this.now().toISOString(), ...message };
    this.entries.push(entry);
    if (this.file) appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
    this.log('info', 'outbox: message sent', { ...entry });
  };

  get messages(): readonly OutboxEntry[] {
    return this.entries;
  }
}
