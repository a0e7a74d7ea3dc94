// The template editor: name, description and the ordered steps (when, what, who). A new template starts blank or
// from the 21-day camp template (?starter=1); saving sends the whole step list, and the server's reasons per step
// (an unknown variable, a bad trigger) are shown on that step's row.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { sopsApi, type StepDraft, type TemplateDraft } from '../../../api/sops';
import { useT } from '../../../i18n/useT';
import { useSession } from '../../../session/context';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { asApiError } from '../../../shared/errors';
import { useNotify } from '../../../shared/useNotify';
import { triggerLabel } from './display';
import { StepModal } from './StepModal';

interface Head { name: string; description: string }

/** The server names step faults as steps.<i>.<field>: group them by row. */
function stepErrors(error: unknown): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (!error) return out;
  for (const [path, reason] of Object.entries(asApiError(error).fields)) {
    const m = /^steps\.(\d+)\.?(.*)$/.exec(path);
    if (!m) continue;
    const i = Number(m[1]);
    out.set(i, [...(out.get(i) ?? []), m[2] ? `${m[2]}: ${reason}` : reason]);
  }
  return out;
}

export function TemplateEditorPage() {
  const t = useT();
  const notify = useNotify();
  const navigate = useNavigate();
  const { id } = useParams();
  const [params] = useSearchParams();
  const { can } = useSession();
  const canManage = can('sops.manage');
  const templateId = id && /^\d+$/.test(id) ? Number(id) : null;
  const [form] = Form.useForm<Head>();
  const [steps, setSteps] = useState<StepDraft[]>([]);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [editing, setEditing] = useState<{ index: number | null; step: StepDraft | null } | null>(null);

  useEffect(() => {
    const load: Promise<TemplateDraft> = templateId !== null ? sopsApi.template(templateId)
      : params.get('starter') ? sopsApi.starter() : Promise.resolve({ name: '', description: '', steps: [] });
    load.then((draft) => {
      form.setFieldsValue({ name: draft.name, description: draft.description });
      setSteps(draft.steps.map((s) => ({ id: s.id, title: s.title, triggerKind: s.triggerKind, triggerValue: s.triggerValue, windowStart: s.windowStart, windowEnd: s.windowEnd, action: s.action, content: s.content, attachments: s.attachments, role: s.role })));
    }, setLoadError);
  }, [templateId, params]);

  const errors = stepErrors(saveError);
  const move = (i: number, by: number) => setSteps((list) => {
    const next = [...list];
    const [step] = next.splice(i, 1);
    next.splice(i + by, 0, step!);
    return next;
  });

  const save = async () => {
    const head = await form.validateFields();
    setSaving(true);
    setSaveError(null);
    try {
      const draft = { name: head.name.trim(), description: (head.description ?? '').trim(), steps };
      const saved = templateId !== null ? await sopsApi.updateTemplate(templateId, draft) : await sopsApi.createTemplate(draft);
      notify.saved();
      navigate(`/ops/sops/templates/${saved.id}`, { replace: true });
      if (templateId !== null) setSteps(saved.steps.map(({ position: _position, ...s }) => s));
    } catch (e) {
      setSaveError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      title={<Space><Link to="/ops/sops?tab=templates">{t('ops.nav.sops')}</Link><span>/</span><span>{templateId !== null ? t('ops.sops.editor.edit') : t('ops.sops.editor.new')}</span></Space>}
      extra={canManage && <Button type="primary" loading={saving} onClick={() => void save()} data-testid="sop-save-template">{t('common.save')}</Button>}
    >
      <ErrorAlert error={loadError} />
      <ErrorAlert error={saveError} />
      <Form<Head> form={form} layout="vertical" disabled={!canManage} style={{ maxWidth: 720 }}>
        <Form.Item name="name" label={t('ops.sops.field.name')} rules={[{ required: true, whitespace: true, message: t('common.nameRequired') }]}>
          <Input maxLength={60} data-testid="sop-template-name" />
        </Form.Item>
        <Form.Item name="description" label={t('ops.sops.field.description')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
      {templateId !== null && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('ops.sops.editor.replanNote')} />}
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>{t('ops.sops.editor.steps', { n: steps.length })}</Typography.Title>
        {canManage && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing({ index: null, step: null })} data-testid="sop-add-step">{t('ops.sops.editor.addStep')}</Button>
        )}
      </Space>
      <Table<StepDraft & { key: number }>
        size="small"
        pagination={false}
        dataSource={steps.map((s, i) => ({ ...s, key: i }))}
        locale={{ emptyText: t('ops.sops.editor.noSteps') }}
        data-testid="sop-steps-table"
        columns={[
          { title: '#', width: 40, render: (_, __, i) => i + 1 },
          {
            title: t('ops.sops.field.title'),
            render: (_, s, i) => (
              <Space direction="vertical" size={0}>
                <span>{s.title}</span>
                {errors.get(i)?.map((e) => <Typography.Text key={e} type="danger" style={{ fontSize: 12 }} data-testid="step-error">{e}</Typography.Text>)}
              </Space>
            ),
          },
          { title: t('ops.sops.field.trigger'), width: 150, render: (_, s) => <Tag>{triggerLabel(t, s)}</Tag> },
          { title: t('ops.sops.field.window'), width: 120, render: (_, s) => `${s.windowStart}–${s.windowEnd}` },
          { title: t('ops.sops.field.action'), width: 110, render: (_, s) => t(`ops.sops.action.${s.action}`) },
          { title: t('ops.sops.field.role'), width: 100, render: (_, s) => t(`ops.sops.role.${s.role}`) },
          { title: t('ops.sops.field.content'), ellipsis: true, render: (_, s) => s.content || '—' },
          { title: t('ops.sops.field.attachments'), width: 70, align: 'right', render: (_, s) => s.attachments.length || '' },
          ...(canManage ? [{
            title: '', width: 190,
            render: (_: unknown, s: StepDraft, i: number) => (
              <Space size={0}>
                <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('ops.sops.editor.up')} />
                <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={i === steps.length - 1} onClick={() => move(i, 1)} aria-label={t('ops.sops.editor.down')} />
                <Button size="small" type="link" onClick={() => setEditing({ index: i, step: s })}>{t('common.edit')}</Button>
                <Button size="small" type="link" danger onClick={() => setSteps((list) => list.filter((_, k) => k !== i))}>{t('common.remove')}</Button>
              </Space>
            ),
          }] : []),
        ]}
      />
      <StepModal
        open={editing !== null}
        step={editing?.step ?? null}
        onClose={() => setEditing(null)}
        onSave={(step) => {
          setSteps((list) => (editing?.index == null ? [...list, step] : list.map((s, k) => (k === editing.index ? { ...step, id: s.id } : s))));
          setEditing(null);
        }}
      />
    </Card>
  );
}
