import * as z from 'zod';
import { problemBody } from '../../functions/http/problem';
import { type ScheduleSpec, SCHEDULES } from '../routes';
import type { LocalAccounts } from './accounts';
import { type LocalAuthority, TokenRequest } from './auth';
import type { LocalRouteHandler } from './http-server';
import type { OutboxEntry } from '../../functions/notify/outbox';

export interface LocalControls {
  readonly authority: LocalAuthority;
  /** The local user pool: a member signs in with its account's roles and department. */
  readonly accounts: LocalAccounts;
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
 * route table). A token for a member of the roster (from its account) or any other demo user, the accounts to sign in with, the clock, the schedules, waiting for the projector, and the outbox.
 */
export const localRoutes =
  (controls: LocalControls) =>
  (method: string, path: string): LocalRouteHandler | undefined => {
    if (method === 'POST' && path === '/_local/token') {
      return async (_request, body) => {
        const parsed = parseJson(TokenRequest, body);
        if (!parsed.ok) return { status: 400, body: parsed.problem };
        const request = parsed.value;
        if (!request.member) return { status: 200, body: { token: await controls.authority.issue(request, controls.now()) } };
        // A person of the roster signs in as its account says: refused without one, disabled, or not holding the role.
        const account = controls.accounts.signIn(request.org, request.member, request.role);
        if (typeof account === 'string') return { status: 403, body: problemBody(account, `${request.member} cannot sign in as ${request.role}`) };
        // The token carries the one role signed in as (the console's local picker), never one the account lacks.
        const token = await controls.authority.issue({ ...request, department: account.departmentId, name: account.fullName, sub: request.sub ?? account.email }, controls.now());
        return { status: 200, body: { token } };
      };
    }
    if (method === 'GET' && path.startsWith('/_local/accounts/')) {
      const org = decodeURIComponent(path.slice('/_local/accounts/'.length));
      return async () => ({ status: 200, body: { accounts: controls.accounts.people(org) } });
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
