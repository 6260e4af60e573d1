import { documentClient } from '../../functions/deps';
import { silentLogger } from '../../functions/log';
import { rebuildViews } from '../../functions/streams/rebuild';
import { startDynalite } from './dynalite';

/**
 * `npm run rebuild`: replays the events table into the views and reports every difference it found (and fixed).
 * Runs on the data folder while `npm start` is stopped (LevelDB allows one process at a time).
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const data = process.env.THIDUA_DATA ?? '.data';
let dynamo;
try {
  dynamo = await startDynalite(data);
} catch (error) {
  process.stderr.write(`cannot open ${data}: ${(error as Error).message}\nIs npm start running on it? Stop it first.\n`);
  process.exit(2);
}
const report = await rebuildViews({ db: documentClient(dynamo.client), tables: dynamo.tables, now: () => new Date(), log: silentLogger });
await dynamo.close();
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
process.exit(report.differences.length === 0 ? 0 : 1);
