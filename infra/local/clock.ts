/**
 * The local clock: real time shifted by an offset, or frozen at an instant (tests pin it to 23:59:59 on the
 * deadline). `POST /_local/clock` and `THIDUA_NOW` set it; on AWS the handlers use the real clock.
 */
export class LocalClock {
  private offsetMs = 0;
  private frozenAt: Date | null = null;

  readonly now = (): Date => this.frozenAt ?? new Date(Date.now() + this.offsetMs);

  set(now: Date, frozen = false): void {
    this.frozenAt = frozen ? now : null;
    this.offsetMs = now.getTime() - Date.now();
  }
}
