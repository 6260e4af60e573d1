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
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export type RouteHandler = (request: HttpRequest, deps: Deps) => Promise<HttpResponse>;
