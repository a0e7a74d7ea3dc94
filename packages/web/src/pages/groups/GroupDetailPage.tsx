// /groups/:id — one chat group: what it is, its QR and expiry, its members (now and every period), the member
// list import with its review rows, and the audit trail.
import { useState } from 'react';
import { Button, Card, Descriptions, Space, Tabs } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { auditApi } from '../../api/audit';
import { groupsApi } from '../../api/groups';
import { useT } from '../../i18n/useT';
import { useSession } from '../../session/context';
import { AuditTable } from '../../shared/AuditTable';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { MetricTitle } from '../../shared/MetricTitle';
import { useCursorList } from '../../shared/useCursorList';
import { useLoad } from '../../shared/useLoad';
import { useNotify } from '../../shared/useNotify';
import { SizeBar, StatusTag } from './display';
import { GroupFormModal } from './GroupFormModal';
import { ImportTab } from './ImportTab';
import { MembersTab } from './MembersTab';
import { QrSection } from './QrSection';

function GroupAudit({ id, version }: { id: number; version: number }) {
  const audit = useCursorList((cursor) => auditApi.list({ entity: 'group', entityId: String(id) }, cursor), [id, version]);
  return (
    <>
      <ErrorAlert error={audit.error} />
      <AuditTable entries={audit.items} loading={audit.loading} hasMore={audit.hasMore} onLoadMore={audit.loadMore} />
    </>
  );
}

export function GroupDetailPage() {
  const t = useT();
  const notify = useNotify();
  const { can } = useSession();
  const id = Number(useParams().id);
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState(false);
  const group = useLoad(() => groupsApi.get(id), [id, version]);
  const canManage = can('groups.manage');
  const changed = () => setVersion((v) => v + 1);
  const g = group.data;

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Link to="/groups"><ArrowLeftOutlined /> {t('groups.detail.back')}</Link>
      <ErrorAlert error={group.error} />
      {g && (
        <>
          <Card
            title={<Space>{g.name}<StatusTag status={g.status} t={t} /></Space>}
            extra={canManage && <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
          >
            <Space align="start" size={48} wrap>
              <Descriptions column={2} size="small" style={{ maxWidth: 640 }}>
                <Descriptions.Item label={t('groups.field.platform')}>{t(`groups.platform.${g.platform}`)}</Descriptions.Item>
                <Descriptions.Item label={t('groups.field.owner')}>{g.owner?.displayName ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('groups.field.campaign')}>{g.campaign ? `${g.campaign.key} ${g.campaign.name}` : '—'}</Descriptions.Item>
                <Descriptions.Item label={t('groups.field.series')}>{g.series ? `${g.series.key} ${g.series.name}` : '—'}</Descriptions.Item>
                <Descriptions.Item label={t('groups.field.theme')}>{g.theme || '—'}</Descriptions.Item>
                <Descriptions.Item label={<MetricTitle title={t('groups.field.members')} definition={t('groups.field.membersHelp')} />} span={2}>
                  <SizeBar count={g.memberCount} capacity={g.capacity} width={260} />
                </Descriptions.Item>
              </Descriptions>
              <QrSection group={g} canManage={canManage} onChanged={(next) => { group.setData(next); changed(); }} />
            </Space>
          </Card>
          <Card>
            <Tabs
              items={[
                { key: 'members', label: t('groups.detail.members'), children: <MembersTab groupId={id} canManage={canManage} version={version} onChanged={changed} /> },
                { key: 'import', label: t('groups.detail.import'), children: <ImportTab groupId={id} canManage={canManage} version={version} onChanged={changed} /> },
                ...(can('audit.read') ? [{ key: 'audit', label: t('groups.detail.audit'), children: <GroupAudit id={id} version={version} /> }] : []),
              ]}
            />
          </Card>
          <GroupFormModal
            open={editing}
            group={g}
            onClose={() => setEditing(false)}
            onSaved={() => { setEditing(false); notify.saved(); changed(); }}
          />
        </>
      )}
    </Space>
  );
}
