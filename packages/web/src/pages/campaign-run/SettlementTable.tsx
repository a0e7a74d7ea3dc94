// One row per enrollment: its class, the days it is judged on (with grace) against the requirement, how many it is
// short, what was paid and what a refund gives back, the decision (marked when the class changed after deciding),
// and the refund once paid.
import { Button, Table, Tag, Tooltip } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import type { Settlement, SettlementRow } from '../../api/settlement';
import { useT } from '../../i18n/useT';
import { MetricTitle } from '../../shared/MetricTitle';
import { formatTime } from '../../shared/time';
import { ClassTag, DecisionTag, MemberLink, money, useDefinition } from './display';

interface Props {
  settlement: Settlement;
  rows: SettlementRow[];
  selectable: boolean;
  selected: number[];
  onSelect: (ids: number[]) => void;
  onRefund?: (row: SettlementRow) => void;
  testId: string;
}

export function SettlementTable({ settlement, rows, selectable, selected, onSelect, onRefund, testId }: Props) {
  const t = useT();
  const def = useDefinition(settlement.definitions);
  const { daysRequiredForRefund, graceDays } = settlement.rules;
  const decided = (r: SettlementRow) => [r.decidedBy?.name, formatTime(r.decidedAt), r.decisionReason].filter(Boolean).join(' · ');
  return (
    <Table<SettlementRow>
      rowKey="enrollmentId"
      size="small"
      dataSource={rows}
      pagination={{ pageSize: 100, hideOnSinglePage: true }}
      scroll={{ x: 1200 }}
      rowSelection={selectable ? { selectedRowKeys: selected, onChange: (keys) => onSelect(keys as number[]) } : undefined}
      data-testid={testId}
      columns={[
        { title: t('run.member'), key: 'member', width: 170, render: (_, r) => <MemberLink member={r.member} /> },
        { title: <MetricTitle title={t('run.settlement.class')} definition={def('class', 'run.settlement.classHelp')} />, key: 'class', width: 100, render: (_, r) => <ClassTag value={r.class} /> },
        {
          title: <MetricTitle title={t('run.settlement.days')} definition={def('days', 'run.settlement.daysHelp')} />,
          key: 'days',
          width: 130,
          render: (_, r) => (
            <Tooltip title={t('run.settlement.daysValueHelp', { counted: r.countedForRefund, grace: graceDays })}>
              <span data-testid="settlement-days">{r.days}/{daysRequiredForRefund}</span>
            </Tooltip>
          ),
        },
        { title: <MetricTitle title={t('run.settlement.short')} definition={def('short', 'run.settlement.shortHelp')} />, dataIndex: 'short', width: 90, render: (n: number) => (n > 0 ? n : '—') },
        { title: <MetricTitle title={t('run.settlement.paid')} definition={t('run.settlement.paidHelp')} />, dataIndex: 'paidCents', width: 100, render: (c: number) => money(c) },
        { title: <MetricTitle title={t('run.settlement.refundDue')} definition={def('refundDueCents', 'run.settlement.refundDueHelp')} />, dataIndex: 'refundDueCents', width: 120, render: (c: number) => money(c) },
        {
          title: t('run.settlement.decision'),
          key: 'decision',
          width: 180,
          render: (_, r) => (
            <span data-testid="settlement-decision">
              <Tooltip title={r.decidedAt ? decided(r) : undefined}>
                <span><DecisionTag value={r.decision} t={t} /></span>
              </Tooltip>
              {r.stale && (
                <Tooltip title={def('stale', 'run.settlement.staleHelp')}>
                  <Tag icon={<WarningOutlined />} color="warning" data-testid="stale">{t('run.settlement.stale')}</Tag>
                </Tooltip>
              )}
            </span>
          ),
        },
        {
          title: <MetricTitle title={t('run.settlement.refund')} definition={t('run.settlement.refundHelp')} />,
          key: 'refund',
          width: 200,
          render: (_, r) => {
            if (r.refundedAt) {
              const by = [r.refundedBy?.name, formatTime(r.refundedAt), r.refundReference].filter(Boolean).join(' · ');
              return <Tooltip title={by}><Tag color="success" data-testid="refunded">{t('run.settlement.refundedValue', { amount: money(r.refundCents) })}</Tag></Tooltip>;
            }
            if (r.decision === 'refund' && onRefund) {
              return <Button size="small" onClick={() => onRefund(r)} data-testid="mark-refunded">{t('run.refund.mark')}</Button>;
            }
            return '—';
          },
        },
      ]}
    />
  );
}
