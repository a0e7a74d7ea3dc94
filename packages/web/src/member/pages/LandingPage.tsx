// /m/c/:code — where a channel's short link lands: the campaign, its rule and the signup form. A member who is
// already signed in and enrolled goes straight to the member home.
import { useEffect } from 'react';
import { Navigate, useParams } from 'react-router';
import { useLoad } from '../../shared/useLoad';
import { MemberApiError, memberApi } from '../api';
import { CampaignSummary } from '../components/CampaignSummary';
import { SignupForm } from '../components/SignupForm';
import { ErrorState, LoadingState, NotFoundState } from '../components/StateScreen';
import { setMemberSignedIn } from '../events';

export function LandingPage() {
  const { code = '' } = useParams();
  const { data, error, reload } = useLoad(() => memberApi.landing(code), [code]);

  useEffect(() => {
    if (data) setMemberSignedIn(data.me !== null);
  }, [data]);

  if (error) {
    if (error instanceof MemberApiError && error.status === 404) return <NotFoundState title="state.linkNotFound.title" text="state.linkNotFound.text" />;
    return <ErrorState error={error} onRetry={reload} />;
  }
  if (!data) return <LoadingState />;
  if (data.me && data.enrolled) return <Navigate to={`/m/campaigns/${encodeURIComponent(data.campaign.key)}`} replace />;
  return (
    <>
      <CampaignSummary campaign={data.campaign} />
      <SignupForm landing={data} code={code} />
    </>
  );
}
