import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiClient } from './api/client';
import { ApiError, type Problem } from './api/problem';
import { cognitoSignOutUrl, finishCognitoSignIn, startCognitoSignIn } from './auth/cognito';
import { LocalSignIn } from './auth/local-sign-in';
import { type Session, clearSession, storeSession, storedSession } from './auth/session';
import { type ConsoleConfig, loadConfig } from './config';
import { Shell } from './shell';
import { ProblemAlert, Progress } from './ui/status';

const problemOf = (error: unknown): Problem =>
  error instanceof ApiError ? error.problem : { code: 'start-failed', title: error instanceof Error ? error.message : 'Không khởi động được trang', status: 0 };

/** Start-up: the configuration, then the session (a stored one, a return from the hosted UI, or a sign-in). */
export const App = () => {
  const [config, setConfig] = useState<ConsoleConfig | null>(null);
  const [session, setSession] = useState<Session | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => {
    (async () => {
      const loaded = await loadConfig();
      const returned = loaded.mode === 'cognito' && loaded.cognito ? await finishCognitoSignIn(loaded.cognito) : null;
      const current = returned ? storeSession(returned) : storedSession();
      // Expiry is the API's to judge (locally against its own movable clock): a 401 signs out.
      setSession(current);
      setConfig(loaded);
    })().catch((error) => setProblem(problemOf(error)));
  }, []);

  const signOut = () => {
    clearSession();
    setSession(null);
    if (config?.mode === 'cognito' && config.cognito) location.assign(cognitoSignOutUrl(config.cognito));
  };
  const api = useMemo(() => (config ? new ApiClient(config.apiUrl, () => storedSession()?.token ?? null, signOut) : null), [config]);

  if (problem) return <main class="container"><ProblemAlert problem={problem} /></main>;
  if (!config || !api) return <main class="container"><Progress busy /></main>;
  if (!session) {
    if (config.mode === 'local') return <LocalSignIn config={config} onToken={(token) => setSession(storeSession(token))} />;
    return (
      <main class="container sign-in">
        <h1>Thi đua cải cách hành chính</h1>
        <button type="button" onClick={() => startCognitoSignIn(config.cognito!)}>
          Đăng nhập
        </button>
      </main>
    );
  }
  return <Shell config={config} session={session} api={api} signOut={signOut} />;
};
