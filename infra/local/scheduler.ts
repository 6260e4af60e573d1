import { vnDate, vnInstant } from '../../domain/time';
import type { Logger } from '../../functions/log';
import type { ScheduleSpec } from '../routes';

/** The latest instant at or before `now` at which a schedule is due (its wall-clock time in Asia/Ho_Chi_Minh). */
export const latestOccurrence = ({ at }: ScheduleSpec, now: Date): Date => {
  const today = vnDate(now);
  if (at.month !== undefined && at.day !== undefined) {
    const thisYear = vnInstant(today.year, at.month, at.day, at.hour, at.minute);
    return thisYear <= now ? thisYear : vnInstant(today.year - 1, at.month, at.day, at.hour, at.minute);
  }
  const todays = vnInstant(today.year, today.month, today.day, at.hour, at.minute);
  return todays <= now ? todays : vnInstant(today.year, today.month, today.day - 1, at.hour, at.minute);
};

/**
 * EventBridge Scheduler, locally: checks the (movable) clock every second and fires each schedule whose time has
 * come since it last fired. A jump of the clock over many occurrences fires once, which is enough because every
 * scheduled job catches up on all that is due.
 */
export class LocalScheduler {
  private readonly lastFired = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> = Promise.resolve();

  constructor(
    private readonly schedules: readonly ScheduleSpec[],
    private readonly now: () => Date,
    private readonly fire: (schedule: ScheduleSpec) => Promise<unknown>,
    private readonly log: Logger,
  ) {}

  start(intervalMs = 1000): void {
    for (const schedule of this.schedules) this.lastFired.set(schedule.name, latestOccurrence(schedule, this.now()).getTime());
    this.timer = setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
  }

  /**
   * Fires what is due; after the clock moved back, forgets occurrences "in the future" so they can fire again. A run
   * that fails (a store error) is logged and fires again at the next tick, as EventBridge retries a failed target.
   */
  tick(): Promise<void> {
    this.ticking = this.ticking.then(async () => {
      for (const schedule of this.schedules) {
        const due = latestOccurrence(schedule, this.now()).getTime();
        const last = this.lastFired.get(schedule.name) ?? due;
        this.lastFired.set(schedule.name, due);
        if (due <= last) continue;
        try {
          await this.fire(schedule);
        } catch (error) {
          this.lastFired.set(schedule.name, last);
          this.log('error', 'schedule run failed', { schedule: schedule.name, error: String(error) });
        }
      }
    });
    return this.ticking;
  }

  /** Stops the clock checks; resolves once the run in progress, if any, is over. */
  stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    return this.ticking;
  }
}
