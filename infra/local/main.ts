import { buildConsole } from './build-console';
import { faultsFromEnv } from './faults';
import { localLogger, logFormatOf } from './log-format';
import { DEMO_ORG } from './seed';
import { startRuntime } from './runtime';

/**
 * `npm start`: the whole system on this machine. THIDUA_DATA (default .data/, or "memory"), PORT (3000),
 * THIDUA_NOW (an ISO instant to start the clock at), THIDUA_SEED=none (no demo data), THIDUA_FAULTS (injected
 * faults, e.g. `call=0.02,post-write=0.01,crash=0.05,duplicate=0.02,shuffle`: see faults.ts), THIDUA_LOG (pretty,
 * quiet or json: see log-format.ts).
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// The web console is built on every start (about two seconds) and served at / beside the API.
const WEB = 'web/dist';
await buildConsole(WEB);

const runtime = await startRuntime({
  data: process.env.THIDUA_DATA ?? '.data',
  port: Number(process.env.PORT ?? 3000),
  now: process.env.THIDUA_NOW ? new Date(process.env.THIDUA_NOW) : undefined,
  seed: process.env.THIDUA_SEED !== 'none',
  faults: faultsFromEnv(process.env.THIDUA_FAULTS),
  web: WEB,
  log: localLogger(logFormatOf(process.env.THIDUA_LOG)),
});

const campaigns = `${runtime.url}/orgs/${DEMO_ORG}/campaigns`;
process.stdout.write(`
thidua is running at ${runtime.url}  (web console: ${runtime.url}/; data: ${process.env.THIDUA_DATA ?? '.data'}, clock: ${runtime.clock.now().toISOString()})
${process.env.THIDUA_FAULTS ? `Injected faults: ${process.env.THIDUA_FAULTS}\n` : ''}${runtime.seeded ? `Demo data loaded: organization ${DEMO_ORG}, campaigns cchc-2021-2025 and cchc-2026-2030.\n` : ''}
API reference: ${runtime.url}/docs
Get a token (roles: office, leader, council, head, member; upward, a Sở Nội vụ reading the agencies it oversees):
  curl -s -X POST ${runtime.url}/_local/token -H 'content-type: application/json' -d '{"org":"${DEMO_ORG}","role":"office"}'
  curl -s -X POST ${runtime.url}/_local/token -H 'content-type: application/json' -d '{"org":"so-noi-vu","role":"upward","orgs":["${DEMO_ORG}"]}'
Then, for example:
  curl -s ${campaigns}/cchc-2026-2030 -H "authorization: Bearer $TOKEN"
  curl -s ${campaigns}/cchc-2026-2030/cycles/2026/registrations -H "authorization: Bearer $TOKEN"
Stop with Ctrl+C.
`);

const shutdown = async () => {
  await runtime.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
