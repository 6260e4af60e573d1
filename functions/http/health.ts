import { httpHandler } from './handler';
import type { RouteHandler } from './types';

/** Liveness: answers without touching storage, so it is cheap to poll. */
export const route: RouteHandler = async () => ({ status: 200, body: { status: 'ok', service: 'thidua' } });

export const handler = httpHandler(route, { public: true });
