import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';
import { vnInstant } from '../../domain/time';
import { silentLogger } from '../../functions/log';
import { diffViews } from '../../functions/streams/rebuild';
import { Faults, mulberry32 } from '../../infra/local/faults';
import { type Runtime, type RuntimeOptions, restartRuntime, startRuntime } from '../../infra/local/runtime';
import { percentile, round } from '../bench/stats';

/**
 * The deadline load: registration's last evening (30 March 2025, 20:00 Asia/Ho_Chi_Minh, clock frozen), a bounded
 * burst of concurrent clients writing pledges through the local HTTP API on loopback, on a disk folder, with faults
 * injected in the store, the projector and the stream, and the server restarted mid-run. Every write carries an
 * Idempotency-Key and is retried by its client (same key, same body, same headers) on a 5xx, a 429 or a network
 * error, with bounded backoff, until a definite answer (2xx or 4xx) or its attempts run out.
 *
 * At the end (faults off, projector settled), the store is read back and compared with what clients were told.
 * Every body is unique (its text names the write), so every 2xx answer is a change: one accepted write is one event.
 */
export interface LoadSettings {
  readonly clients: number;
  readonly writes: number;
  readonly departments: number;
  /** Members per department, its head included. */
  readonly membersPerDepartment: number;
  /** Store calls failing before they are sent, as the caller sees them; the same rate again per SDK attempt. */
  readonly faultRate: number;
  /** PutItems written whose caller then gets a 500 (the answer lost). */
  readonly postWriteRate: number;
  /** PutItem attempts written whose answer is lost, so the SDK sends the same PutItem again. */
  readonly lostResponseRate: number;
  readonly projectorCrashRate: number;
  readonly duplicateRate: number;
  readonly shuffle: boolean;
  /** Server restarts, evenly spread over the burst. */
  readonly restarts: number;
  /** Restart as after a crash: the stream records not yet delivered are lost (the start rebuilds the views). */
  readonly crashOnRestart: boolean;
  /** Share of amendments sent with If-Match (the last ETag any client saw for that pledge). */
  readonly ifMatchShare: number;
  /** Share of writes that withdraw the pledge (DELETE) instead of saving it. */
  readonly withdrawShare: number;
  /** Share of writes that must be refused (a collective title on a civil servant's pledge: 400). */
  readonly invalidShare: number;
  /** Attempts of one logical write by its client, retries included. */
  readonly maxAttempts: number;
  readonly requestTimeoutMs: number;
  /** Hard limit of the burst: no attempt starts after it, unanswered writes count as undefinite. */
  readonly timeoutMs: number;
  readonly seed: number;
  /** A data folder to use and keep; by default a temporary one, removed at the end. */
  readonly data?: string;
  readonly progress?: (line: string) => void;
}

export const DEFAULT_SETTINGS: LoadSettings = {
  clients: 200,
  writes: 20_000,
  departments: 50,
  membersPerDepartment: 20,
  faultRate: 0.02,
  postWriteRate: 0.01,
  lostResponseRate: 0.005,
  projectorCrashRate: 0.2,
  duplicateRate: 0.02,
  shuffle: true,
  restarts: 1,
  crashOnRestart: true,
  ifMatchShare: 0.5,
  withdrawShare: 0.03,
  invalidShare: 0.02,
  maxAttempts: 25,
  requestTimeoutMs: 30_000,
  timeoutMs: 600_000,
  seed: 20250330,
};

export interface Invariant {
  readonly name: string;
  readonly ok: boolean;
  readonly detail?: unknown;
}

export type LoadReport = Awaited<ReturnType<typeof runDeadlineLoad>>;

const ORG = 'load-org';
const CAMPAIGN = 'cchc-2021-2025';
const YEAR = 2025;
const NOW = vnInstant(2025, 3, 30, 20);

interface Participant {
  readonly kind: 'department' | 'member';
  readonly id: string;
  readonly departmentId: string;
}

interface Token {
  readonly role: 'office' | 'head' | 'member';
  readonly department?: string;
  readonly member?: string;
}

interface PlannedWrite {
  readonly index: number;
  readonly key: string;
  readonly participant: Participant;
  readonly method: 'PUT' | 'DELETE';
  readonly body?: { participantKind: string; targetTitles: string[]; commitments: { text: string; criterion?: string }[] };
  readonly actor: Token;
  readonly wantsIfMatch: boolean;
}

