// /ops/retros/:campaignId — 复盘 of a campaign: its numbers against target and the previous edition, the check-in
// curve, and the GRAI form (goal, result, analysis, insight) with action items (what, owner, due).
import { Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { briefingsApi, type Retrospective } from '../../../api/briefings';
import { staffApi } from '../../../api/staff';
import { useT } from '../../../i18n/useT';
import { useSession } from '../../../session/context';
import { asApiError } from '../../../shared/errors';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { formatTime } from '../../../shared/time';
import { useLoad } from '../../../shared/useLoad';
import { useNotify } from '../../../shared/useNotify';
import { RetroCurve, RetroMetricsTable } from './RetroMetrics';

interface FormValues {
  goalNote: string;
  resultNote: string;
  analysis: string;
  insight: string;
  actions: Array<{ what: string; ownerId: number | null; due: Dayjs | null }>;
}

function toForm(retro: Retrospective): FormValues {
  const r = retro.retrospective;
  return {
    goalNote: r?.goalNote ?? '', resultNote: r?.resultNote ?? '', analysis: r?.analysis ?? '', insight: r?.insight ?? '',
    actions: (r?.actions ?? []).map((a) => ({ what: a.what, ownerId: a.owner?.id ?? null, due: a.due ? dayjs(a.due) : null })),
  };
}

/** 超出 / 达成 / 未达成 counted over the metrics that have a target. */
function ResultSummary({ retro }: { retro: Retrospective }) {
  const t = useT();
  const withTarget = retro.metrics.filter((m) => m.result !== null);
  if (withTarget.length === 0) return <Typography.Text type="secondary">{t('ops.briefings.retro.noTargets')}</Typography.Text>;
  const count = (r: string) => withTarget.filter((m) => m.result === r).length;
  return (
    <Space wrap data-testid="retro-result-summary">
      <Tag color="green">{t('ops.briefings.result.exceeded')} {count('exceeded')}</Tag>
      <Tag color="blue">{t('ops.briefings.result.met')} {count('met')}</Tag>
      <Tag color="red">{t('ops.briefings.result.missed')} {count('missed')}</Tag>
    </Space>
  );
}

export function RetroPage() {
  const t = useT();
  const { campaignId } = useParams();
  const id = Number(campaignId);
  const load = useLoad(() => briefingsApi.retrospective(id), [id]);
  const retro = load.data;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <ErrorAlert error={load.error} />
      {retro && (
        <>
          <Card>
            <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
              <Space direction="vertical" size={0}>
                <Typography.Title level={4} style={{ margin: 0 }} data-testid="retro-title">
                  {t('ops.briefings.retro.title', { key: retro.campaign.key, name: retro.campaign.name })}
                </Typography.Title>
                <Typography.Text type="secondary">
                  {retro.campaign.startsOn} – {retro.campaign.endsOn} · {t.label('campaigns.status', retro.campaign.status)} · {t('ops.briefings.retro.asOf', { date: retro.asOf })}
                  {retro.previous && <> · {t('ops.briefings.retro.comparedWith')} <Link to={`/ops/retros/${retro.previous.id}`}>{retro.previous.key}</Link></>}
                </Typography.Text>
              </Space>
              <Space>
                <Link to="/ops/retros"><Button>{t('ops.briefings.retro.backToList')}</Button></Link>
                <Link to={`/ops/retros/${id}/print`} data-testid="retro-print-link"><Button icon={<PrinterOutlined />}>{t('ops.briefings.retro.printView')}</Button></Link>
              </Space>
            </Space>
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Card title={t('ops.briefings.retro.numbers')} size="small"><RetroMetricsTable retro={retro} /></Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card title={t('ops.briefings.retro.curve')} size="small">
                {retro.curve.length === 0 ? <Typography.Text type="secondary">{t('ops.briefings.retro.noCurve')}</Typography.Text> : <RetroCurve retro={retro} />}
              </Card>
            </Col>
          </Row>
          <GraiForm retro={retro} onSaved={load.setData} />
        </>
      )}
    </Space>
  );
}

