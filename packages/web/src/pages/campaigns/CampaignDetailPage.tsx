// /campaigns/:id — one campaign with its header (status, edit, archive) and tabs: the overview, and running it
// (enrollments, review, check-ins, absentees, leaderboard, settlement). The tab is in the URL (?tab=) so a reload
// or a link from the review queue lands on it.
import { useCallback, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Button, Card, Popconfirm, Skeleton, Space, Tabs } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { campaignsApi, type Campaign } from '../../api/campaigns';
import { useT } from '../../i18n/useT';
import { useSession } from '../../session/context';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { useLoad } from '../../shared/useLoad';
import { useNotify } from '../../shared/useNotify';
import { AbsenteesTab } from '../campaign-run/AbsenteesTab';
import { CheckinsTab } from '../campaign-run/CheckinsTab';
import { EnrollmentsTab } from '../campaign-run/EnrollmentsTab';
import { LeaderboardTab } from '../campaign-run/LeaderboardTab';
import { ReviewQueue } from '../campaign-run/ReviewQueue';
import { SettlementTab } from '../campaign-run/SettlementTab';
import { CampaignFormModal } from './CampaignFormModal';
import { CampaignOverview } from './CampaignOverview';
import { StatusBadge } from './StatusBadge';
import { useCampaignEditing } from './useCampaignEditing';
import { useSeries } from './useCampaigns';

const TABS = ['overview', 'enrollments', 'review', 'checkins', 'absentees', 'leaderboard', 'settlement'] as const;
type TabKey = (typeof TABS)[number];

export function CampaignDetailPage() {
  const t = useT();
  const notify = useNotify();
  const { can } = useSession();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const campaign = useLoad(() => campaignsApi.get(id), [id]);
  const series = useSeries();
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState(false);
  const onSaved = useCallback(async (c: Campaign) => {
    campaign.setData(c);
    setEditing(false);
    setVersion((v) => v + 1);
    notify.saved();
  }, [campaign, notify]);
  const edit = useCampaignEditing(onSaved);

  const c = campaign.data;
  if (!c) return <Card>{campaign.error ? <ErrorAlert error={campaign.error} /> : <Skeleton active />}</Card>;
  const canManage = can('campaigns.manage');
  const tab: TabKey = TABS.find((k) => k === params.get('tab')) ?? 'overview';
  const pane = (key: TabKey) => {
    switch (key) {
      case 'overview': return <CampaignOverview campaign={c} version={version} />;
      case 'enrollments': return <EnrollmentsTab campaign={c} />;
      case 'review': return <ReviewQueue campaignId={c.id} showCampaign={false} />;
      case 'checkins': return <CheckinsTab campaign={c} />;
      case 'absentees': return <AbsenteesTab campaign={c} />;
      case 'leaderboard': return <LeaderboardTab campaign={c} />;
      case 'settlement': return <SettlementTab campaign={c} />;
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/campaigns"><ArrowLeftOutlined /> {t('campaigns.detail.back')}</Link>
      <Card
        title={<Space>{c.key}<span>{c.name}</span><StatusBadge status={c.status} /></Space>}
        extra={canManage && (
          <Space>
            <Button onClick={() => setEditing(true)} data-testid="edit-campaign">{t('common.edit')}</Button>
            {c.archivedAt ? (
              <Button onClick={() => void edit.setArchived(c, false).catch(notify.error)}>{t('campaigns.unarchive')}</Button>
            ) : (
              <Popconfirm title={t('campaigns.archiveConfirm', { key: c.key })} onConfirm={() => void edit.setArchived(c, true).catch(notify.error)}>
                <Button>{t('campaigns.archive')}</Button>
              </Popconfirm>
            )}
          </Space>
        )}
      >
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'overview' ? {} : { tab: key }, { replace: true })}
          destroyOnHidden
          items={TABS.map((key) => ({ key, label: <span data-testid={`tab-${key}`}>{t(`run.tab.${key}`)}</span>, children: pane(key) }))}
        />
      </Card>
      <CampaignFormModal
        open={editing}
        campaign={c}
        series={series.data ?? []}
        onClose={() => setEditing(false)}
        onSubmit={(draft, reason) => edit.save(c, draft, reason)}
      />
    </Space>
  );
}
