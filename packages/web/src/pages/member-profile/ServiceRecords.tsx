// Service records written by any staff member, newest first, with the form to add one on top.
import { Button, Card, Empty, Tag, Timeline, Typography } from 'antd';
import { membersApi } from '../../api/members';
import type { MemberNo, RecordKind, ServiceRecord } from '../../api/types';
import { useT } from '../../i18n/useT';
import { useSession } from '../../session/context';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { formatTime } from '../../shared/time';
import { useCursorList } from '../../shared/useCursorList';
import { AddRecordForm } from './AddRecordForm';

const KIND_COLORS: Record<RecordKind, string> = { note: 'blue', call: 'green', chat_summary: 'purple' };

const newestFirst = (a: ServiceRecord, b: ServiceRecord) =>
  b.occurredAt.localeCompare(a.occurredAt) || b.createdAt.localeCompare(a.createdAt);

export function ServiceRecords({ memberNo, version, writable }: { memberNo: MemberNo; version: number; writable: boolean }) {
  const t = useT();
  const { can } = useSession();
  const records = useCursorList((cursor) => membersApi.records(memberNo, cursor), [memberNo, version]);
  const sorted = [...records.items].sort(newestFirst);

  return (
    <Card title={t('profile.records')} size="small">
      {can('records.write') && writable && (
        <AddRecordForm memberNo={memberNo} onAdded={(record) => records.setItems((items) => [record, ...items])} />
      )}
      <ErrorAlert error={records.error} />
      <div data-testid="record-timeline">
        {sorted.length === 0 && !records.loading ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('records.none')} />
        ) : (
          <Timeline
            items={sorted.map((r) => ({
              key: r.id,
              color: KIND_COLORS[r.kind],
              content: (
                <div data-testid="record-item">
                  <div style={{ marginBottom: 4 }}>
                    <Tag color={KIND_COLORS[r.kind]}>{t.label('recordKind', r.kind)}</Tag>
                    <Typography.Text type="secondary">
                      {formatTime(r.occurredAt)} · {r.staff?.displayName ?? '—'}
                    </Typography.Text>
                  </div>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{r.content}</Typography.Paragraph>
                </div>
              ),
            }))}
          />
        )}
      </div>
      {records.hasMore && (
        <Button onClick={records.loadMore} loading={records.loading}>
          {t('common.loadMore')}
        </Button>
      )}
    </Card>
  );
}
