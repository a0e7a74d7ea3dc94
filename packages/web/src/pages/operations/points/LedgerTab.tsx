// The points ledger: every entry (rule, manual, reversal), newest written first, of one staff member or everyone,
// over the chosen days; the staff member's balance above it; managers reverse an entry from its row.
import { useState } from 'react';
import { Button, Card, DatePicker, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { incentivesApi, type Balances, type LedgerPage, type PointsEntry } from '../../../api/incentives';
import { useT } from '../../../i18n/useT';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { LoadMore } from '../../../shared/LoadMore';
import { MetricTitle } from '../../../shared/MetricTitle';
import { formatTime } from '../../../shared/time';
import { useCursorList } from '../../../shared/useCursorList';
import { EntryKindTag, Points, signed } from './display';
import { ReverseModal } from './ReverseModal';

const DAY = 'YYYY-MM-DD';

interface Props {
  balances: Balances | null;
  staffId: number | undefined;
  onStaffChange: (staffId: number | undefined) => void;
  version: number;
  canManage: boolean;
  onChanged: () => void;
}

export function LedgerTab({ balances, staffId, onStaffChange, version, canManage, onChanged }: Props) {
  const t = useT();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [reversing, setReversing] = useState<PointsEntry | null>(null);
  const [total, setTotal] = useState<LedgerPage['total'] | null>(null);
  const from = range?.[0].format(DAY);
  const to = range?.[1].format(DAY);
  const list = useCursorList(async (cursor) => {
    const page = await incentivesApi.ledger({ staffId, from, to }, cursor);
    if (!cursor) setTotal(page.total);
    return page;
  }, [staffId, from, to, version]);
  const balance = staffId === undefined ? undefined : balances?.items.find((b) => b.staff.id === staffId);
  const days = from && to ? t('ops.points.ledger.days', { from, to }) : t('ops.points.ledger.allDays');
  const who = balance?.staff.displayName ?? t('ops.points.ledger.everyone');

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap size="middle">
        <Select
          showSearch
          allowClear
          optionFilterProp="label"
          style={{ width: 220 }}
          placeholder={t('ops.points.ledger.everyone')}
          value={staffId}
          onChange={(v?: number) => onStaffChange(v)}
          options={(balances?.items ?? []).map((b) => ({ value: b.staff.id, label: b.staff.disabled ? `${b.staff.displayName} ${t('ops.points.disabled')}` : b.staff.displayName }))}
          data-testid="ledger-staff"
        />
        <DatePicker.RangePicker value={range} onChange={(v) => setRange(v?.[0] && v[1] ? [v[0], v[1]] : null)} data-testid="ledger-range" />
      </Space>
      {balance && balances && (
        <Card size="small" data-testid="points-balance-card">
          <Space size={48} wrap>
            <Statistic
              title={<MetricTitle title={t('ops.points.balance.allTime')} definition={t('ops.points.balance.allTimeHelp', { name: balance.staff.displayName })} />}
              value={balance.allTime}
              formatter={() => <span data-testid="points-balance">{balance.allTime}</span>}
            />
            <Statistic
              title={<MetricTitle title={t('ops.points.balance.week')} definition={t('ops.points.balance.weekHelp', balances.week)} />}
              value={balance.week}
              formatter={() => <span data-testid="points-balance-week">{balance.week}</span>}
            />
            <Statistic
              title={<MetricTitle title={t('ops.points.balance.month')} definition={t('ops.points.balance.monthHelp', balances.month)} />}
              value={balance.month}
              formatter={() => <span data-testid="points-balance-month">{balance.month}</span>}
            />
          </Space>
        </Card>
      )}
      <ErrorAlert error={list.error} />
      <Table<PointsEntry>
        rowKey="id"
        size="small"
        loading={list.loading}
        pagination={false}
        dataSource={list.items}
        data-testid="points-ledger"
        onRow={(e) => ({ 'data-testid': 'ledger-row', 'data-entry-id': e.id } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: <MetricTitle title={t('ops.points.ledger.day')} definition={t('ops.points.ledger.dayHelp')} />, dataIndex: 'day', width: 120 },
          ...(staffId === undefined ? [{ title: t('ops.points.staff'), key: 'staff', width: 140, render: (_: unknown, e: PointsEntry) => e.staff.displayName }] : []),
          { title: t('ops.points.ledger.points'), dataIndex: 'points', align: 'right', width: 80, render: (n: number) => <Points value={n} strong /> },
          { title: t('ops.points.ledger.kind'), key: 'kind', width: 150, render: (_: unknown, e) => <EntryKindTag entry={e} t={t} /> },
          {
            title: t('ops.points.ledger.reason'),
            dataIndex: 'reason',
            render: (reason: string, e) => (
              <Space direction="vertical" size={0}>
                <span data-testid="ledger-reason">{reason}</span>
                {e.reversedBy !== null && <Tag color="default">{t('ops.points.ledger.reversedBy', { id: e.reversedBy })}</Tag>}
              </Space>
            ),
          },
          { title: t('ops.points.ledger.by'), key: 'by', width: 130, render: (_: unknown, e) => e.createdBy?.displayName
            ?? <Typography.Text type="secondary">{t(e.kind === 'rule' ? 'ops.points.ledger.byRule' : 'ops.points.ledger.bySystem')}</Typography.Text> },
          { title: t('ops.points.ledger.createdAt'), dataIndex: 'createdAt', width: 150, render: (at: string) => formatTime(at) },
          { title: '#', dataIndex: 'id', width: 70, render: (id: number) => <Typography.Text type="secondary">{id}</Typography.Text> },
          ...(canManage ? [{
            title: '', key: 'actions', width: 90,
            render: (_: unknown, e: PointsEntry) => (e.reversedBy === null && e.reverses === null
              ? <Button size="small" onClick={() => setReversing(e)} data-testid="ledger-reverse">{t('ops.points.reverse.action')}</Button>
              : null),
          }] : []),
        ]}
      />
      <Space wrap size="large">
        <LoadMore list={list} definition={t('ops.points.ledger.loadedHelp')} />
        {total && (
          <Typography.Text data-testid="ledger-total">
            <MetricTitle
              title={t('ops.points.ledger.total', { points: signed(total.points), entries: total.entries })}
              definition={t('ops.points.ledger.totalHelp', { who, days })}
            />
          </Typography.Text>
        )}
      </Space>
      <ReverseModal
        entry={reversing}
        onClose={() => setReversing(null)}
        onSaved={() => { setReversing(null); onChanged(); }}
      />
    </Space>
  );
}
