// /ops/goals/* — 目标拆解: the list of goals and one goal's daily plan and progress.
import { Route, Routes } from 'react-router';
import { NotFound } from '../../layout/NotFound';
import { GoalDetailPage } from './GoalDetailPage';
import { GoalsPage } from './GoalsPage';

export function GoalsRoutes() {
  return (
    <Routes>
      <Route index element={<GoalsPage />} />
      <Route path=":id" element={<GoalDetailPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
