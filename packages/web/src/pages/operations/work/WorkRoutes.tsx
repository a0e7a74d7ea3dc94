// /ops/work — the work plan: this week's key focus on top, then the staff member's work items by category.
import { Route, Routes } from 'react-router';
import { NotFound } from '../../layout/NotFound';
import { WorkPlanPage } from './WorkPlanPage';

export function WorkRoutes() {
  return (
    <Routes>
      <Route index element={<WorkPlanPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
