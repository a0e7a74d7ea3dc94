// /reports/* — 运营指数, loaded on demand (with ECharts) so the rest of the console never downloads the charts.
// The campaigns and series the pages pick from are loaded once here for all of them.
import { useMemo, useState } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { campaignsApi, seriesApi } from '../../api/campaigns';
import { useLoad } from '../../shared/useLoad';
import { RequirePermission } from '../layout/RequirePermission';
import { NotFound } from '../layout/NotFound';
import { RememberedContext } from './params';
import { ActivityPage } from './ActivityPage';
import { CatalogContext, reportOrder, type Catalog } from './catalog';
import { ChannelsReportPage } from './ChannelsReportPage';
import { CompositionPage } from './CompositionPage';
import { DailyPage } from './DailyPage';
import { FunnelPage } from './FunnelPage';
import { GroupsReportPage } from './GroupsReportPage';
import { ReenrolmentPage } from './ReenrolmentPage';
import { RetentionPage } from './RetentionPage';
import { SeriesPage } from './SeriesPage';
import { SettingsCard } from './SettingsPage';

export default function ReportsApp() {
  const campaigns = useLoad(() => campaignsApi.list({}).then((r) => [...r.items].sort(reportOrder)), []);
  const series = useLoad(() => seriesApi.list().then((r) => r.items), []);
  const [remembered] = useState<Partial<Record<'campaign' | 'series', string>>>({});
  const catalog = useMemo<Catalog>(() => ({
    campaigns: campaigns.data ?? [],
    series: series.data ?? [],
    loading: campaigns.loading || series.loading,
    error: campaigns.error ?? series.error,
  }), [campaigns.data, campaigns.loading, campaigns.error, series.data, series.loading, series.error]);
  return (
    <CatalogContext.Provider value={catalog}>
      <RememberedContext.Provider value={remembered}>
        <Routes>
          <Route index element={<Navigate to="composition" replace />} />
          <Route path="composition" element={<CompositionPage />} />
          <Route path="series" element={<SeriesPage />} />
          <Route path="reenrolment" element={<ReenrolmentPage />} />
          <Route path="funnel" element={<FunnelPage />} />
          <Route path="daily" element={<DailyPage />} />
          <Route path="retention" element={<RetentionPage />} />
          <Route path="channels" element={<ChannelsReportPage />} />
          <Route path="activity" element={<ActivityPage />} />
          <Route path="groups" element={<GroupsReportPage />} />
          <Route path="settings" element={<RequirePermission permission="reports.manage"><SettingsCard /></RequirePermission>} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </RememberedContext.Provider>
    </CatalogContext.Provider>
  );
}