function GraiForm({ retro, onSaved }: { retro: Retrospective; onSaved: (r: Retrospective) => void }) {
  const t = useT();
  const notify = useNotify();
  const { can } = useSession();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const staff = useLoad(() => staffApi.list(), []);
  const editable = can('retros.write');
  useEffect(() => form.setFieldsValue(toForm(retro)), [form, retro]);

  const save = async (values: FormValues) => {
    setSaving(true);
    try {
      const saved = await briefingsApi.saveRetrospective(retro.campaign.id, {
        goalNote: values.goalNote ?? '', resultNote: values.resultNote ?? '', analysis: values.analysis ?? '', insight: values.insight ?? '',
        actions: (values.actions ?? []).map((a) => ({ what: a.what, ownerId: a.ownerId ?? null, due: a.due ? a.due.format('YYYY-MM-DD') : null })),
      });
      onSaved(saved);
      notify.saved();
    } catch (e) {
      // Server field paths are dotted (actions.0.ownerId); the form's are arrays.
      const fields = Object.entries(asApiError(e).fields).map(([path, reason]) => ({ name: path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [reason] }));
      if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      else notify.error(e);
    } finally {
      setSaving(false);
    }
  };

  const area = (name: keyof FormValues, label: string, help: string, rows: number) => (
    <Form.Item name={name} label={label} extra={help}>
      <Input.TextArea autoSize={{ minRows: rows, maxRows: 24 }} disabled={!editable} data-testid={`retro-${name}`} maxLength={name === 'goalNote' || name === 'resultNote' ? 2000 : 10_000} />
    </Form.Item>
  );

  return (
    <Card
      title={t('ops.briefings.retro.grai')}
      size="small"
      extra={retro.retrospective && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('ops.briefings.retro.updated', { at: formatTime(retro.retrospective.updatedAt), by: retro.retrospective.updatedBy?.name ?? '—' })}
        </Typography.Text>
      )}
    >
      <Form form={form} layout="vertical" onFinish={save} initialValues={toForm(retro)}>
        <Row gutter={16}>
          <Col xs={24} lg={12}>{area('goalNote', t('ops.briefings.retro.goalNote'), t('ops.briefings.retro.goalHelp'), 3)}</Col>
          <Col xs={24} lg={12}>
            <Form.Item label={t('ops.briefings.retro.computedResult')}><ResultSummary retro={retro} /></Form.Item>
            {area('resultNote', t('ops.briefings.retro.resultNote'), t('ops.briefings.retro.resultHelp'), 2)}
          </Col>
        </Row>
        {area('analysis', t('ops.briefings.retro.analysis'), t('ops.briefings.retro.analysisHelp'), 6)}
        {area('insight', t('ops.briefings.retro.insight'), t('ops.briefings.retro.insightHelp'), 5)}
        <Typography.Text strong>{t('ops.briefings.retro.actions')}</Typography.Text>
        <Form.List name="actions">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 8 }} data-testid="retro-actions">
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 4 }}>
                  <Form.Item name={[field.name, 'what']} rules={[{ required: true, whitespace: true, message: t('ops.briefings.retro.whatRequired') }]}>
                    <Input placeholder={t('ops.briefings.retro.what')} style={{ width: 360 }} maxLength={200} disabled={!editable} data-testid="retro-action-what" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'ownerId']}>
                    <Select
                      allowClear placeholder={t('ops.briefings.retro.owner')} style={{ width: 180 }} disabled={!editable} showSearch optionFilterProp="label"
                      options={(staff.data?.items ?? []).map((s) => ({ value: s.id, label: s.displayName }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'due']}>
                    <DatePicker placeholder={t('ops.briefings.retro.due')} disabled={!editable} />
                  </Form.Item>
                  {editable && <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('ops.briefings.retro.removeAction')} />}
                </Space>
              ))}
              {editable && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ what: '', ownerId: null, due: null })} data-testid="retro-action-add">
                  {t('ops.briefings.retro.addAction')}
                </Button>
              )}
            </div>
          )}
        </Form.List>
        {editable && (
          <Button type="primary" htmlType="submit" loading={saving} style={{ marginTop: 16 }} data-testid="retro-save">{t('ops.briefings.retro.save')}</Button>
        )}
      </Form>
    </Card>
  );
}
