import type { Actor } from '../../domain/actor';
import type { Deps } from '../deps';

/** A request as a route sees it: parsed, authenticated, with lowercase header names. */
export interface HttpRequest {
  readonly method: string;
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  /** The parsed JSON body (undefined when there is none); validated by the route with its zod schema. */
  readonly body: unknown;
  readonly actor: Actor;
  readonly requestId: string;
  readonly correlationId: string;
}

export interface HttpResponse {
  readonly status: number;
  /** A JSON answer; or, with `file`, nothing here. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** A download (an export): sent as bytes with its type and a file name the browser saves it under. */
  readonly file?: DownloadFile;
}

export interface DownloadFile {
  readonly contentType: string;
  /** Vietnamese, with diacritics: sent as RFC 6266 `filename*` (UTF-8) beside an ASCII fallback. */
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

export type RouteHandler = (request: HttpRequest, deps: Deps) => Promise<HttpResponse>;
