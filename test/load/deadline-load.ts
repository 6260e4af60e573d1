import { DEFAULT_SETTINGS, type LoadSettings, runDeadlineLoad, summary } from './harness';

/**
 * `npm run load`: the deadline load with injected faults (see harness.ts). Settings from the environment:
 * LOAD_CLIENTS (200), LOAD_WRITES (20000), LOAD_DEPARTMENTS (50), LOAD_MEMBERS_PER_DEPARTMENT (20),
 * LOAD_FAULT_RATE (0.02: store calls, and SDK attempts, failing before they are sent), LOAD_POST_WRITE_RATE (0.01),
 * LOAD_LOST_RESPONSE_RATE (0.005), LOAD_CRASH_RATE (0.2), LOAD_DUPLICATE_RATE (0.02), LOAD_RESTARTS (1),
 * LOAD_MAX_ATTEMPTS (20), LOAD_TIMEOUT_S (600), LOAD_SEED, LOAD_DATA (a folder to use and keep).
 * Prints progress on stderr, then a JSON report and a short summary on stdout; exits 1 if an invariant fails.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const number = (name: string, fallback: number) => {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`${name} must be a non-negative number, not "${value}"`);
  return parsed;
};

const settings: Partial<LoadSettings> = {
  clients: number('LOAD_CLIENTS', DEFAULT_SETTINGS.clients),
  writes: number('LOAD_WRITES', DEFAULT_SETTINGS.writes),
  departments: number('LOAD_DEPARTMENTS', DEFAULT_SETTINGS.departments),
  membersPerDepartment: number('LOAD_MEMBERS_PER_DEPARTMENT', DEFAULT_SETTINGS.membersPerDepartment),
  faultRate: number('LOAD_FAULT_RATE', DEFAULT_SETTINGS.faultRate),
  postWriteRate: number('LOAD_POST_WRITE_RATE', DEFAULT_SETTINGS.postWriteRate),
  lostResponseRate: number('LOAD_LOST_RESPONSE_RATE', DEFAULT_SETTINGS.lostResponseRate),
  projectorCrashRate: number('LOAD_CRASH_RATE', DEFAULT_SETTINGS.projectorCrashRate),
  duplicateRate: number('LOAD_DUPLICATE_RATE', DEFAULT_SETTINGS.duplicateRate),
  restarts: number('LOAD_RESTARTS', DEFAULT_SETTINGS.restarts),
  maxAttempts: number('LOAD_MAX_ATTEMPTS', DEFAULT_SETTINGS.maxAttempts),
  timeoutMs: number('LOAD_TIMEOUT_S', DEFAULT_SETTINGS.timeoutMs / 1000) * 1000,
  seed: number('LOAD_SEED', DEFAULT_SETTINGS.seed),
  data: process.env.LOAD_DATA || undefined,
  progress: (line) => process.stderr.write(`${line}\n`),
};

// The run stops by itself: the burst has a hard limit, and this one covers set-up, settling and checking too.
const watchdog = setTimeout(() => {
  process.stderr.write('deadline load: hard timeout, giving up\n');
  process.exit(2);
}, (settings.timeoutMs ?? DEFAULT_SETTINGS.timeoutMs) + 300_000);
watchdog.unref();

const report = await runDeadlineLoad(settings);
process.stdout.write(`${JSON.stringify(report, null, 2)}\n\n${summary(report)}\n`);
process.exit(report.ok ? 0 : 1);
