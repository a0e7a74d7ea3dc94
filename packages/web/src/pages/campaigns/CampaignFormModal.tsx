// Create or edit a campaign with its whole check-in rule. Once the campaign has started, changing the rule, the
// dates or the zone asks for a reason first (the server refuses without one and audits it with one).
import { useEffect, useState } from 'react';
import { Alert, Col, DatePicker, Divider, Form, Input, InputNumber, Modal, Row, Select, Switch, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Campaign, CampaignInput, CheckinRules, Series } from '../../api/campaigns';
import { useT } from '../../i18n/useT';
import { useSession } from '../../session/context';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { FormModal } from '../../shared/FormModal';
import { applyFieldErrors } from '../../shared/applyFieldErrors';

export interface CampaignDraft extends CampaignInput {
  seriesId: number;
  edition?: number;
}

interface Props {
  open: boolean;
  campaign: Campaign | null;
  series: Series[];
  onClose: () => void;
  onSubmit: (draft: CampaignDraft, overrideReason?: string) => Promise<void>;
}

interface Values {
  seriesId: number;
  edition: number | null;
  name: string;
  theme: string;
  startsOn: Dayjs;
  endsOn: Dayjs;
  timezone: string;
  signupOpensAt: Dayjs | null;
  signupClosesAt: Dayjs | null;
  priceYuan: number | null;
  depositYuan: number | null;
  capacity: number | null;
  daysTotal: number;
  daysRequiredForCompletion: number;
  daysRequiredForRefund: number;
  windowStart: Dayjs;
  windowEnd: Dayjs;
  graceDays: number;
  borderlineDays: number;
  makeupAllowed: boolean;
  makeupMax: number;
  makeupWindow: number;
  makeupCountsForRefund: boolean;
  makeupCountsForStreak: boolean;
  makeupNeedsApproval: boolean;
  reminderTime: Dayjs;
  requirePhoto: boolean;
}

/** The server names rule fields by their path; the form's items are flat. */
const FIELD_ALIAS: Record<string, string> = {
  priceCents: 'priceYuan',
  depositCents: 'depositYuan',
  rules: 'daysTotal',
  'rules.daysTotal': 'daysTotal',
  'rules.daysRequiredForCompletion': 'daysRequiredForCompletion',
  'rules.daysRequiredForRefund': 'daysRequiredForRefund',
  'rules.dayWindow': 'windowEnd',
  'rules.dayWindow.start': 'windowStart',
  'rules.dayWindow.end': 'windowEnd',
  'rules.graceDays': 'graceDays',
  'rules.borderlineDays': 'borderlineDays',
  'rules.makeup.maxPerCampaign': 'makeupMax',
  'rules.makeup.windowDays': 'makeupWindow',
  'rules.reminderTime': 'reminderTime',
};

const DAY = 'YYYY-MM-DD';
const time = (hhmm: string) => dayjs(`2000-01-01T${hhmm}:00`);
const cents = (v: number | null) => (v === null || v === undefined ? 0 : Math.round(v * 100));

