/** Structured JSON logs, one line each, so CloudWatch Logs Insights (and a human with jq) can query them. */
export type Logger = (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;

export const jsonLogger =
  (write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Logger =>
  (level, message, fields) => {
    write(JSON.stringify({ level, message, time: new Date().toISOString(), ...fields }));
  };

export const silentLogger: Logger = () => {};
