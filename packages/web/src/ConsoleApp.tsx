// Routes of the staff console. Everything but /login sits behind the session gate and the console layout;
// the server answers unknown paths with index.html, so every route here also works on reload.
import { lazy, Suspense } from 'react';
import { Skeleton } from 'antd';
import { Navigate, Route, Routes } from 'react-router';
import { SessionGate } from './session/SessionGate';
import { LoginPage } from './pages/login/LoginPage';
import { ConsoleLayout } from './pages/layout/ConsoleLayout';
import { RequirePermission } from './pages/layout/RequirePermission';
import { MembersPage } from './pages/members/MembersPage';
import { MemberProfilePage } from './pages/member-profile/MemberProfilePage';
import { TagsPage } from './pages/tags/TagsPage';
import { GroupsPage } from './pages/groups/GroupsPage';
import { GroupDetailPage } from './pages/groups/GroupDetailPage';
import { MatrixPage } from './pages/matrix/MatrixPage';
import { ChannelsPage } from './pages/channels/ChannelsPage';
import { ChannelDetailPage } from './pages/channels/ChannelDetailPage';
import { CampaignsPage } from './pages/campaigns/CampaignsPage';
import { CampaignDetailPage } from './pages/campaigns/CampaignDetailPage';
import { ReviewQueuePage } from './pages/checkins-review/ReviewQueuePage';
import { StaffPage } from './pages/staff/StaffPage';
import { TokensPage } from './pages/tokens/TokensPage';
import { AuditPage } from './pages/audit/AuditPage';
import { HomeRedirect } from './pages/layout/HomeRedirect';
import { NotFound } from './pages/layout/NotFound';

// The operations index carries ECharts: it is its own chunk, loaded when a report is first opened.
const ReportsApp = lazy(() => import('./pages/reports/ReportsApp'));
// 运营管理 (goals, SOPs, problem bank, points, work plan, alerts, briefings): its own chunk too.
const OperationsApp = lazy(() => import('./pages/operations/OperationsApp'));

export default function ConsoleApp() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <SessionGate>
            <ConsoleLayout />
          </SessionGate>
        }
      >
        <Route index element={<HomeRedirect />} />
        <Route path="members" element={<RequirePermission permission="members.read"><MembersPage /></RequirePermission>} />
        <Route path="members/:memberNo" element={<RequirePermission permission="members.read"><MemberProfilePage /></RequirePermission>} />
        <Route path="campaigns" element={<RequirePermission permission="campaigns.read"><CampaignsPage /></RequirePermission>} />
        <Route path="campaigns/:id" element={<RequirePermission permission="campaigns.read"><CampaignDetailPage /></RequirePermission>} />
        <Route path="checkins/review" element={<RequirePermission permission="campaigns.read"><ReviewQueuePage /></RequirePermission>} />
        <Route path="groups" element={<RequirePermission permission="groups.read"><GroupsPage /></RequirePermission>} />
        <Route path="groups/:id" element={<RequirePermission permission="groups.read"><GroupDetailPage /></RequirePermission>} />
        <Route path="matrix" element={<RequirePermission permission="groups.read"><MatrixPage /></RequirePermission>} />
        <Route path="channels" element={<RequirePermission permission="channels.read"><ChannelsPage /></RequirePermission>} />
        <Route path="channels/:id" element={<RequirePermission permission="channels.read"><ChannelDetailPage /></RequirePermission>} />
        <Route path="tags" element={<RequirePermission permission="tags.manage"><TagsPage /></RequirePermission>} />
        <Route path="staff" element={<RequirePermission permission="staff.read"><StaffPage /></RequirePermission>} />
        <Route path="api-tokens" element={<RequirePermission permission="tokens.manage"><TokensPage /></RequirePermission>} />
        <Route path="audit" element={<RequirePermission permission="audit.read"><AuditPage /></RequirePermission>} />
        <Route path="reports/*" element={<RequirePermission permission="reports.read"><Suspense fallback={<Skeleton active />}><ReportsApp /></Suspense></RequirePermission>} />
        <Route path="ops/*" element={<RequirePermission permission="operations.read"><Suspense fallback={<Skeleton active />}><OperationsApp /></Suspense></RequirePermission>} />
        <Route path="index.html" element={<Navigate to="/" replace />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
