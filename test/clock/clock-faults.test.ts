import { ScanCommand, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';
import * as fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../domain/time';
import type { StoredEvent } from '../../events/envelope';
import { toStoredEvent } from '../../functions/store/event-store';
import { diffViews } from '../../functions/streams/rebuild';
import type { Runtime } from '../../infra/local/runtime';
import { as, departmentPledge, memberPledge, paths, setUpOrganization, startTestRuntime } from '../support/runtime';
import { countEvents } from '../support/store';

/**
 * The close-registration schedule fires twice, fires late, or never fires. Commands check the deadline against
 * the clock themselves, so in all three cases the same requests get the same answers and leave the same pledges,
 * the same board and a closed registration; no pledge dated after the deadline is accepted without the late flag;
 * and a second run of the schedule writes nothing.
 *
 * The year is 2025 of the plan's campaign: the deadline is 30 March 23:59:59.999 Asia/Ho_Chi_Minh
 * (2025-03-30T16:59:59.999Z), registration closes at 31 March 00:00:00, and the schedule is due daily at 00:05.
 */
const YEAR = 2025;
const DEADLINE = vnInstant(YEAR, 3, 30, 23, 59, 59, 999);

type Scenario = 'twice' | 'late' | 'never';
type Firing = { readonly at: Date; readonly times: number };

/** When, in each scenario, the schedule fires: twice on time, once eight hours late, or not at all. */
const FIRES: Record<Scenario, Firing[]> = {
  twice: [{ at: vnInstant(YEAR, 3, 31, 0, 5), times: 2 }],
  late: [{ at: vnInstant(YEAR, 3, 31, 8, 0), times: 1 }],
  never: [],
};

/** Instants at which, after the deadline, everybody tries again; the schedules above fire in between. */
const ATTEMPTS_AFTER = [vnInstant(YEAR, 3, 31, 0, 0, 0), vnInstant(YEAR, 3, 31, 0, 0, 1), vnInstant(YEAR, 3, 31, 0, 6), vnInstant(YEAR, 4, 1, 9)];

interface Outcome {
  /** Every request of the script, with its answer: the same in every scenario. */
  readonly answers: string[];
  readonly pledgeEvents: StoredEvent[];
  readonly board: unknown;
  readonly cycle: Record<string, unknown>;
  /** Events added by a second run of the schedule right after a first (0 expected). */
  readonly addedBySecondRun: number[];
  readonly closedByRuns: number[];
  readonly viewsDiff: unknown[];
}

const allEvents = async (runtime: Runtime): Promise<StoredEvent[]> => {
  const events: StoredEvent[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page: ScanCommandOutput = await runtime.deps.db.send(new ScanCommand({ TableName: runtime.deps.tables.events, ExclusiveStartKey: startKey, ConsistentRead: true }));
    events.push(...(page.Items ?? []).map(toStoredEvent));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return events.sort((a, b) => a.pk.localeCompare(b.pk) || a.version - b.version);
};

/**
 * The same script in every scenario; only the schedule's firings differ. With `finalRun`, the schedule runs once
 * more at the very end, as after a restart.
 */
const play = async (firings: readonly Firing[], finalRun: boolean): Promise<Outcome> => {
  const runtime = await startTestRuntime(vnInstant(YEAR, 1, 2, 9));
  try {
    await setUpOrganization(runtime); // launches the plan's campaign on 2 January 2025: the 2025 cycle is open
    const answers: string[] = [];
    const addedBySecondRun: number[] = [];
    const closedByRuns: number[] = [];
    const fires = [...firings].sort((a, b) => a.at.getTime() - b.at.getTime());

    /** Moves the clock; first lets every schedule due by then fire, as the scenario says. */
    const at = async (instant: Date) => {
      while (fires.length > 0 && fires[0].at <= instant) {
        const fire = fires.shift()!;
        runtime.clock.set(fire.at, true);
        for (let run = 0; run < fire.times; run++) {
          const before = await countEvents(runtime);
          closedByRuns.push(((await runtime.runSchedule('close-registration')) as { closed: number }).closed);
          if (run > 0) addedBySecondRun.push((await countEvents(runtime)) - before);
        }
      }
      runtime.clock.set(instant, true);
      return {
        office: await as(runtime, { role: 'office' }),
        headA: await as(runtime, { role: 'head', department: 'phong-a', member: 'truong-a' }),
        headB: await as(runtime, { role: 'head', department: 'phong-b' }),
        vienA: await as(runtime, { role: 'member', department: 'phong-a', member: 'vien-a' }),
        vienB: await as(runtime, { role: 'member', department: 'phong-b', member: 'vien-b' }),
      };
    };
    const record = async (label: string, call: Promise<{ status: number; body?: { code?: string } }>) => {
      const response = await call;
      answers.push(`${label}: ${response.status}${response.body?.code ? ` ${response.body.code}` : ''}`);
      await runtime.settle();
      return response;
    };

    // Before the deadline: registrations, the last one in the last millisecond.
    let actors = await at(vnInstant(YEAR, 3, 30, 9));
    await record('vien-a registers', actors.vienA.put(paths.pledge(YEAR, 'vien-a'), memberPledge()));
    await record('head registers phong-a', actors.headA.put(paths.pledge(YEAR, 'phong-a'), departmentPledge()));
    actors = await at(vnInstant(YEAR, 3, 30, 23, 59, 59));
    await record('head registers truong-a', actors.headA.put(paths.pledge(YEAR, 'truong-a'), memberPledge(['lao-dong-tien-tien'], 'Không để hồ sơ quá hạn')));
    actors = await at(DEADLINE);
    await record('vien-a amends at 23:59:59.999', actors.vienA.put(paths.pledge(YEAR, 'vien-a'), memberPledge(['lao-dong-tien-tien', 'chien-si-thi-dua-co-so'])));

    // After it: everyone tries again, at 00:00:00, 00:00:01, 00:06 and the next morning.
    for (const [index, instant] of ATTEMPTS_AFTER.entries()) {
      actors = await at(instant);
      const when = instant.toISOString();
      await record(`${when} vien-b registers`, actors.vienB.put(paths.pledge(YEAR, 'vien-b'), memberPledge()));
      await record(`${when} vien-b claims a late flag`, actors.vienB.put(paths.pledge(YEAR, 'vien-b'), { ...memberPledge(), late: { reason: 'Đi công tác' } }));
      await record(`${when} vien-a amends`, actors.vienA.put(paths.pledge(YEAR, 'vien-a'), memberPledge(['giay-khen'])));
      await record(`${when} head amends phong-a`, actors.headA.put(paths.pledge(YEAR, 'phong-a'), departmentPledge(['tap-the-lao-dong-xuat-sac'])));
      await record(`${when} head withdraws vien-a`, actors.headA.delete(paths.pledge(YEAR, 'vien-a')));
      await record(`${when} head-b registers phong-b`, actors.headB.put(paths.pledge(YEAR, 'phong-b'), departmentPledge()));
      await record(`${when} office registers vien-b without a late flag`, actors.office.put(paths.pledge(YEAR, 'vien-b'), memberPledge()));
      // The Office records late pledges, with their reason: at 00:00:01 for vien-b, the next morning for phong-b.
      if (index === 1) await record(`${when} office records vien-b late`, actors.office.put(paths.pledge(YEAR, 'vien-b'), { ...memberPledge(), late: { reason: 'Đi công tác đến 31/3' } }));
      if (index === 3) await record(`${when} office records phong-b late`, actors.office.put(paths.pledge(YEAR, 'phong-b'), { ...departmentPledge(), late: { reason: 'Trưởng phòng nghỉ ốm' } }));
    }

    // One more run at the end, as after a restart: where the schedule fired after the deadline, nothing is left to do.
    if (finalRun) {
      const before = await countEvents(runtime);
      closedByRuns.push(((await runtime.runSchedule('close-registration')) as { closed: number }).closed);
      addedBySecondRun.push((await countEvents(runtime)) - before);
    }

    const office = await as(runtime, { role: 'office' });
    await runtime.settle();
    return {
      answers,
      pledgeEvents: (await allEvents(runtime)).filter((event) => event.pk.includes('#pledge#')),
      board: (await office.get(paths.board(YEAR))).body,
      cycle: (await office.get(paths.cycle(YEAR))).body,
      addedBySecondRun,
      closedByRuns,
      viewsDiff: await diffViews(runtime.deps),
    };
  } finally {
    await runtime.stop();
  }
};

/** An event without what legitimately differs from run to run (request and correlation ids). */
const comparable = ({ pk, version, type, data, meta }: StoredEvent) => ({ pk, version, type, data, at: meta.at, actor: meta.actor });

describe('clock faults: close-registration fires twice, late, or never', () => {
  const outcomes = {} as Record<Scenario, Outcome>;

  beforeAll(async () => {
    for (const scenario of Object.keys(FIRES) as Scenario[]) outcomes[scenario] = await play(FIRES[scenario], scenario !== 'never');
  }, 120_000);

  it('the script itself: registrations up to 23:59:59.999 are accepted, everything after is refused but the Office’s late records', () => {
    const { answers } = outcomes.never;
    expect(answers.slice(0, 4)).toEqual(['vien-a registers: 201', 'head registers phong-a: 201', 'head registers truong-a: 201', 'vien-a amends at 23:59:59.999: 200']);
    for (const answer of answers.slice(4)) {
      if (answer.includes('office records')) expect(answer).toMatch(/: 201$/);
      else if (answer.includes('claims a late flag')) expect(answer).toMatch(/: 403 forbidden$/);
      else expect(answer).toMatch(/: 409 registration-closed$/);
    }
  });

  for (const scenario of ['twice', 'late'] as const) {
    it(`${scenario}: every answer is the same as when the schedule never fires`, () => {
      expect(outcomes[scenario].answers).toEqual(outcomes.never.answers);
    });

    it(`${scenario}: the pledges' events are the same as when the schedule never fires`, () => {
      expect(outcomes[scenario].pledgeEvents.map(comparable)).toEqual(outcomes.never.pledgeEvents.map(comparable));
    });

    it(`${scenario}: the registration board (rows and totals) is the same as when the schedule never fires`, () => {
      expect(outcomes[scenario].board).toEqual(outcomes.never.board);
    });
  }

  it('the board totals: three registered on time, two recorded late', () => {
    expect((outcomes.never.board as { totals: unknown }).totals).toEqual({ departments: 2, departmentsRegistered: 2, members: 3, membersRegistered: 3, late: 2 });
  });

  for (const scenario of Object.keys(FIRES) as Scenario[]) {
    it(`${scenario}: registration is closed, with the same deadline; the close is on record only if the schedule fired`, () => {
      const { cycle } = outcomes[scenario];
      expect(cycle).toMatchObject({ year: YEAR, registrationStatus: 'closed', registrationDeadline: DEADLINE.toISOString() });
      expect(cycle.registrationClosedRecorded).toBe(scenario !== 'never');
    });

    it(`${scenario}: no pledge dated after the deadline was accepted without the late flag`, () => {
      const changes = outcomes[scenario].pledgeEvents.filter((event) => event.type === 'PledgeSubmitted' || event.type === 'PledgeAmended');
      expect(changes.length).toBeGreaterThan(0);
      for (const event of changes) {
        const late = (event.data as { late?: { reason: string } }).late;
        expect(new Date(event.meta.at) <= DEADLINE || late !== undefined, `${event.pk} v${event.version} at ${event.meta.at}`).toBe(true);
      }
      // And the check is not empty: there are late records, after the deadline, and on-time ones up to its last millisecond.
      expect(changes.filter((event) => new Date(event.meta.at) > DEADLINE).length).toBe(2);
      expect(changes.some((event) => event.meta.at === DEADLINE.toISOString())).toBe(true);
    });

    it(`${scenario}: the views equal a rebuild from the events`, () => {
      expect(outcomes[scenario].viewsDiff).toEqual([]);
    });
  }

  it('twice: the first run closes 2025 (and the four past years), the second adds no event', () => {
    expect(outcomes.twice.closedByRuns).toEqual([5, 0, 0]);
    expect(outcomes.twice.addedBySecondRun).toEqual([0, 0]);
  });

  it('late: the late run closes what was due, and a later run adds no event', () => {
    expect(outcomes.late.closedByRuns).toEqual([5, 0]);
    expect(outcomes.late.addedBySecondRun).toEqual([0]);
  });

  it('never: no run, no RegistrationClosed event, and yet the same outcome (above)', () => {
    expect(outcomes.never.closedByRuns).toEqual([]);
  });

  /** Instants the schedule may fire at in the property below: early, on the dot, on time, late, a day late. */
  const CANDIDATES = [vnInstant(YEAR, 3, 30, 0, 5), DEADLINE, vnInstant(YEAR, 3, 31, 0, 0, 0), vnInstant(YEAR, 3, 31, 0, 0, 0, 500), vnInstant(YEAR, 3, 31, 0, 5), vnInstant(YEAR, 3, 31, 8), vnInstant(YEAR, 4, 1, 0, 5), vnInstant(YEAR, 4, 1, 8, 59)];
  const RUNS = Math.max(1, Number(process.env.CLOCK_RUNS ?? 4));

  it(`any ${RUNS} patterns of firings (fast-check: early, on the dot, late, repeated up to 3 times): the same answers, pledges and board as never`, { timeout: 30_000 + RUNS * 10_000 }, async () => {
    const firings = fc.uniqueArray(fc.record({ at: fc.constantFrom(...CANDIDATES), times: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 4, selector: (firing) => firing.at.getTime() });
    await fc.assert(
      fc.asyncProperty(firings, async (pattern) => {
        const outcome = await play(pattern, false);
        expect(outcome.answers).toEqual(outcomes.never.answers);
        expect(outcome.pledgeEvents.map(comparable)).toEqual(outcomes.never.pledgeEvents.map(comparable));
        expect(outcome.board).toEqual(outcomes.never.board);
        expect(outcome.cycle.registrationStatus).toBe('closed');
        // The close is on record exactly when the schedule fired once registration had closed, and only once.
        const firedAfterClose = pattern.some((firing) => firing.at >= vnInstant(YEAR, 3, 31));
        expect(outcome.cycle.registrationClosedRecorded).toBe(firedAfterClose);
        expect(outcome.closedByRuns.filter((closed) => closed > 0).length).toBeLessThanOrEqual(pattern.some((firing) => firing.at < vnInstant(YEAR, 3, 31)) ? 2 : 1);
        expect(outcome.addedBySecondRun.every((added) => added === 0)).toBe(true);
        expect(outcome.viewsDiff).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});
