// /ops/points/* — 奖惩积分 (staff incentives): one page with its tabs; anything below it is unknown.
import { Route, Routes } from 'react-router';
import { NotFound } from '../../layout/NotFound';
import { PointsPage } from './PointsPage';

export function PointsRoutes() {
  return (
    <Routes>
      <Route index element={<PointsPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