interface WriteResult {
  status?: number;
  etag?: number;
  text?: string;
  attempts: number;
  ms: number;
  lastError?: string;
}

const pledgeStream = (participant: Participant) => `${ORG}#pledge#${CAMPAIGN}:${YEAR}:${participant.kind}:${participant.id}`;
const pledgePath = (participant: Participant) => `/orgs/${ORG}/campaigns/${CAMPAIGN}/cycles/${YEAR}/pledges/${participant.id}`;
const parseEtag = (value: string | string[] | undefined) => (typeof value === 'string' ? Number(value.replace(/^W\//, '').replaceAll('"', '')) : undefined);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const tokenKey = (token: Token) => `${token.role}:${token.department ?? ''}:${token.member ?? ''}`;

/** The organization and the writes, all drawn from the seed. */
const plan = (settings: LoadSettings) => {
  const random = mulberry32(settings.seed);
  const departments = Array.from({ length: settings.departments }, (_, d) => `phong-${String(d).padStart(3, '0')}`);
  const members = departments.flatMap((departmentId, d) =>
    Array.from({ length: settings.membersPerDepartment }, (_, m) => ({ kind: 'member' as const, id: `cc-${String(d).padStart(3, '0')}-${String(m).padStart(3, '0')}`, departmentId, head: m === 0 })),
  );
  const participants: Participant[] = [...departments.map((id) => ({ kind: 'department' as const, id, departmentId: id })), ...members];
  const headOf = (departmentId: string): Token => ({ role: 'head', department: departmentId, member: members.find((each) => each.departmentId === departmentId && each.head)!.id });
  const runId = Math.floor(random() * 1e9).toString(36);
  const writes: PlannedWrite[] = Array.from({ length: settings.writes }, (_, index) => {
    const participant = participants[Math.floor(random() * participants.length)];
    const roll = random();
    const actor: Token =
      participant.kind === 'member'
        ? roll < 0.6
          ? { role: 'member', department: participant.departmentId, member: participant.id }
          : roll < 0.85
            ? headOf(participant.departmentId)
            : { role: 'office' }
        : roll < 0.7
          ? headOf(participant.departmentId)
          : { role: 'office' };
    const kindRoll = random();
    const method = kindRoll < settings.withdrawShare ? 'DELETE' : 'PUT';
    const invalid = method === 'PUT' && kindRoll < settings.withdrawShare + settings.invalidShare;
    const titles =
      participant.kind === 'member'
        ? invalid
          ? ['tap-the-lao-dong-tien-tien']
          : random() < 0.5
            ? ['lao-dong-tien-tien']
            : ['lao-dong-tien-tien', 'chien-si-thi-dua-co-so']
        : invalid
          ? ['lao-dong-tien-tien']
          : random() < 0.5
            ? ['tap-the-lao-dong-tien-tien']
            : ['tap-the-lao-dong-xuat-sac', 'giay-khen'];
    const text = `Cam kết số ${index}: giải quyết 100% hồ sơ đúng hạn, không để tồn đọng`;
    return {
      index,
      key: `load-${runId}-${index}`,
      participant,
      method,
      body: method === 'PUT' ? { participantKind: participant.kind, targetTitles: titles, commitments: [{ text, criterion: 'cai-cach-thu-tuc-hanh-chinh' }] } : undefined,
      actor,
      wantsIfMatch: random() < settings.ifMatchShare,
    };
  });
  return { departments, members, writes };
};

/** A keep-alive HTTP client on loopback: status, ETag and body text, or a thrown network error. */
const httpClient = (url: () => string, sockets: number, timeoutMs: number) => {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  const send = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
    new Promise<{ status: number; etag?: number; text: string }>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const request = httpRequest(
        `${url()}${path}`,
        { method, agent, headers: { ...headers, ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, etag: parseEtag(response.headers.etag), text: Buffer.concat(chunks).toString('utf8') }));
          response.on('error', reject);
        },
      );
      request.setTimeout(timeoutMs, () => request.destroy(Object.assign(new Error('request timed out'), { code: 'TIMEOUT' })));
      request.on('error', reject);
      request.end(payload);
    });
  return { send, close: () => agent.destroy() };
};

