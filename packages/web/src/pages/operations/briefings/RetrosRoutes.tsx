// /ops/retros/* — campaign retrospectives: the list, one campaign's retrospective, and its print view.
import { Route, Routes } from 'react-router';
import { NotFound } from '../../layout/NotFound';
import { RetroListPage } from './RetroListPage';
import { RetroPage } from './RetroPage';
import { RetroPrintPage } from './RetroPrintPage';

export function RetrosRoutes() {
  return (
    <Routes>
      <Route index element={<RetroListPage />} />
      <Route path=":campaignId" element={<RetroPage />} />
      <Route path=":campaignId/print" element={<RetroPrintPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
