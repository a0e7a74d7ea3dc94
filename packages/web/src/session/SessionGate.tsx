// Loads /auth/me before any console page renders; a 401 there sends the browser to /login (api/client.ts).
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Button, Result, Spin } from 'antd';
import { fetchMe } from '../api/auth';
import { ApiError } from '../api/client';
import type { Permission, Session } from '../api/types';
import { useT } from '../i18n/useT';
import { SessionContext } from './context';

export function SessionGate({ children }: { children: ReactNode }) {
  const t = useT();
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    fetchMe()
      .then((s) => live && setSession(s))
      .catch((e: unknown) => live && setError(e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e))));
    return () => {
      live = false;
    };
  }, [attempt]);

  const value = useMemo(
    () => (session ? { session, can: (p: Permission) => session.staff.permissions.includes(p) } : null),
    [session],
  );

  if (value) return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
  // 401 is already redirecting to /login; keep the spinner instead of flashing an error.
  if (error && error.status !== 401) {
    return (
      <Result
        status="error"
        title={t('session.loadFailed')}
        subTitle={`${error.message} (${error.code})`}
        extra={
          <Button type="primary" onClick={() => { setError(null); setAttempt((n) => n + 1); }}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  return <Spin size="large" fullscreen />;
}