const scanAll = async (runtime: Runtime, table: string) => {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page: ScanCommandOutput = await runtime.deps.db.send(new ScanCommand({ TableName: table, ExclusiveStartKey: startKey, ConsistentRead: true }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
};

const tally = (counts: Record<string, number>, key: string | number) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

const withTimeout = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} took more than ${ms} ms`)), ms).unref())]);

export const runDeadlineLoad = async (overrides: Partial<LoadSettings> = {}) => {
  const settings: LoadSettings = { ...DEFAULT_SETTINGS, ...overrides };
  const progress = settings.progress ?? (() => {});
  const data = settings.data ?? mkdtempSync(join(tmpdir(), 'thidua-load-'));
  const faults = new Faults({
    seed: settings.seed,
    storeCallRate: settings.faultRate,
    storeAttemptRate: settings.faultRate,
    postWriteRate: settings.postWriteRate,
    lostResponseRate: settings.lostResponseRate,
    projectorCrashRate: settings.projectorCrashRate,
    duplicateRate: settings.duplicateRate,
    shuffle: settings.shuffle,
  });
  faults.enabled = false;
  const options: RuntimeOptions = { data, port: 0, now: NOW, frozenClock: true, seed: false, autoSchedules: false, log: silentLogger, faults };
  let runtime = await startRuntime(options).catch((error: unknown) => {
    if (settings.data === undefined) rmSync(data, { recursive: true, force: true });
    throw error;
  });
  const runtimes = [runtime];
  // An error thrown outside every handler (the store closed under a running call, a rejection nobody awaited) would
  // kill `npm run load`; here it is caught and counted, and the run fails on it.
  const escaped: string[] = [];
  const onEscape = (error: unknown) => escaped.push(String(error));
  process.on('uncaughtException', onEscape);
  process.on('unhandledRejection', onEscape);
  const http = httpClient(() => runtime.url, settings.clients, settings.requestTimeoutMs);
  const { departments, members, writes } = plan(settings);

  try {
    // The roster and the campaign, by the Office, before the burst and without faults; then the projector catches up.
    const setupStarted = performance.now();
    const office = `Bearer ${await runtime.token({ org: ORG, role: 'office' })}`;
    const setUp = async (path: string, body: unknown) => {
      const response = await http.send('PUT', path, { authorization: office }, body);
      if (response.status >= 300) throw new Error(`set-up ${path}: ${response.status} ${response.text}`);
    };
    const inParallel = async <T>(items: readonly T[], each: (item: T) => Promise<void>, width = 16) => {
      let next = 0;
      await Promise.all(Array.from({ length: width }, async () => {
        while (next < items.length) await each(items[next++]);
      }));
    };
    await inParallel(departments, (id) => setUp(`/orgs/${ORG}/departments/${id}`, { name: `Phòng ${id.slice(6)}` }));
    await inParallel(members, (member) =>
      setUp(`/orgs/${ORG}/members/${member.id}`, { fullName: `Công chức ${member.id}`, departmentId: member.departmentId, ...(member.head ? { position: 'Trưởng phòng' } : {}) }),
    );
    await setUp(`/orgs/${ORG}/campaigns/${CAMPAIGN}`, { template: CAMPAIGN });
    await runtime.settle();
    const tokens = new Map<string, string>();
    for (const write of writes) {
      const key = tokenKey(write.actor);
      if (!tokens.has(key)) tokens.set(key, `Bearer ${await runtime.token({ org: ORG, ...write.actor })}`);
    }
    const setupSeconds = (performance.now() - setupStarted) / 1000;
    progress(`set up ${departments.length} departments, ${members.length} members, the campaign, ${tokens.size} tokens in ${round(setupSeconds)} s`);

    // The burst.
    faults.enabled = true;
    const random = mulberry32(settings.seed + 1);
    const results: WriteResult[] = writes.map(() => ({ attempts: 0, ms: 0 }));
    const attemptOutcomes: Record<string, number> = {};
    const knownVersion = new Map<string, number>();
    const restartPoints = Array.from({ length: settings.restarts }, (_, k) => Math.floor((settings.writes * (k + 1)) / (settings.restarts + 1)));
    /** `projecting`: the projector had a batch (and store calls) in flight when the stop began, the path that once crashed. */
    const restarts: { afterWrites: number; downtimeMs: number; projecting: boolean; error?: string }[] = [];
    let restarting: Promise<void> | null = null;
    let completed = 0;
    let next = 0;
    const started = performance.now();
    const deadline = started + settings.timeoutMs;

    const maybeRestart = () => {
      if (restarting || restartPoints.length === 0 || completed < restartPoints[0]) return;
      const afterWrites = restartPoints.shift()!;
      const t0 = performance.now();
      restarting = (async () => {
        // Stop while the projector is at work (it nearly always is under this load): its calls in flight must be
        // answered or refused, never cut by the store closing under them.
        for (let waited = 0; !runtime.streams.busy && waited < 5_000; waited += 5) await sleep(5);
        const projecting = runtime.streams.busy;
        try {
          runtime = await restartRuntime(runtime, options, { crash: settings.crashOnRestart });
          runtimes.push(runtime);
          restarts.push({ afterWrites, downtimeMs: round(performance.now() - t0), projecting });
        } catch (error) {
          restarts.push({ afterWrites, downtimeMs: round(performance.now() - t0), projecting, error: String(error) });
        }
        progress(`restarted after ${afterWrites} writes: down ${round(performance.now() - t0)} ms`);
        restarting = null;
      })();
    };

    const execute = async (write: PlannedWrite) => {
      const result = results[write.index];
      const stream = pledgeStream(write.participant);
      const known = knownVersion.get(stream);
      const headers: Record<string, string> = {
        authorization: tokens.get(tokenKey(write.actor))!,
        'idempotency-key': write.key,
        ...(write.wantsIfMatch && known !== undefined ? { 'if-match': `"${known}"` } : {}),
      };
      const t0 = performance.now();
      for (let attempt = 1; attempt <= settings.maxAttempts && performance.now() < deadline; attempt++) {
        result.attempts = attempt;
        try {
          const response = await http.send(write.method, pledgePath(write.participant), headers, write.body);
          tally(attemptOutcomes, response.status);
          if (response.status < 500 && response.status !== 429) {
            result.status = response.status;
            result.etag = response.etag;
            result.text = response.status < 300 && response.text ? (JSON.parse(response.text) as { commitments?: { text: string }[] }).commitments?.[0]?.text : undefined;
            if (response.status < 300 && response.etag !== undefined && response.etag > (knownVersion.get(stream) ?? 0)) knownVersion.set(stream, response.etag);
            break;
          }
          result.lastError = `${response.status} ${response.text.slice(0, 200)}`;
        } catch (error) {
          const code = (error as { code?: string }).code ?? (error as Error).message;
          tally(attemptOutcomes, code);
          result.lastError = code;
        }
        // An exponential backoff with jitter, capped at 2 s: 25 attempts wait about 30 s in all, enough for a restart.
        await sleep(Math.min(2000, 10 * 2 ** attempt) * (0.5 + random() / 2));
      }
      result.ms = performance.now() - t0;
    };

    const ticker = setInterval(() => {
      const seconds = (performance.now() - started) / 1000;
      progress(`${completed}/${settings.writes} writes in ${round(seconds)} s (${round(completed / seconds)}/s), faults ${JSON.stringify(faults.counts)}`);
    }, 5000);
    await Promise.all(
      Array.from({ length: settings.clients }, async () => {
        while (next < writes.length && performance.now() < deadline) {
          await execute(writes[next++]);
          completed++;
          maybeRestart();
        }
      }),
    );
    clearInterval(ticker);
    const burstSeconds = (performance.now() - started) / 1000;
    await restarting;
    const streamBacklog = runtime.streams.pending;

    // Faults off; let the projector catch up; read the store back.
    faults.enabled = false;
    const settleStarted = performance.now();
    // Settling has a budget of its own: a burst that used its whole time on a busy machine leaves the projector behind.
    await withTimeout(runtime.settle(), Math.max(240_000, deadline - performance.now()), 'settling the projector');
    const settleMs = performance.now() - settleStarted;
    const events = (await scanAll(runtime, runtime.deps.tables.events)).filter((item) => String(item.pk).startsWith(`${ORG}#pledge#`));
    const viewDiff = await diffViews(runtime.deps);

    // What clients were told.
    const byKey = new Map(writes.map((write) => [write.key, write]));
    const finalStatus: Record<string, number> = {};
    const undefinite: { key: string; attempts: number; lastError?: string }[] = [];
    for (const write of writes) {
      const result = results[write.index];
      if (result.status === undefined) {
        tally(finalStatus, 'none');
        undefinite.push({ key: write.key, attempts: result.attempts, lastError: result.lastError });
      } else tally(finalStatus, result.status);
    }
    const accepted = writes.filter((write) => (results[write.index].status ?? 0) >= 200 && (results[write.index].status ?? 0) < 300);
    // "Changed something": a 2xx whose ETag no other answer for the same pledge claimed.
    const claimed = new Map<string, PlannedWrite[]>();
    for (const write of accepted) {
      const claim = `${pledgeStream(write.participant)} v${results[write.index].etag}`;
      claimed.set(claim, [...(claimed.get(claim) ?? []), write]);
    }
    const doubleClaims = [...claimed].filter(([, each]) => each.length > 1).map(([claim, each]) => ({ claim, keys: each.map((write) => write.key) }));

    // What the store holds.
    const streams = new Map<string, { version: number; key?: string }[]>();
    for (const item of events) {
      const meta = item.meta as { idempotencyKey?: string };
      streams.set(String(item.pk), [...(streams.get(String(item.pk)) ?? []), { version: Number(item.sk), key: meta?.idempotencyKey }]);
    }
    const gaps: string[] = [];
    const duplicateKeys: { stream: string; key: string; versions: number[] }[] = [];
    const keysSeen = new Map<string, string>();
    const writtenButRefused: { key: string; stream: string; version: number; answer: number }[] = [];
    const writtenButUnanswered: { key: string; stream: string; version: number }[] = [];
    const wrongPlace: { key: string; stream: string; version: number; answeredVersion?: number }[] = [];
    const foreign: { stream: string; version: number; key?: string }[] = [];
    for (const [stream, list] of streams) {
      list.sort((a, b) => a.version - b.version);
      if (list.some((event, i) => event.version !== i + 1)) gaps.push(`${stream}: ${list.map((event) => event.version).join(',')}`);
      for (const event of list) {
        const write = event.key ? byKey.get(event.key) : undefined;
        if (!write) {
          foreign.push({ stream, ...event });
          continue;
        }
        if (keysSeen.has(event.key!)) {
          duplicateKeys.push({ stream, key: event.key!, versions: list.filter((each) => each.key === event.key).map((each) => each.version) });
          continue;
        }
        keysSeen.set(event.key!, stream);
        const result = results[write.index];
        if (result.status === undefined) writtenButUnanswered.push({ key: event.key!, stream, version: event.version });
        else if (result.status >= 300) writtenButRefused.push({ key: event.key!, stream, version: event.version, answer: result.status });
        else if (pledgeStream(write.participant) !== stream || result.etag !== event.version) wrongPlace.push({ key: event.key!, stream, version: event.version, answeredVersion: result.etag });
      }
    }
    const lost = accepted.filter((write) => !keysSeen.has(write.key)).map((write) => ({ key: write.key, status: results[write.index].status, etag: results[write.index].etag }));
    const notFirstAnswer = accepted
      .filter((write) => write.method === 'PUT' && results[write.index].text !== write.body!.commitments[0].text)
      .map((write) => ({ key: write.key, answered: results[write.index].text }));
    const setAside = runtimes.reduce((sum, each) => sum + each.streams.failed.length, 0);
    const sample = <T>(list: readonly T[]) => ({ count: list.length, first: list.slice(0, 5) });

    const invariants: Invariant[] = [
      { name: 'every request got a definite answer (2xx or 4xx)', ok: undefinite.length === 0, detail: sample(undefinite) },
      { name: 'accepted writes = pledge events in the store', ok: accepted.length === events.length, detail: { accepted: accepted.length, pledgeEvents: events.length } },
      { name: 'no event duplicated (one event per Idempotency-Key)', ok: duplicateKeys.length === 0 && foreign.length === 0, detail: { duplicateKeys: sample(duplicateKeys), eventsWithoutAPlannedKey: sample(foreign) } },
      { name: 'versions contiguous 1..n in every stream', ok: gaps.length === 0, detail: sample(gaps) },
      { name: 'no write lost (every 2xx answer has its event)', ok: lost.length === 0, detail: sample(lost) },
      { name: 'no write applied while its client was refused (4xx)', ok: writtenButRefused.length === 0, detail: sample(writtenButRefused) },
      { name: 'no write applied while its client got no answer', ok: writtenButUnanswered.length === 0, detail: sample(writtenButUnanswered) },
      { name: "each 2xx answer names its own event's version, no version claimed twice", ok: wrongPlace.length === 0 && doubleClaims.length === 0, detail: { wrongVersion: sample(wrongPlace), doubleClaims: sample(doubleClaims) } },
      { name: 'a retried write is answered as the first time (its own content)', ok: notFirstAnswer.length === 0, detail: sample(notFirstAnswer) },
      { name: 'views equal a rebuild from the events', ok: viewDiff.length === 0, detail: { differences: viewDiff.length, first: viewDiff.slice(0, 3), streamRecordsSetAside: setAside } },
      { name: 'the restarts happened', ok: restarts.length === settings.restarts && restarts.every((each) => !each.error), detail: restarts },
      { name: 'no error escaped a handler (nothing uncaught, no unhandled rejection)', ok: escaped.length === 0, detail: sample(escaped) },
    ];

    const latencies = writes.map((write) => results[write.index].ms).sort((a, b) => a - b);
    const attempts = writes.reduce((sum, write) => sum + results[write.index].attempts, 0);
    const { progress: _progress, ...shownSettings } = settings;
    return {
      ok: invariants.every((each) => each.ok),
      settings: { ...shownSettings, data: settings.data ?? '(temporary)', node: process.version },
      setup: { departments: departments.length, members: members.length, seconds: round(setupSeconds) },
      burst: {
        seconds: round(burstSeconds),
        writesPerSecond: round(settings.writes / burstSeconds),
        acceptedPerSecond: round(accepted.length / burstSeconds),
        latencyMs: { p50: round(percentile(latencies, 50), 1), p99: round(percentile(latencies, 99), 1), max: round(latencies.at(-1) ?? 0, 1) },
        attempts,
        retries: attempts - writes.length,
        writesRetried: writes.filter((write) => results[write.index].attempts > 1).length,
        restarts,
        streamBacklogAtEnd: streamBacklog,
        settleMs: round(settleMs),
      },
      answers: { final: finalStatus, everyAttempt: attemptOutcomes },
      faults: { ...faults.counts },
      store: { pledgeEvents: events.length, pledgesWritten: streams.size, acceptedWrites: accepted.length, streamRecordsSetAside: setAside },
      invariants,
    };
  } finally {
    http.close();
    await runtime.stop().catch(() => {});
    process.off('uncaughtException', onEscape);
    process.off('unhandledRejection', onEscape);
    if (settings.data === undefined) rmSync(data, { recursive: true, force: true });
  }
};

