// The live-code pool of one channel: the ordered groups behind its short link, each with whether it can take a
// visitor now and why not; reorder with up/down, add open groups, remove, then save the whole order at once.
import { useEffect, useMemo, useState } from 'react';
import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { MAX_POOL_GROUPS, channelsApi, type Channel, type PoolGroup } from '../../api/channels';
import type { Group } from '../../api/groups';
import { useT } from '../../i18n/useT';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { MetricTitle } from '../../shared/MetricTitle';
import { useLoad } from '../../shared/useLoad';
import { useNotify } from '../../shared/useNotify';
import { QrBadge, StatusTag } from '../groups/display';
import { AvailabilityTag } from './display';

/** A row of the edited pool: a saved pool group as the server judged it, or a group just added (not yet judged). */
type Row = { groupId: number; saved: PoolGroup | null; added: Group | null };

function rowsOf(channel: Channel): Row[] {
  return [...channel.pool].sort((a, b) => a.position - b.position).map((g) => ({ groupId: g.groupId, saved: g, added: null }));
}

export function PoolEditor({ channel, canManage, onSaved }: { channel: Channel; canManage: boolean; onSaved: (c: Channel) => void }) {
  const t = useT();
  const notify = useNotify();
  const [rows, setRows] = useState<Row[]>(() => rowsOf(channel));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const groups = useLoad(() => (canManage ? channelsApi.openGroups().then((p) => p.items) : Promise.resolve([])), [canManage]);

  useEffect(() => setRows(rowsOf(channel)), [channel]);

  const dirty = useMemo(
    () => rows.map((r) => r.groupId).join(',') !== rowsOf(channel).map((r) => r.groupId).join(','),
    [rows, channel],
  );
  const inPool = new Set(rows.map((r) => r.groupId));
  const candidates = (groups.data ?? []).filter((g) => !inPool.has(g.id));
  const full = rows.length >= MAX_POOL_GROUPS;

  const move = (index: number, by: -1 | 1) => {
    const next = [...rows];
    [next[index], next[index + by]] = [next[index + by], next[index]];
    setRows(next);
  };
  const add = (groupId: number) => {
    const group = groups.data?.find((g) => g.id === groupId);
    if (group) setRows([...rows, { groupId, saved: null, added: group }]);
  };
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      onSaved(await channelsApi.setPool(channel.id, rows.map((r) => r.groupId)));
      notify.success(t('channels.pool.saved'));
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const size = (r: Row) => {
    if (r.saved) {
      const byScans = r.saved.memberCount === 0 && r.saved.scanCount > 0;
      const count = byScans ? t('channels.pool.scans', { count: r.saved.scanCount }) : String(r.saved.memberCount);
      return `${count} / ${channel.threshold} / ${r.saved.capacity}`;
    }
    return r.added ? `${r.added.memberCount} / ${channel.threshold} / ${r.added.capacity}` : '—';
  };

  return (
    <Card
      title={t('channels.pool.title')}
      extra={canManage && (
        <Space>
          {dirty && <Tag color="orange">{t('channels.pool.unsaved')}</Tag>}
          <Button type="primary" icon={<SaveOutlined />} disabled={!dirty} loading={saving} onClick={save} data-testid="pool-save">
            {t('channels.pool.save')}
          </Button>
        </Space>
      )}
      data-testid="pool-editor"
    >
      <Typography.Paragraph type="secondary">{t('channels.pool.help')}</Typography.Paragraph>
      <ErrorAlert error={error ?? groups.error} />
      <Table<Row>
        rowKey="groupId"
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('channels.pool.empty') }}
        data-testid="pool-table"
        columns={[
          { title: t('channels.pool.position'), width: 60, render: (_, __, i) => i + 1 },
          {
            title: t('channels.pool.group'),
            render: (_, r) => <Link to={`/groups/${r.groupId}`}>{r.saved?.name ?? r.added?.name ?? `#${r.groupId}`}</Link>,
          },
          {
            title: t('groups.field.status'), width: 90,
            render: (_, r) => {
              const status = r.saved?.status ?? r.added?.status;
              return status ? <StatusTag status={status} t={t} /> : '—';
            },
          },
          {
            title: <MetricTitle title={t('channels.pool.availability')} definition={t('channels.pool.availabilityHelp')} />,
            width: 170,
            render: (_, r) => (r.saved ? <AvailabilityTag group={r.saved} t={t} /> : <Tag>{t('channels.pool.pending')}</Tag>),
          },
          {
            title: <MetricTitle title={t('channels.pool.size')} definition={t('channels.pool.sizeHelp')} />,
            width: 190,
            render: (_, r) => size(r),
          },
          {
            title: t('channels.pool.qr'), width: 200,
            render: (_, r) => {
              const g = r.saved ?? r.added;
              return g ? <QrBadge status={g.qrStatus} expiresAt={g.qrExpiresAt} t={t} /> : '—';
            },
          },
          ...(canManage ? [{
            title: '', width: 120,
            render: (_: unknown, r: Row, i: number) => (
              <Space size={0}>
                <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('channels.pool.moveUp')} data-testid="pool-up" />
                <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={i === rows.length - 1} onClick={() => move(i, 1)} aria-label={t('channels.pool.moveDown')} data-testid="pool-down" />
                <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => setRows(rows.filter((x) => x.groupId !== r.groupId))} aria-label={t('common.remove')} data-testid="pool-remove" />
              </Space>
            ),
          }] : []),
        ]}
      />
      {canManage && (
        <Space style={{ marginTop: 16 }}>
          <Select<number>
            showSearch
            optionFilterProp="label"
            style={{ width: 360 }}
            value={null}
            disabled={full}
            loading={groups.loading}
            placeholder={full ? t('channels.pool.full', { max: MAX_POOL_GROUPS }) : t('channels.pool.addPlaceholder')}
            onChange={add}
            options={candidates.map((g) => ({ value: g.id, label: `${g.name}（${g.memberCount}/${g.capacity}）` }))}
            data-testid="pool-add-select"
          />
        </Space>
      )}
    </Card>
  );
}
