import { ApiError, NETWORK_PROBLEM, problemFrom } from './problem';

export interface ApiResult<T> {
  readonly status: number;
  readonly body: T;
  /** The record's version, for If-Match on the next write. */
  readonly etag: string | null;
}

export interface CommandOptions {
  /** Sent as Idempotency-Key: the same key on every retry, so a write that landed is answered, not repeated. */
  readonly idempotencyKey?: string;
  readonly ifMatch?: string | null;
  /** Told when a retry starts, so the page can say so. */
  readonly onRetry?: (attempt: number) => void;
}

/** Answers worth retrying as they are: the gateway or the store was briefly unavailable. */
const TRANSIENT = new Set([502, 503, 504]);
const RETRY_DELAYS_MS = [400, 1200, 3000];

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The one way the console calls the API: bearer token, JSON, problem+json into ApiError, and retries of network
 * failures and transient answers with the same Idempotency-Key (the API answers a replayed write as the first time).
 */
export class ApiClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: () => string | null,
    private readonly onUnauthorized: () => void,
  ) {}

  private async send(method: string, path: string, body: unknown, options: CommandOptions, accept = 'application/json'): Promise<Response> {
    const headers: Record<string, string> = { accept };
    const token = this.token();
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    if (options.ifMatch) headers['if-match'] = options.ifMatch;
    for (let attempt = 0; ; attempt++) {
      let response: Response | null = null;
      try {
        response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      } catch {
        // The request may or may not have reached the server: the retry with the same key settles which.
      }
      const retry = response === null || TRANSIENT.has(response.status);
      if (!retry || attempt >= RETRY_DELAYS_MS.length) {
        if (response === null) throw new ApiError(NETWORK_PROBLEM);
        if (response.status === 401) this.onUnauthorized();
        if (!response.ok) throw new ApiError(await problemFrom(response));
        return response;
      }
      options.onRetry?.(attempt + 1);
      await wait(RETRY_DELAYS_MS[attempt]);
    }
  }

  async call<T>(method: string, path: string, body?: unknown, options: CommandOptions = {}): Promise<ApiResult<T>> {
    // Reads are safe to repeat; writes are only retried with a key, so a write without one gets a key of its own.
    const idempotencyKey = method === 'GET' ? undefined : (options.idempotencyKey ?? crypto.randomUUID());
    const response = await this.send(method, path, body, { ...options, idempotencyKey });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, etag: response.headers.get('etag') };
  }

  get<T>(path: string) {
    return this.call<T>('GET', path);
  }

  /** A file from the API (exports, minutes, annexes): its bytes and the name the server gives it. */
  async file(path: string): Promise<{ blob: Blob; fileName: string }> {
    const response = await this.send('GET', path, undefined, {}, '*/*');
    return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('content-disposition')) ?? path.split('/').pop()! };
  }
}

/** RFC 6266: `filename*=UTF-8''…` (the Vietnamese name) wins over the ASCII `filename=`. */
const fileNameOf = (disposition: string | null): string | null => {
  if (!disposition) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (extended) return decodeURIComponent(extended[1].trim());
  return /filename\s*=\s*"?([^";]+)"?/.exec(disposition)?.[1] ?? null;
};
