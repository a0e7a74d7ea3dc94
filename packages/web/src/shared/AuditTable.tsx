// AuditEntry rows with expandable before/after; used by the audit log and by a member's audit trail.
import { Button, Table, Tag, Typography } from 'antd';
import type { AuditEntry } from '../api/types';
import { useT } from '../i18n/useT';
import { BeforeAfter } from './JsonBlock';
import { formatTimeSeconds } from './time';

interface Props {
  entries: AuditEntry[];
  loading: boolean;
  hasMore: boolean;
  onLoadMore: () => void;
}

export function AuditTable({ entries, loading, hasMore, onLoadMore }: Props) {
  const t = useT();
  return (
    <>
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={entries}
        pagination={false}
        expandable={{ expandedRowRender: (e) => <BeforeAfter before={e.before} after={e.after} /> }}
        columns={[
          { title: t('audit.at'), dataIndex: 'at', width: 170, render: (at: string) => formatTimeSeconds(at) },
          {
            title: t('audit.actor'),
            dataIndex: 'actor',
            render: (a: AuditEntry['actor']) => (
              <>
                <Tag>{t.label('actorKind', a.kind)}</Tag>
                {a.name ?? a.id ?? '—'}
              </>
            ),
          },
          { title: t('audit.action'), dataIndex: 'action', render: (action: string) => <Typography.Text code>{action}</Typography.Text> },
          { title: t('audit.entity'), dataIndex: 'entity', render: (entity: string, e) => `${t.label('entity', entity)} #${e.entityId ?? '—'}` },
          {
            title: t('audit.requestId'),
            dataIndex: 'requestId',
            render: (id: string | null) => (id ? <Typography.Text type="secondary" copyable style={{ fontSize: 12 }}>{id}</Typography.Text> : '—'),
          },
        ]}
      />
      <div style={{ marginTop: 12, display: 'flex', gap: 12, alignItems: 'center' }}>
        {hasMore && (
          <Button onClick={onLoadMore} loading={loading}>
            {t('common.loadMore')}
          </Button>
        )}
        <Typography.Text type="secondary">{t('common.loadedCount', { count: entries.length })}</Typography.Text>
      </div>
    </>
  );
}
