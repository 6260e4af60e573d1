import * as z from 'zod';
import { problemBody } from '../../functions/http/problem';
import { type ScheduleSpec, SCHEDULES } from '../routes';
import { type LocalAuthority, TokenRequest } from './auth';
import type { LocalRouteHandler } from './http-server';
import type { OutboxEntry } from '../../functions/notify/outbox';

export interface LocalControls {
  readonly authority: LocalAuthority;
  readonly now: () => Date;
  readonly setClock: (now: Date, frozen: boolean) => Promise<void>;
  readonly runSchedule: (schedule: ScheduleSpec) => Promise<unknown>;
  readonly drainStreams: () => Promise<{ delivered: number; failed: number }>;
  /** The messages the notifier has sent, oldest first. */
  readonly outbox: () => readonly OutboxEntry[];
}

const ClockRequest = z.strictObject({ now: z.iso.datetime({ offset: true }), frozen: z.boolean().optional() });

const parseJson = <T>(schema: z.ZodType<T>, body: string): { ok: true; value: T } | { ok: false; problem: ReturnType<typeof problemBody> } => {
  try {
    return { ok: true, value: schema.parse(JSON.parse(body || '{}')) };
  } catch (error) {
    return { ok: false, problem: problemBody('invalid-request', error instanceof z.ZodError ? z.prettifyError(error) : 'the body is not well-formed JSON') };
  }
};

/**
 * Local-only routes under /_local/, for demos and tests; the CDK stack never deploys them (they are not in the
 * route table). A token for any demo user, the clock, the schedules, waiting for the projector, and the outbox.
 */
export const localRoutes =
  (controls: LocalControls) =>
  (method: string, path: string): LocalRouteHandler | undefined => {
    if (method === 'POST' && path === '/_local/token') {
      return async (_request, body) => {
        const parsed = parseJson(TokenRequest, body);
        return parsed.ok ? { status: 200, body: { token: await controls.authority.issue(parsed.value, controls.now()) } } : { status: 400, body: parsed.problem };
      };
    }
    if (path === '/_local/clock' && method === 'GET') return async () => ({ status: 200, body: { now: controls.now().toISOString() } });
    if (path === '/_local/clock' && method === 'POST') {
      return async (_request, body) => {
        const parsed = parseJson(ClockRequest, body);
        if (!parsed.ok) return { status: 400, body: parsed.problem };
        await controls.setClock(new Date(parsed.value.now), parsed.value.frozen ?? false);
        return { status: 200, body: { now: controls.now().toISOString(), frozen: parsed.value.frozen ?? false } };
      };
    }
    if (method === 'POST' && path.startsWith('/_local/schedules/')) {
      const schedule = SCHEDULES.find((each) => path === `/_local/schedules/${each.name}`);
      if (!schedule) return async () => ({ status: 404, body: problemBody('not-found', `schedules: ${SCHEDULES.map((each) => each.name).join(', ')}`) });
      return async () => ({ status: 200, body: { schedule: schedule.name, result: await controls.runSchedule(schedule) } });
    }
    if (method === 'POST' && path === '/_local/streams/drain') return async () => ({ status: 200, body: await controls.drainStreams() });
    if (method === 'GET' && path === '/_local/outbox') return async () => ({ status: 200, body: { messages: controls.outbox() } });
    return undefined;
  };
