import { Agent, request as httpRequest } from 'node:http';

/**
 * A raw HTTP request, exactly as given: the request target is sent unparsed (percent-encoding garbage, `..`, `#`
 * and all), header values may carry any byte (a string is sent as Latin-1, so UTF-8 text must be passed through
 * `latin1OfUtf8`), and the body is any bytes. `fetch` would normalize or refuse most of what a fuzzer needs to send.
 */
export interface RawRequest {
  readonly method: string;
  /** The request target: path and query, already encoded as the client wants it on the wire. */
  readonly target: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
}

export interface RawResponse {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly text: string;
  /** The body parsed as JSON, or undefined when it is empty or not JSON. */
  readonly json: unknown;
  /** Every response header as sent, name and value alternating (a repeated header shows twice). */
  readonly rawHeaders: readonly string[];
}

const agent = new Agent({ keepAlive: true, maxSockets: 4 });

/** The bytes of a UTF-8 string as a Latin-1 string: what a client writing UTF-8 into a header puts on the wire. */
export const latin1OfUtf8 = (value: string): string => Buffer.from(value, 'utf8').toString('latin1');

/**
 * Sends one request. A kept-alive socket the server had already closed fails before any answer (ECONNRESET on a
 * reused socket): the request never reached the server, so it is sent once more, on a new socket.
 */
export const rawRequest = async (baseUrl: string, raw: RawRequest): Promise<RawResponse> => {
  try {
    return await sendOnce(baseUrl, raw);
  } catch (error) {
    if ((error as { reusedSocket?: boolean; code?: string }).reusedSocket && (error as { code?: string }).code === 'ECONNRESET') return sendOnce(baseUrl, raw);
    throw error;
  }
};

const sendOnce = (baseUrl: string, raw: RawRequest): Promise<RawResponse> =>
  new Promise((resolve, reject) => {
    const url = new URL(baseUrl);
    const body = raw.body === undefined ? undefined : Buffer.isBuffer(raw.body) ? raw.body : Buffer.from(raw.body, 'utf8');
    const request = httpRequest(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: raw.method,
        path: raw.target,
        headers: { ...raw.headers, ...(body === undefined ? {} : { 'content-length': String(body.length) }) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text === '' ? undefined : JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: response.statusCode ?? 0, contentType: response.headers['content-type'], text, json, rawHeaders: response.rawHeaders });
        });
      },
    );
    request.on('error', (error) => reject(Object.assign(error, { reusedSocket: request.reusedSocket })));
    request.end(body);
  });

/** Closes the kept-alive sockets (so a test file ends promptly). */
export const closeRawConnections = () => agent.destroy();
