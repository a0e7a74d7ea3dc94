// /ops/sops/* — SOPs: the page with its tabs (templates, applications, task board, statistics) and the template
// editor (a new template, one started from the 21-day camp template, or an existing one).
import { Route, Routes } from 'react-router';
import { NotFound } from '../../layout/NotFound';
import { SopsPage } from './SopsPage';
import { TemplateEditorPage } from './TemplateEditorPage';

export function SopsRoutes() {
  return (
    <Routes>
      <Route index element={<SopsPage />} />
      <Route path="templates/new" element={<TemplateEditorPage />} />
      <Route path="templates/:id" element={<TemplateEditorPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
