// /ops/sops — SOP templates, where they are applied, the task board and the completion statistics. The tab lives in
// the URL (?tab=templates|applications|board|stats) so a link opens it directly.
import { useState } from 'react';
import { Card, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useT } from '../../../i18n/useT';
import { ApplicationsTab } from './ApplicationsTab';
import { BoardTab } from './BoardTab';
import { StatsTab } from './StatsTab';
import { TemplatesTab } from './TemplatesTab';

const TABS = ['templates', 'applications', 'board', 'stats'] as const;
type Tab = (typeof TABS)[number];

export function SopsPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(asked ?? '') ? (asked as Tab) : 'templates';
  // Bumped when an application is made or stopped, so the other tabs read again.
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);

  return (
    <Card title={t('ops.nav.sops')}>
      <Typography.Paragraph type="secondary">{t('ops.sops.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        destroyOnHidden
        items={[
          { key: 'templates', label: <span data-testid="sop-tab-templates">{t('ops.sops.tab.templates')}</span>, children: <TemplatesTab onApplied={changed} /> },
          { key: 'applications', label: <span data-testid="sop-tab-applications">{t('ops.sops.tab.applications')}</span>, children: <ApplicationsTab version={version} onChanged={changed} /> },
          { key: 'board', label: <span data-testid="sop-tab-board">{t('ops.sops.tab.board')}</span>, children: <BoardTab version={version} /> },
          { key: 'stats', label: <span data-testid="sop-tab-stats">{t('ops.sops.tab.stats')}</span>, children: <StatsTab version={version} /> },
        ]}
      />
    </Card>
  );
}
