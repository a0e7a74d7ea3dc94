// /m/campaigns/:key — the member home of one campaign: member card, group QR, today's check-in, progress, calendar,
// leaderboard, and the refund once the campaign has ended.
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { useLoad } from '../../shared/useLoad';
import { MemberApiError, isSigninRequired, memberApi } from '../api';
import { CalendarCard } from '../components/CalendarCard';
import { CheckinCard } from '../components/CheckinCard';
import { GroupCard } from '../components/GroupCard';
import { LeaderboardCard } from '../components/LeaderboardCard';
import { MemberCard } from '../components/MemberCard';
import { ProgressCard } from '../components/ProgressCard';
import { RefundCard } from '../components/RefundCard';
import { ErrorState, LoadingState, NotFoundState } from '../components/StateScreen';
import { setMemberSignedIn } from '../events';

export function HomePage() {
  const { key = '' } = useParams();
  const { data: home, error, reload } = useLoad(() => memberApi.home(key), [key]);
  // Bumped after each check-in so the leaderboard reloads with it.
  const [version, setVersion] = useState(0);
  const afterCheckin = useCallback(() => {
    setVersion((v) => v + 1);
    void reload();
  }, [reload]);

  useEffect(() => {
    if (home) setMemberSignedIn(true);
  }, [home]);

  // A session that ends while the page is open shows the sign-in state rather than stale data.
  if (error && (!home || isSigninRequired(error))) {
    if (error instanceof MemberApiError && error.code === 'enrollment.not_found') {
      return <NotFoundState title="state.enrollmentNotFound.title" text="state.enrollmentNotFound.text" />;
    }
    return <ErrorState error={error} onRetry={reload} />;
  }
  if (!home) return <LoadingState />;
  const ended = home.settlement.open || home.campaign.status === 'ended' || home.campaign.status === 'archived';
  const hasDeposit = home.campaign.depositCents > 0 || home.enrollment.amountDueCents > 0;
  // Before the start, joining the group is the one thing to do; during the campaign, today's check-in comes first;
  // after the end, the refund does and check-ins are over.
  const notStarted = home.today.reason === 'not_started';
  const group = <GroupCard home={home} />;
  return (
    <>
      <MemberCard home={home} />
      {ended && hasDeposit && <RefundCard home={home} />}
      {notStarted && group}
      {!ended && <CheckinCard home={home} onSaved={afterCheckin} />}
      <ProgressCard home={home} />
      {!notStarted && !ended && group}
      <CalendarCard home={home} onSaved={afterCheckin} />
      <LeaderboardCard
        campaignKey={home.campaign.key} timezone={home.campaign.timezone} memberNo={home.member.memberNo} version={version}
        running={home.campaign.status === 'running'}
      />
      {ended && group}
    </>
  );
}
