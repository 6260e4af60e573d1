/**
 * What the console needs to know about where it runs, read from /config.json at start: on AWS the stack writes it
 * at deploy time (API URL, Cognito hosted UI); locally the runtime serves it (same-origin API, demo organization).
 */
export interface ConsoleConfig {
  readonly mode: 'local' | 'cognito';
  /** The API's origin; '' means the console's own origin (the local runtime serves both). */
  readonly apiUrl: string;
  /** The campaign shown first; anyone can switch to another campaign id. */
  readonly defaultCampaign: string;
  /** Local only: the demo organization whose users the sign-in picker offers. */
  readonly org?: string;
  readonly cognito?: { readonly domain: string; readonly clientId: string; readonly redirectUri: string };
}

export const loadConfig = async (): Promise<ConsoleConfig> => {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`Không đọc được cấu hình (/config.json: ${response.status})`);
  return (await response.json()) as ConsoleConfig;
};
