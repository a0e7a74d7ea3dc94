// 营期: the series (X, Y…) and their campaigns (X1, X2…), with create/edit forms for both.
import { useState } from 'react';
import { Button, Card, Select, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { CAMPAIGN_STATUSES, seriesApi, type Campaign, type CampaignStatus, type Series } from '../../api/campaigns';
import { useT } from '../../i18n/useT';
import { useSession } from '../../session/context';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { useNotify } from '../../shared/useNotify';
import { CampaignFormModal } from './CampaignFormModal';
import { CampaignTable } from './CampaignTable';
import { SeriesModal } from './SeriesModal';
import { SeriesTable } from './SeriesTable';
import { useCampaignEditing } from './useCampaignEditing';
import { useCampaigns, useSeries } from './useCampaigns';

type SeriesEdit = { series: Series | null };
type CampaignEdit = { campaign: Campaign | null };

export function CampaignsPage() {
  const t = useT();
  const notify = useNotify();
  const { can } = useSession();
  const canManage = can('campaigns.manage');
  const [filter, setFilter] = useState<{ seriesId?: number; status?: CampaignStatus }>({});
  const series = useSeries();
  const campaigns = useCampaigns(filter);
  const [seriesEdit, setSeriesEdit] = useState<SeriesEdit | null>(null);
  const [campaignEdit, setCampaignEdit] = useState<CampaignEdit | null>(null);

  const reloadAll = async () => {
    await Promise.all([series.reload(), campaigns.reload()]);
  };
  const editing = useCampaignEditing(async () => {
    setCampaignEdit(null);
    notify.saved();
    await reloadAll();
  });

  const saveSeries = async (input: { key: string; name: string; theme?: string }) => {
    if (seriesEdit?.series) await seriesApi.update(seriesEdit.series.id, input);
    else await seriesApi.create(input);
    setSeriesEdit(null);
    notify.saved();
    await reloadAll();
  };
  const deleteSeries = async (s: Series) => {
    try {
      await seriesApi.remove(s.id);
      notify.success(t('common.deleted'));
      await reloadAll();
    } catch (e) {
      notify.error(e);
    }
  };
  const archive = async (c: Campaign, archived: boolean) => {
    try {
      await editing.setArchived(c, archived);
    } catch (e) {
      notify.error(e);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('campaigns.seriesTitle')}
        extra={canManage && (
          <Button icon={<PlusOutlined />} onClick={() => setSeriesEdit({ series: null })} data-testid="create-series">{t('campaigns.createSeries')}</Button>
        )}
      >
        <ErrorAlert error={series.error} />
        <SeriesTable
          series={series.data ?? []}
          loading={series.loading}
          canManage={canManage}
          onEdit={(s) => setSeriesEdit({ series: s })}
          onDelete={(s) => void deleteSeries(s)}
          onPick={(s) => setFilter((f) => ({ ...f, seriesId: s.id }))}
        />
      </Card>
      <Card
        title={t('campaigns.listTitle')}
        extra={
          <Space>
            <Select
              allowClear
              placeholder={t('campaigns.allSeries')}
              style={{ width: 180 }}
              value={filter.seriesId}
              onChange={(seriesId?: number) => setFilter((f) => ({ ...f, seriesId }))}
              options={(series.data ?? []).map((s) => ({ value: s.id, label: `${s.key} · ${s.name}` }))}
              data-testid="filter-series"
            />
            <Select
              allowClear
              placeholder={t('campaigns.allStatuses')}
              style={{ width: 140 }}
              value={filter.status}
              onChange={(status?: CampaignStatus) => setFilter((f) => ({ ...f, status }))}
              options={CAMPAIGN_STATUSES.map((s) => ({ value: s, label: t(`campaigns.status.${s}`) }))}
              data-testid="filter-status"
            />
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} disabled={!series.data?.length} onClick={() => setCampaignEdit({ campaign: null })} data-testid="create-campaign">
                {t('campaigns.createCampaign')}
              </Button>
            )}
          </Space>
        }
      >
        <ErrorAlert error={campaigns.error} />
        <CampaignTable
          campaigns={campaigns.data ?? []}
          loading={campaigns.loading}
          canManage={canManage}
          onEdit={(c) => setCampaignEdit({ campaign: c })}
          onArchive={(c, archived) => void archive(c, archived)}
        />
      </Card>
      <SeriesModal open={seriesEdit !== null} series={seriesEdit?.series ?? null} onClose={() => setSeriesEdit(null)} onSubmit={saveSeries} />
      <CampaignFormModal
        open={campaignEdit !== null}
        campaign={campaignEdit?.campaign ?? null}
        series={series.data ?? []}
        onClose={() => setCampaignEdit(null)}
        onSubmit={(draft, reason) => editing.save(campaignEdit?.campaign ?? null, draft, reason)}
      />
    </Space>
  );
}