function initialValues(campaign: Campaign | null, series: Series[]): Partial<Values> {
  if (campaign) {
    const r = campaign.rules;
    return {
      seriesId: campaign.seriesId, edition: campaign.edition, name: campaign.name, theme: campaign.theme,
      startsOn: dayjs(campaign.startsOn), endsOn: dayjs(campaign.endsOn), timezone: campaign.timezone,
      signupOpensAt: campaign.signupOpensAt ? dayjs(campaign.signupOpensAt) : null,
      signupClosesAt: campaign.signupClosesAt ? dayjs(campaign.signupClosesAt) : null,
      priceYuan: campaign.priceCents / 100, depositYuan: campaign.depositCents / 100, capacity: campaign.capacity,
      daysTotal: r.daysTotal, daysRequiredForCompletion: r.daysRequiredForCompletion, daysRequiredForRefund: r.daysRequiredForRefund,
      windowStart: time(r.dayWindow.start), windowEnd: time(r.dayWindow.end), graceDays: r.graceDays, borderlineDays: r.borderlineDays,
      makeupAllowed: r.makeup.allowed, makeupMax: r.makeup.maxPerCampaign, makeupWindow: r.makeup.windowDays,
      makeupCountsForRefund: r.makeup.countsForRefund, makeupCountsForStreak: r.makeup.countsForStreak, makeupNeedsApproval: r.makeup.needsApproval,
      reminderTime: time(r.reminderTime), requirePhoto: r.requirePhoto ?? false,
    };
  }
  // A new campaign: 21 days starting in a week; complete and refund at 15; 1 grace day; reminder at 20:00.
  const start = dayjs().add(7, 'day').startOf('day');
  return {
    seriesId: series[0]?.id, edition: null, name: '', theme: series[0]?.theme ?? '', startsOn: start, endsOn: start.add(20, 'day'),
    signupOpensAt: null, signupClosesAt: null, priceYuan: 0, depositYuan: 0, capacity: null,
    daysTotal: 21, daysRequiredForCompletion: 15, daysRequiredForRefund: 15, windowStart: time('00:00'), windowEnd: time('23:59'),
    graceDays: 1, borderlineDays: 2, makeupAllowed: false, makeupMax: 2, makeupWindow: 3,
    makeupCountsForRefund: true, makeupCountsForStreak: false, makeupNeedsApproval: true, reminderTime: time('20:00'),
    requirePhoto: false,
  };
}

function toDraft(v: Values, timezone: string): CampaignDraft {
  const rules: CheckinRules = {
    daysTotal: v.daysTotal,
    daysRequiredForCompletion: v.daysRequiredForCompletion,
    daysRequiredForRefund: v.daysRequiredForRefund,
    dayWindow: { start: v.windowStart.format('HH:mm'), end: v.windowEnd.format('HH:mm') },
    graceDays: v.graceDays,
    makeup: {
      allowed: v.makeupAllowed, maxPerCampaign: v.makeupMax, windowDays: v.makeupWindow,
      countsForRefund: v.makeupCountsForRefund, countsForStreak: v.makeupCountsForStreak, needsApproval: v.makeupNeedsApproval,
    },
    reminderTime: v.reminderTime.format('HH:mm'),
    requirePhoto: v.requirePhoto ?? false,
    borderlineDays: v.borderlineDays,
  };
  return {
    seriesId: v.seriesId,
    ...(v.edition ? { edition: v.edition } : {}),
    name: v.name.trim(),
    theme: (v.theme ?? '').trim(),
    startsOn: v.startsOn.format(DAY),
    endsOn: v.endsOn.format(DAY),
    timezone: v.timezone || timezone,
    signupOpensAt: v.signupOpensAt ? v.signupOpensAt.toISOString() : null,
    signupClosesAt: v.signupClosesAt ? v.signupClosesAt.toISOString() : null,
    priceCents: cents(v.priceYuan),
    depositCents: cents(v.depositYuan),
    capacity: v.capacity ?? null,
    rules,
  };
}

/** The rule as text with its keys sorted, so two equal rules compare equal whatever order the server sends. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v);
}

/** Which locked fields the draft changes, in the server's words. */
function lockedChanges(campaign: Campaign, draft: CampaignDraft): string[] {
  const changed: string[] = [];
  if (canonical(draft.rules) !== canonical(campaign.rules)) changed.push('rules');
  if (draft.startsOn !== campaign.startsOn) changed.push('startsOn');
  if (draft.endsOn !== campaign.endsOn) changed.push('endsOn');
  if (draft.timezone !== campaign.timezone) changed.push('timezone');
  return changed;
}

const TIMEZONES: string[] = (() => {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Singapore', 'Asia/Tokyo', 'Europe/London', 'America/New_York', 'America/Los_Angeles', 'UTC'];
})();

/** Each opening gets a fresh form store: antd keeps a store's values over new initialValues, so reopening the
 * dialog on another campaign would otherwise show the previous one's values. */
