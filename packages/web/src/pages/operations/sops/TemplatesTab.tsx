// The SOP templates: active or archived, with how many steps and running applications each has; managers create one
// (blank or from the 21-day camp template), edit, copy, archive, delete a never-applied one, and apply it.
import { useState } from 'react';
import { Button, Popconfirm, Segmented, Space, Table, Tag } from 'antd';
import { PlusOutlined, RocketOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { sopsApi, type Template } from '../../../api/sops';
import { useT } from '../../../i18n/useT';
import { useSession } from '../../../session/context';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { formatTime } from '../../../shared/time';
import { useLoad } from '../../../shared/useLoad';
import { useNotify } from '../../../shared/useNotify';
import { ApplyModal } from './ApplyModal';
import { triggerLabel } from './display';

export function TemplatesTab({ onApplied }: { onApplied: () => void }) {
  const t = useT();
  const notify = useNotify();
  const navigate = useNavigate();
  const { can } = useSession();
  const canManage = can('sops.manage');
  const [archived, setArchived] = useState(false);
  const [applying, setApplying] = useState<Template | null>(null);
  const list = useLoad(() => sopsApi.templates(archived), [archived]);

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      notify.success(done);
      void list.reload();
    } catch (e) {
      notify.error(e);
    }
  };

  return (
    <>
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }} wrap>
        <Segmented<'active' | 'archived'>
          value={archived ? 'archived' : 'active'}
          onChange={(v) => setArchived(v === 'archived')}
          options={[{ value: 'active', label: t('ops.sops.templates.active') }, { value: 'archived', label: t('ops.sops.templates.archived') }]}
        />
        {canManage && (
          <Space wrap>
            <Button icon={<RocketOutlined />} onClick={() => navigate('/ops/sops/templates/new?starter=1')} data-testid="sop-start-from-starter">
              {t('ops.sops.templates.fromStarter')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/ops/sops/templates/new')} data-testid="sop-create-template">
              {t('ops.sops.templates.create')}
            </Button>
          </Space>
        )}
      </Space>
      <ErrorAlert error={list.error} />
      <Table<Template>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('ops.sops.templates.empty') }}
        data-testid="sop-templates-table"
        onRow={(tpl) => ({ 'data-testid': 'sop-template-row', 'data-template-id': tpl.id } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          {
            title: t('ops.sops.field.name'), dataIndex: 'name',
            render: (name: string, tpl) => <Link to={`/ops/sops/templates/${tpl.id}`}>{name}</Link>,
          },
          {
            title: t('ops.sops.field.steps'),
            render: (_, tpl) => (
              <Space size={[4, 4]} wrap>
                <span>{t('ops.sops.templates.stepCount', { n: tpl.steps.length })}</span>
                {[...new Set(tpl.steps.map((s) => triggerLabel(t, s)))].slice(0, 4).map((label) => <Tag key={label}>{label}</Tag>)}
              </Space>
            ),
          },
          { title: t('ops.sops.field.activeApplications'), dataIndex: 'activeApplications', align: 'right', width: 110 },
          { title: t('ops.sops.field.updatedAt'), dataIndex: 'updatedAt', width: 160, render: (v: string) => formatTime(v) },
          ...(canManage ? [{
            title: '', width: 300,
            render: (_: unknown, tpl: Template) => (
              <Space size={0} wrap>
                {tpl.archivedAt === null && (
                  <Button size="small" type="link" onClick={() => setApplying(tpl)} data-testid="sop-apply">{t('ops.sops.apply.action')}</Button>
                )}
                <Button size="small" type="link" onClick={() => navigate(`/ops/sops/templates/${tpl.id}`)}>{t('common.edit')}</Button>
                <Button size="small" type="link" onClick={() => void act(() => sopsApi.duplicateTemplate(tpl.id), t('ops.sops.templates.duplicated'))}>
                  {t('ops.sops.templates.duplicate')}
                </Button>
                <Button size="small" type="link" onClick={() => void act(() => sopsApi.updateTemplate(tpl.id, { archived: tpl.archivedAt === null }), t('common.saved'))}>
                  {tpl.archivedAt === null ? t('ops.sops.templates.archive') : t('ops.sops.templates.restore')}
                </Button>
                {tpl.activeApplications === 0 && (
                  <Popconfirm title={t('ops.sops.templates.deleteConfirm')} onConfirm={() => act(() => sopsApi.deleteTemplate(tpl.id), t('common.deleted'))}>
                    <Button size="small" type="link" danger>{t('common.delete')}</Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          }] : []),
        ]}
      />
      <ApplyModal
        template={applying}
        onClose={() => setApplying(null)}
        onApplied={(app) => {
          notify.success(t('ops.sops.apply.done', { n: app.tasks.total }));
          setApplying(null);
          void list.reload();
          onApplied();
        }}
      />
    </>
  );
}
