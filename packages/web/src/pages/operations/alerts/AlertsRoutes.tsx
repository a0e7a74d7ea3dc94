// /ops/alerts/* — 预警: the inbox, and the rules that raise alerts.
import { Route, Routes } from 'react-router';
import { NotFound } from '../../layout/NotFound';
import { AlertRulesPage } from './AlertRulesPage';
import { AlertsInboxPage } from './AlertsInboxPage';

export function AlertsRoutes() {
  return (
    <Routes>
      <Route index element={<AlertsInboxPage />} />
      <Route path="rules" element={<AlertRulesPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
