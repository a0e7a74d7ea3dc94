// /checkins/review — the workspace's review queue: flagged check-ins of every campaign, or of one chosen here.
import { useState } from 'react';
import { Card, Select } from 'antd';
import { campaignsApi } from '../../api/campaigns';
import { useT } from '../../i18n/useT';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { useLoad } from '../../shared/useLoad';
import { ReviewQueue } from '../campaign-run/ReviewQueue';

export function ReviewQueuePage() {
  const t = useT();
  const [campaignId, setCampaignId] = useState<number | undefined>(undefined);
  const campaigns = useLoad(() => campaignsApi.list({}).then((r) => r.items), []);

  return (
    <Card
      title={t('nav.checkinReview')}
      extra={
        <Select<number>
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('run.review.allCampaigns')}
          style={{ width: 300 }}
          value={campaignId}
          onChange={(v) => setCampaignId(v ?? undefined)}
          options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: `${c.key} ${c.name}` }))}
          data-testid="review-campaign-filter"
        />
      }
    >
      <ErrorAlert error={campaigns.error} />
      <ReviewQueue campaignId={campaignId} showCampaign />
    </Card>
  );
}
