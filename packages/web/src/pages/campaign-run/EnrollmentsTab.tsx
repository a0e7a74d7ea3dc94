// 报名: the campaign's enrollments with payment and progress, searched and filtered; staff enroll a member by
// number, cancel with a reason, record or import payments, and manage the payment-notice secret.
import { useState } from 'react';
import { Button, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { Campaign } from '../../api/campaigns';
import { enrollmentsApi, PAYMENT_STATUSES, type Enrollment, type EnrollmentFilter, type EnrollmentStatus, type PaymentStatus } from '../../api/enrollments';
import { useT } from '../../i18n/useT';
import { useSession } from '../../session/context';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { LoadMore } from '../../shared/LoadMore';
import { MetricTitle } from '../../shared/MetricTitle';
import { formatTime } from '../../shared/time';
import { useCursorList } from '../../shared/useCursorList';
import { useNotify } from '../../shared/useNotify';
import { CancelEnrollmentModal } from './CancelEnrollmentModal';
import { MemberLink, money, PaymentTag } from './display';
import { EnrollModal } from './EnrollModal';
import { PaymentImportModal } from './PaymentImportModal';
import { PaymentModal } from './PaymentModal';
import { WebhookSecretButton } from './WebhookSecretButton';

export function EnrollmentsTab({ campaign }: { campaign: Campaign }) {
  const t = useT();
  const notify = useNotify();
  const { can } = useSession();
  const [filter, setFilter] = useState<EnrollmentFilter>({});
  const [version, setVersion] = useState(0);
  const [enrolling, setEnrolling] = useState(false);
  const [importing, setImporting] = useState(false);
  const [paying, setPaying] = useState<Enrollment | null>(null);
  const [cancelling, setCancelling] = useState<Enrollment | null>(null);
  const list = useCursorList((cursor) => enrollmentsApi.list(campaign.id, filter, cursor), [campaign.id, filter.q, filter.payment, filter.status, version]);
  const changed = () => setVersion((v) => v + 1);
  const canEnroll = can('enrollments.manage');
  const canPay = can('payments.manage');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('run.enrollments.search')}
            style={{ width: 280 }}
            onSearch={(q) => setFilter((f) => ({ ...f, q: q.trim() || undefined }))}
            data-testid="enrollment-search"
          />
          <Select<PaymentStatus | ''>
            value={filter.payment ?? ''}
            style={{ width: 150 }}
            onChange={(payment) => setFilter((f) => ({ ...f, payment: payment || undefined }))}
            options={[{ value: '', label: t('run.payment.all') }, ...PAYMENT_STATUSES.map((p) => ({ value: p, label: t(`run.payment.${p}`) }))]}
            data-testid="payment-filter"
          />
          <Select<EnrollmentStatus | ''>
            value={filter.status ?? ''}
            style={{ width: 130 }}
            onChange={(status) => setFilter((f) => ({ ...f, status: status || undefined }))}
            options={[{ value: '', label: t('run.enrollment.allStatuses') }, { value: 'active', label: t('run.enrollment.active') }, { value: 'cancelled', label: t('run.enrollment.cancelled') }]}
          />
        </Space>
        <Space wrap>
          {canEnroll && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEnrolling(true)} data-testid="enroll-member">{t('run.enrollments.enroll')}</Button>}
          {canPay && <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="import-payments">{t('run.payments.import')}</Button>}
          {canPay && <WebhookSecretButton />}
        </Space>
      </Space>
      <ErrorAlert error={list.error} />
      <Table<Enrollment>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 1100 }}
        data-testid="enrollment-table"
        columns={[
          { title: t('run.member'), key: 'member', render: (_, e) => <MemberLink member={e.member} /> },
          { title: t('run.enrollments.channel'), key: 'channel', render: (_, e) => (e.channel ? <Link to={`/channels/${e.channel.id}`}>{e.channel.name}</Link> : <Typography.Text type="secondary">{t.label('run.source', e.source)}</Typography.Text>) },
          { title: t('run.enrollments.group'), key: 'group', render: (_, e) => (e.group ? <Link to={`/groups/${e.group.id}`}>{e.group.name}</Link> : '—') },
          {
            title: <MetricTitle title={t('run.enrollments.payment')} definition={t('run.enrollments.paymentHelp')} />,
            key: 'payment',
            render: (_, e) => <Space size={4}><PaymentTag status={e.paymentStatus} /><span>{money(e.paidCents)} / {money(e.amountDueCents)}</span></Space>,
          },
          {
            title: <MetricTitle title={t('run.enrollments.progress')} definition={t('run.enrollments.progressHelp')} />,
            key: 'progress',
            render: (_, e) => (
              <span data-testid="enrollment-progress">
                {e.progress.countedForRefund}/{e.progress.requiredForRefund}
                {e.progress.countedForRefund >= e.progress.requiredForRefund && <Tag color="success" style={{ marginLeft: 6 }}>{t('run.enrollments.met')}</Tag>}
              </span>
            ),
          },
          { title: t('run.enrollments.createdAt'), dataIndex: 'createdAt', width: 150, render: (at: string) => formatTime(at) },
          {
            title: t('run.enrollment.status'),
            key: 'status',
            render: (_, e) => (e.status === 'active'
              ? <Tag color="processing">{t('run.enrollment.active')}</Tag>
              : <Tooltip title={`${formatTime(e.cancelledAt)} · ${e.cancelReason ?? ''}`}><Tag>{t('run.enrollment.cancelled')}</Tag></Tooltip>),
          },
          ...(canPay || canEnroll ? [{
            title: '',
            key: 'actions',
            width: 170,
            render: (_: unknown, e: Enrollment) => e.status === 'active' && (
              <Space size={4}>
                {canPay && e.paidCents < e.amountDueCents && <Button size="small" onClick={() => setPaying(e)} data-testid="record-payment">{t('run.payments.record')}</Button>}
                {canEnroll && <Button size="small" danger type="text" onClick={() => setCancelling(e)} data-testid="cancel-enrollment">{t('run.enrollments.cancel')}</Button>}
              </Space>
            ),
          }] : []),
        ]}
      />
      <LoadMore list={list} />
      <EnrollModal open={enrolling} campaignId={campaign.id} onClose={() => setEnrolling(false)} onDone={(r) => { setEnrolling(false); notify.success(t(r.created ? 'run.enrollments.enrolled' : 'run.enrollments.already', { memberNo: r.enrollment.member.memberNo })); changed(); }} />
      <PaymentModal enrollment={paying} onClose={() => setPaying(null)} onDone={(r) => { setPaying(null); if (r.status === 'duplicate') notify.error(new Error(t('run.payments.duplicate'))); else notify.success(t('run.payments.recorded')); changed(); }} />
      <CancelEnrollmentModal enrollment={cancelling} onClose={() => setCancelling(null)} onDone={() => { setCancelling(null); notify.success(t('run.enrollments.cancelled')); changed(); }} />
      <PaymentImportModal open={importing} campaignId={campaign.id} onClose={() => setImporting(false)} onImported={changed} />
    </Space>
  );
}