export function CampaignFormModal(props: Props) {
  const [opening, setOpening] = useState(0);
  useEffect(() => {
    if (props.open) setOpening((n) => n + 1);
  }, [props.open, props.campaign]);
  return <CampaignForm key={opening} {...props} />;
}

function CampaignForm({ open, campaign, series, onClose, onSubmit }: Props) {
  const t = useT();
  const { session } = useSession();
  const [form] = Form.useForm<Values>();
  const [pending, setPending] = useState<{ draft: CampaignDraft; fields: string[] } | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const makeupAllowed = Form.useWatch('makeupAllowed', form);

  const fieldLabel = (f: string) => (f === 'rules' ? t('campaigns.field.rules') : t(`campaigns.${f as 'startsOn' | 'endsOn' | 'timezone'}`));

  const submit = async (values: Values) => {
    const draft = toDraft(values, session.workspace.timezone);
    const fields = campaign?.locked ? lockedChanges(campaign, draft) : [];
    if (fields.length) {
      setReason('');
      setReasonError(null);
      setPending({ draft, fields });
      return;
    }
    await onSubmit(draft);
  };

  const confirmOverride = async () => {
    if (!pending || !reason.trim()) {
      setReasonError(new Error(t('campaigns.overrideRequired')));
      return;
    }
    setSaving(true);
    try {
      await onSubmit(pending.draft, reason.trim());
      setPending(null);
    } catch (e) {
      applyFieldErrors(form, e, FIELD_ALIAS);
      setReasonError(e);
    } finally {
      setSaving(false);
    }
  };

  const num = (name: keyof Values, label: string, extra?: string, max = 366) => (
    <Form.Item name={name} label={label} extra={extra} rules={[{ required: true }]}>
      <InputNumber min={0} max={max} precision={0} style={{ width: '100%' }} data-testid={`field-${name}`} />
    </Form.Item>
  );
  const toggle = (name: keyof Values, label: string) => (
    <Form.Item name={name} label={label} valuePropName="checked">
      <Switch disabled={name !== 'makeupAllowed' && !makeupAllowed} />
    </Form.Item>
  );

  return (
    <>
      <FormModal<Values>
        open={open}
        title={campaign ? t('campaigns.editCampaign', { key: campaign.key }) : t('campaigns.createCampaign')}
        form={form}
        width={860}
        onClose={onClose}
        onSubmit={submit}
        fieldAlias={FIELD_ALIAS}
        initialValues={initialValues(campaign, series)}
      >
        <Divider titlePlacement="start">{t('campaigns.section.basic')}</Divider>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="seriesId" label={t('campaigns.series')} rules={[{ required: true, message: t('campaigns.seriesRequired') }]}>
              <Select disabled={!!campaign} options={series.map((s) => ({ value: s.id, label: `${s.key} · ${s.name}` }))} data-testid="field-seriesId" />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="edition" label={t('campaigns.edition')} tooltip={t('campaigns.editionHelp')}>
              <InputNumber min={1} max={9999} precision={0} disabled={!!campaign} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="name" label={t('campaigns.name')} rules={[{ required: true, whitespace: true, message: t('common.nameRequired') }]}>
              <Input maxLength={60} data-testid="field-name" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="theme" label={t('campaigns.theme')}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="timezone" label={t('campaigns.timezone')} tooltip={t('campaigns.timezoneHelp')}>
              <Select showSearch placeholder={session.workspace.timezone} allowClear options={TIMEZONES.map((z) => ({ value: z, label: z }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="startsOn" label={t('campaigns.startsOn')} rules={[{ required: true, message: t('campaigns.dateRequired') }]}>
              <DatePicker style={{ width: '100%' }} data-testid="field-startsOn" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="endsOn" label={t('campaigns.endsOn')} rules={[{ required: true, message: t('campaigns.dateRequired') }]}>
              <DatePicker style={{ width: '100%' }} data-testid="field-endsOn" />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('campaigns.section.signup')}</Divider>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="signupOpensAt" label={t('campaigns.signupOpensAt')}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="signupClosesAt" label={t('campaigns.signupClosesAt')}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="priceYuan" label={t('campaigns.priceYuan')} tooltip={t('campaigns.feeHelp')}>
              <InputNumber min={0} max={1_000_000} precision={2} prefix="¥" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="depositYuan" label={t('campaigns.depositYuan')} tooltip={t('campaigns.feeHelp')}>
              <InputNumber min={0} max={1_000_000} precision={2} prefix="¥" style={{ width: '100%' }} data-testid="field-depositYuan" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="capacity" label={t('campaigns.capacity')} tooltip={t('campaigns.capacityHelp')}>
              <InputNumber min={1} max={1_000_000} precision={0} placeholder={t('campaigns.unlimited')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('campaigns.section.checkin')}</Divider>
        {campaign?.locked && <Alert type="warning" showIcon title={t('campaigns.lockedNotice')} style={{ marginBottom: 16 }} data-testid="locked-notice" />}
        <Row gutter={16}>
          <Col span={8}>{num('daysTotal', t('campaigns.daysTotal'), t('campaigns.daysTotalHelp'))}</Col>
          <Col span={8}>{num('daysRequiredForCompletion', t('campaigns.daysForCompletion'), t('campaigns.thresholdHelp'))}</Col>
          <Col span={8}>{num('daysRequiredForRefund', t('campaigns.daysForRefund'))}</Col>
          <Col span={6}>
            <Form.Item name="windowStart" label={t('campaigns.windowStart')} rules={[{ required: true }]}>
              <TimePicker format="HH:mm" allowClear={false} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="windowEnd" label={t('campaigns.windowEnd')} tooltip={t('campaigns.windowHelp')} rules={[{ required: true }]}>
              <TimePicker format="HH:mm" allowClear={false} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>{num('graceDays', t('campaigns.graceDays'), t('campaigns.graceHelp'), 30)}</Col>
          <Col span={6}>{num('borderlineDays', t('campaigns.borderlineDays'), t('campaigns.borderlineHelp'), 30)}</Col>
          <Col span={24}>
            <Form.Item name="requirePhoto" label={t('campaigns.requirePhoto')} extra={t('campaigns.requirePhotoHelp')} valuePropName="checked">
              <Switch data-testid="field-requirePhoto" />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('campaigns.section.makeup')}</Divider>
        <Row gutter={16}>
          <Col span={6}>{toggle('makeupAllowed', t('campaigns.makeupAllowed'))}</Col>
          <Col span={9}>{num('makeupMax', t('campaigns.makeupMax'))}</Col>
          <Col span={9}>{num('makeupWindow', t('campaigns.makeupWindow'))}</Col>
          <Col span={8}>{toggle('makeupCountsForRefund', t('campaigns.makeupCountsForRefund'))}</Col>
          <Col span={8}>{toggle('makeupCountsForStreak', t('campaigns.makeupCountsForStreak'))}</Col>
          <Col span={8}>{toggle('makeupNeedsApproval', t('campaigns.makeupNeedsApproval'))}</Col>
        </Row>

        <Divider titlePlacement="start">{t('campaigns.section.reminder')}</Divider>
        <Form.Item name="reminderTime" label={t('campaigns.reminderTime')} extra={t('campaigns.reminderHelp')} rules={[{ required: true }]}>
          <TimePicker format="HH:mm" allowClear={false} style={{ width: 160 }} />
        </Form.Item>
      </FormModal>

      <Modal
        open={pending !== null}
        title={t('campaigns.overrideTitle')}
        okText={t('campaigns.overrideOk')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        onOk={() => void confirmOverride()}
        onCancel={() => setPending(null)}
        destroyOnHidden
      >
        <ErrorAlert error={reasonError} />
        <p>{t('campaigns.overrideHelp', { fields: (pending?.fields ?? []).map(fieldLabel).join('、') })}</p>
        <Input.TextArea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          rows={3}
          placeholder={t('campaigns.overrideReason')}
          data-testid="override-reason"
        />
      </Modal>
    </>
  );
}
