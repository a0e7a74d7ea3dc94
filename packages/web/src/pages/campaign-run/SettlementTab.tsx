// 结算: whether settlement is open, the ledger and class counts, and the per-enrollment table where people approve
// refunds (all eligible at once, or chosen rows), forfeit with a reason, mark refunds paid and download the list.
import { useState } from 'react';
import { Alert, Button, Popconfirm, Skeleton, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { Campaign } from '../../api/campaigns';
import { settlementApi, type DecisionTarget, type SettlementDecision, type SettlementRow } from '../../api/settlement';
import { useT } from '../../i18n/useT';
import { useSession } from '../../session/context';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { useLoad } from '../../shared/useLoad';
import { useNotify } from '../../shared/useNotify';
import { DecisionModal } from './DecisionModal';
import { RefundModal } from './RefundModal';
import { SettlementFigures } from './SettlementFigures';
import { SettlementTable } from './SettlementTable';

export function SettlementTab({ campaign }: { campaign: Campaign }) {
  const t = useT();
  const notify = useNotify();
  const { can } = useSession();
  const settlement = useLoad(() => settlementApi.get(campaign.id), [campaign.id]);
  const [selected, setSelected] = useState<number[]>([]);
  const [deciding, setDeciding] = useState<SettlementDecision | null>(null);
  const [refunding, setRefunding] = useState<SettlementRow | null>(null);
  const s = settlement.data;
  if (!s) return settlement.error ? <ErrorAlert error={settlement.error} /> : <Skeleton active />;

  const canManage = can('settlement.manage') && s.open;
  const all = [...s.items, ...s.cancelled];
  const chosen = all.filter((r) => selected.includes(r.enrollmentId));
  const eligibleUndecided = s.items.filter((r) => r.class === 'eligible' && r.decision === null).length;

  const decide = async (target: DecisionTarget, decision: SettlementDecision, reason?: string) => {
    const result = await settlementApi.decide(campaign.id, target, decision, reason);
    setSelected([]);
    notify.success(t('run.settlement.decided', { decision: t(`run.decision.${decision}`), changed: result.changed, unchanged: result.unchanged }));
    if (result.skipped.length) {
      const reasons = result.skipped.map((k) => `${k.memberNo} ${k.message}`).join('；');
      notify.error(new Error(t('run.settlement.skipped', { count: result.skipped.length, reasons })));
    }
    await settlement.reload();
  };
  const table = (rows: SettlementRow[], testId: string) => (
    <SettlementTable
      settlement={s}
      rows={rows}
      selectable={canManage}
      selected={selected}
      onSelect={(ids) => setSelected([...selected.filter((id) => !rows.some((r) => r.enrollmentId === id)), ...ids])}
      onRefund={canManage ? setRefunding : undefined}
      testId={testId}
    />
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ErrorAlert error={settlement.error} />
      <Alert
        type={s.open ? 'success' : 'info'}
        showIcon
        title={s.open ? t('run.settlement.open') : t('run.settlement.notOpen', { date: s.opensOn })}
        description={t('run.settlement.rule', { required: s.rules.daysRequiredForRefund, grace: s.rules.graceDays, borderline: s.rules.borderlineDays })}
        data-testid="settlement-banner"
      />
      <SettlementFigures settlement={s} />
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          {canManage && (
            <>
              <Popconfirm
                title={t('run.settlement.approveEligibleConfirm', { count: eligibleUndecided })}
                onConfirm={() => decide({ class: 'eligible' }, 'refund').catch(notify.error)}
                disabled={eligibleUndecided === 0}
              >
                <Button type="primary" disabled={eligibleUndecided === 0} data-testid="approve-eligible">
                  {t('run.settlement.approveEligible', { count: eligibleUndecided })}
                </Button>
              </Popconfirm>
              <Typography.Text type="secondary">{t('run.selected', { count: chosen.length })}</Typography.Text>
              <Button disabled={chosen.length === 0} onClick={() => setDeciding('refund')} data-testid="decide-refund">{t('run.decision.refund')}</Button>
              <Button danger disabled={chosen.length === 0} onClick={() => setDeciding('forfeit')} data-testid="decide-forfeit">{t('run.decision.forfeit')}</Button>
            </>
          )}
        </Space>
        <Button icon={<DownloadOutlined />} href={settlementApi.refundsXlsxUrl(campaign.id)} download={`refunds-${campaign.key}.xlsx`} data-testid="refunds-xlsx">
          {t('run.settlement.download')}
        </Button>
      </Space>
      {table(s.items, 'settlement-table')}
      {s.cancelled.length > 0 && (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>{t('run.settlement.cancelledTitle', { count: s.cancelled.length })}</Typography.Title>
          {table(s.cancelled, 'settlement-cancelled')}
        </>
      )}
      <DecisionModal
        rows={chosen}
        decision={deciding}
        onClose={() => setDeciding(null)}
        onSubmit={async (reason) => {
          if (!deciding) return;
          await decide({ enrollmentIds: chosen.map((r) => r.enrollmentId) }, deciding, reason);
          setDeciding(null);
        }}
      />
      <RefundModal row={refunding} onClose={() => setRefunding(null)} onDone={() => { setRefunding(null); notify.success(t('run.refund.done')); void settlement.reload(); }} />
    </Space>
  );
}
