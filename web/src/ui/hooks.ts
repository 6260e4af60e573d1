import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ApiResult, CommandOptions } from '../api/client';
import { ApiError, NETWORK_PROBLEM, type Problem } from '../api/problem';
import { useSignedIn } from '../context';

const problemOf = (error: unknown): Problem => (error instanceof ApiError ? error.problem : { ...NETWORK_PROBLEM, detail: String(error) });

/** A GET of the API, reloaded when its path changes; `null` waits (a path that depends on another read). */
export const useResource = <T>(path: string | null) => {
  const { api } = useSignedIn();
  const [state, setState] = useState<{ data: T | null; etag: string | null; problem: Problem | null; loading: boolean }>({ data: null, etag: null, problem: null, loading: path !== null });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (path === null) return;
    let current = true;
    setState((previous) => ({ ...previous, loading: true, problem: null }));
    api.get<T>(path).then(
      (result) => current && setState({ data: result.body, etag: result.etag, problem: null, loading: false }),
      (error) => current && setState({ data: null, etag: null, problem: problemOf(error), loading: false }),
    );
    return () => {
      current = false;
    };
  }, [api, path, generation]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { ...state, reload };
};

/**
 * A record a form edits, which may well not be set yet (the organization profile, a pledge): read with
 * `?ifAbsent=empty`, so "not set yet" comes back as `absent`, not as a 404 that the browser logs as a failed load
 * although it is the expected state (review D32). `data` is the record, or null while absent.
 */
export const useRecord = <T>(path: string | null) => {
  const resource = useResource<T | { readonly absent: true }>(path === null ? null : `${path}${path.includes('?') ? '&' : '?'}ifAbsent=empty`);
  const data = resource.data;
  const absent = data !== null && typeof data === 'object' && (data as { absent?: unknown }).absent === true;
  return { ...resource, data: absent ? null : (data as T | null), absent };
};

/**
 * One user action that writes. The Idempotency-Key is kept until the API gives a definite answer, so pressing the
 * button again after a dropped connection resends the same request (never a second write); a changed form gets a
 * new key (the API would refuse the old key with another body).
 */
export const useCommand = () => {
  const pending = useRef<{ key: string; fingerprint: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [retrying, setRetrying] = useState(0);
  const [problem, setProblem] = useState<Problem | null>(null);

  const run = useCallback(async <R>(fingerprint: unknown, send: (options: CommandOptions) => Promise<ApiResult<R>>): Promise<ApiResult<R> | null> => {
    const print = JSON.stringify(fingerprint);
    if (pending.current?.fingerprint !== print) pending.current = { key: crypto.randomUUID(), fingerprint: print };
    setBusy(true);
    setRetrying(0);
    setProblem(null);
    try {
      const result = await send({ idempotencyKey: pending.current.key, onRetry: setRetrying });
      pending.current = null;
      return result;
    } catch (error) {
      const found = problemOf(error);
      if (found.status !== 0) pending.current = null;
      setProblem(found);
      return null;
    } finally {
      setBusy(false);
      setRetrying(0);
    }
  }, []);
  return { run, busy, retrying, problem, setProblem };
};
