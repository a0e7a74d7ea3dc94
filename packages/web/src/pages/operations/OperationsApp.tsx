// /ops/* — 运营管理 (running the operation), loaded on demand. Each feature owns its folder and its routes below.
import { Navigate, Route, Routes } from 'react-router';
import { NotFound } from '../layout/NotFound';
import { AlertsRoutes } from './alerts/AlertsRoutes';
import { DailyReportPage } from './briefings/DailyReportPage';
import { MorningBoardPage } from './briefings/MorningBoardPage';
import { RetrosRoutes } from './briefings/RetrosRoutes';
import { GoalsRoutes } from './goals/GoalsRoutes';
import { PointsRoutes } from './points/PointsRoutes';
import { ProblemsRoutes } from './problems/ProblemsRoutes';
import { SchedulerPage } from './scheduler/SchedulerPage';
import { SopsRoutes } from './sops/SopsRoutes';
import { TodayPage } from './today/TodayPage';
import { WorkRoutes } from './work/WorkRoutes';

export default function OperationsApp() {
  return (
    <Routes>
      <Route index element={<Navigate to="today" replace />} />
      <Route path="today" element={<TodayPage />} />
      <Route path="morning" element={<MorningBoardPage />} />
      <Route path="daily" element={<DailyReportPage />} />
      <Route path="goals/*" element={<GoalsRoutes />} />
      <Route path="sops/*" element={<SopsRoutes />} />
      <Route path="problems/*" element={<ProblemsRoutes />} />
      <Route path="points/*" element={<PointsRoutes />} />
      <Route path="work/*" element={<WorkRoutes />} />
      <Route path="alerts/*" element={<AlertsRoutes />} />
      <Route path="retros/*" element={<RetrosRoutes />} />
      <Route path="scheduler" element={<SchedulerPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
