// Whole-page states of the member app: loading, "open the campaign link again" (401), not found, other failures.
import { useEffect } from 'react';
import { Button, Card, Result, Skeleton } from 'antd';
import { MemberApiError, isSigninRequired } from '../api';
import { setMemberSignedIn } from '../events';
import { useMt, type MemberKey } from '../i18n';

export function LoadingState() {
  const t = useMt();
  return (
    <Card aria-busy="true" aria-label={t('common.loading')}>
      <Skeleton active paragraph={{ rows: 4 }} />
    </Card>
  );
}

export function SigninRequiredState() {
  const t = useMt();
  useEffect(() => setMemberSignedIn(false), []);
  return (
    <Card data-testid="member-signin-required">
      <Result status="info" title={t('state.signinRequired.title')} subTitle={t('state.signinRequired.text')} />
    </Card>
  );
}

export function NotFoundState({ title = 'state.notFound.title', text }: { title?: MemberKey; text?: MemberKey }) {
  const t = useMt();
  return (
    <Card data-testid="member-not-found">
      <Result status="404" title={t(title)} subTitle={text ? t(text) : undefined} />
    </Card>
  );
}

/** A failed page load: the sign-in state for 401, the network message, or the server's message with a retry. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useMt();
  if (isSigninRequired(error)) return <SigninRequiredState />;
  const network = error instanceof MemberApiError && error.code === 'network.unreachable';
  const message = network ? t('state.network') : error instanceof Error ? error.message : String(error);
  return (
    <Card data-testid="member-error">
      <Result
        status="warning"
        title={t('state.error.title')}
        subTitle={message}
        extra={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
      />
    </Card>
  );
}
