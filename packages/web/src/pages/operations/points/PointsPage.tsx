// /ops/points — 奖惩积分: the leaderboard of a week or month, the ledger of a staff member with their balance, and
// the rules; managers record awards and penalties and reverse entries. The tab and the staff member of the ledger
// live in the URL (?tab=ledger&staff=<id>), so a link can open someone's ledger directly.
import { useState } from 'react';
import { Button, Card, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { incentivesApi } from '../../../api/incentives';
import { useT } from '../../../i18n/useT';
import { useSession } from '../../../session/context';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useLoad } from '../../../shared/useLoad';
import { useNotify } from '../../../shared/useNotify';
import { LeaderboardTab } from './LeaderboardTab';
import { LedgerTab } from './LedgerTab';
import { ManualEntryModal } from './ManualEntryModal';
import { RulesTab } from './RulesTab';

const TABS = ['leaderboard', 'ledger', 'rules'] as const;
type Tab = (typeof TABS)[number];

const positive = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);

export function PointsPage() {
  const t = useT();
  const notify = useNotify();
  const { can } = useSession();
  const canManage = can('incentives.manage');
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(asked ?? '') ? (asked as Tab) : 'leaderboard';
  const staffId = positive(params.get('staff'));
  // Bumped after every write, so the balances, the board and the ledger all read again.
  const [version, setVersion] = useState(0);
  const [recording, setRecording] = useState(false);
  const balances = useLoad(() => incentivesApi.balances(), [version]);

  const go = (next: Tab, staff?: number) => {
    const p = new URLSearchParams();
    p.set('tab', next);
    if (next === 'ledger' && staff !== undefined) p.set('staff', String(staff));
    setParams(p);
  };

  return (
    <Card
      title={t('ops.nav.points')}
      extra={canManage && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="points-record">{t('ops.points.record')}</Button>
      )}
    >
      <Typography.Paragraph type="secondary">{t('ops.points.intro')}</Typography.Paragraph>
      <ErrorAlert error={balances.error} />
      <Tabs
        activeKey={tab}
        onChange={(key) => go(key as Tab, key === 'ledger' ? staffId : undefined)}
        items={[
          {
            key: 'leaderboard',
            label: t('ops.points.tab.leaderboard'),
            children: <LeaderboardTab balances={balances.data} version={version} onOpenLedger={(id) => go('ledger', id)} />,
          },
          {
            key: 'ledger',
            label: t('ops.points.tab.ledger'),
            children: (
              <LedgerTab
                balances={balances.data}
                staffId={staffId}
                onStaffChange={(id) => go('ledger', id)}
                version={version}
                canManage={canManage}
                onChanged={() => setVersion((v) => v + 1)}
              />
            ),
          },
          { key: 'rules', label: t('ops.points.tab.rules'), children: <RulesTab canManage={canManage} /> },
        ]}
      />
      <ManualEntryModal
        open={recording}
        balances={balances.data}
        defaultStaffId={tab === 'ledger' ? staffId : undefined}
        onClose={() => setRecording(false)}
        onSaved={(entry) => {
          setRecording(false);
          notify.success(t(entry.points > 0 ? 'ops.points.entry.awarded' : 'ops.points.entry.penalized', { name: entry.staff.displayName, points: Math.abs(entry.points) }));
          setVersion((v) => v + 1);
        }}
      />
    </Card>
  );
}
