// /ops/problems/* — the problem bank (问题库 / 话术库): the list with its category tree and reuse statistics, and one
// problem with its answers.
import { Route, Routes } from 'react-router';
import { NotFound } from '../../layout/NotFound';
import { ProblemDetailPage } from './ProblemDetailPage';
import { ProblemsPage } from './ProblemsPage';

export function ProblemsRoutes() {
  return (
    <Routes>
      <Route index element={<ProblemsPage />} />
      <Route path=":id" element={<ProblemDetailPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