/** A short human summary of a report. */
export const summary = (report: LoadReport): string => {
  const { burst, answers, faults, store, settings } = report;
  const lines = [
    `deadline load: ${settings.writes} writes by ${settings.clients} clients over ${settings.departments} departments (${report.setup.members} civil servants), fault rate ${settings.faultRate}, ${settings.restarts} restart(s)`,
    `  ${burst.seconds} s, ${burst.writesPerSecond} writes/s (${burst.acceptedPerSecond} accepted/s); latency of a write with its retries p50 ${burst.latencyMs.p50} ms, p99 ${burst.latencyMs.p99} ms, max ${burst.latencyMs.max} ms`,
    `  ${burst.retries} retries (${burst.writesRetried} writes retried); restarts ${burst.restarts.map((each) => `after ${each.afterWrites} writes${each.projecting ? ' (projector in flight)' : ''}, down ${each.downtimeMs} ms`).join('; ') || 'none'}; projector ${burst.streamBacklogAtEnd} records behind at the end, settled in ${burst.settleMs} ms`,
    `  final answers ${JSON.stringify(answers.final)}; every attempt ${JSON.stringify(answers.everyAttempt)}`,
    `  injected ${JSON.stringify(faults)}`,
    `  store: ${store.pledgeEvents} pledge events in ${store.pledgesWritten} pledges, ${store.acceptedWrites} accepted writes, ${store.streamRecordsSetAside} stream records set aside`,
    ...report.invariants.map((each) => `  ${each.ok ? 'ok  ' : 'FAIL'} ${each.name}${each.ok ? '' : `: ${JSON.stringify(each.detail)}`}`),
    report.ok ? 'all invariants hold' : 'INVARIANTS FAILED',
  ];
  return lines.join('\n');
};
