// The derived status of a campaign as a coloured tag.
import { Tag } from 'antd';
import type { CampaignStatus } from '../../api/campaigns';
import { useT } from '../../i18n/useT';
import { STATUS_COLOR } from './format';

export function StatusBadge({ status }: { status: CampaignStatus }) {
  const t = useT();
  return <Tag color={STATUS_COLOR[status]} data-testid={`status-${status}`}>{t(`campaigns.status.${status}`)}</Tag>;
}
