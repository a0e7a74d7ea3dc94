// The teams' key focus of a week as one compact notice: a line per team, its focus, and the notes if any.
import { AimOutlined } from '@ant-design/icons';
import { Alert, Typography } from 'antd';
import type { WeeklyFocus } from '../../../api/workPlan';
import { useT } from '../../../i18n/useT';

export function FocusAlert({ title, items }: { title: string; items: WeeklyFocus[] }) {
  const t = useT();
  if (!items.length) return null;
  return (
    <Alert
      type="info"
      showIcon
      icon={<AimOutlined />}
      data-testid="focus-banner"
      style={{ marginBottom: 16 }}
      title={title}
      description={items.map((focus) => (
        <div key={focus.teamId} data-testid="focus-banner-item">
          <Typography.Text strong>{focus.teamName}</Typography.Text>
          {t('ops.work.focus.colon')}
          <Typography.Text>{focus.title}</Typography.Text>
          {focus.description && <Typography.Text type="secondary">{` — ${focus.description}`}</Typography.Text>}
        </div>
      ))}
    />
  );
}
