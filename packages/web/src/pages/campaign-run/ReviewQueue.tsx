// The review queue (打卡审核): flagged check-ins waiting for a person, of one campaign or of all. A flagged check-in
// counts until rejected; approving clears it, rejecting (with a reason) takes the day away. One by one or in bulk.
import { useState } from 'react';
import { Alert, Button, Segmented, Space, Table, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { checkinsApi, MAX_BULK_REVIEW, type Checkin, type ReviewDecision, type ReviewStatus } from '../../api/checkins';
import { useT } from '../../i18n/useT';
import { useSession } from '../../session/context';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { LoadMore } from '../../shared/LoadMore';
import { MetricTitle } from '../../shared/MetricTitle';
import { formatTime } from '../../shared/time';
import { useCursorList } from '../../shared/useCursorList';
import { useNotify } from '../../shared/useNotify';
import { CheckinPhotos, CheckinText, FlagTags, ReviewTag } from './CheckinParts';
import { MemberLink } from './display';
import { RejectModal } from './RejectModal';

type QueueStatus = Exclude<ReviewStatus, 'none'>;

export function ReviewQueue({ campaignId, showCampaign }: { campaignId?: number; showCampaign: boolean }) {
  const t = useT();
  const notify = useNotify();
  const { can } = useSession();
  const [status, setStatus] = useState<QueueStatus>('pending');
  const [version, setVersion] = useState(0);
  const [selected, setSelected] = useState<number[]>([]);
  const [rejecting, setRejecting] = useState<number[]>([]);
  const list = useCursorList((cursor) => checkinsApi.reviewQueue({ campaignId, status }, cursor), [campaignId, status, version]);
  const canReview = can('checkins.review');
  const actionable = canReview && status === 'pending';

  const done = (count: number, decision: ReviewDecision) => {
    notify.success(t(decision === 'approve' ? 'run.review.approved' : 'run.review.rejected', { count }));
    setSelected([]);
    setVersion((v) => v + 1);
  };
  const decide = async (ids: number[], decision: ReviewDecision, reason?: string) => {
    if (ids.length === 1) await checkinsApi.review(ids[0], decision, reason);
    else await checkinsApi.reviewMany(ids, decision, reason);
    done(ids.length, decision);
  };
  const approve = (ids: number[]) => void decide(ids, 'approve').catch(notify.error);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('run.review.help')} />
      <Space wrap>
        <Segmented<QueueStatus>
          value={status}
          onChange={(s) => { setStatus(s); setSelected([]); }}
          options={(['pending', 'approved', 'rejected'] as const).map((s) => ({ value: s, label: t(`run.review.status.${s}`) }))}
          data-testid="review-status"
        />
        {actionable && (
          <>
            <Typography.Text type="secondary">{t('run.selected', { count: selected.length })}</Typography.Text>
            <Button disabled={selected.length === 0} onClick={() => approve(selected)} data-testid="bulk-approve">{t('run.review.approveSelected')}</Button>
            <Button danger disabled={selected.length === 0} onClick={() => setRejecting(selected)} data-testid="bulk-reject">{t('run.review.rejectSelected')}</Button>
          </>
        )}
      </Space>
      <ErrorAlert error={list.error} />
      <Table<Checkin>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 1100 }}
        locale={{ emptyText: t(status === 'pending' ? 'run.review.empty' : 'common.empty') }}
        rowSelection={actionable ? { selectedRowKeys: selected, onChange: (keys) => setSelected((keys as number[]).slice(0, MAX_BULK_REVIEW)) } : undefined}
        data-testid="review-table"
        columns={[
          ...(showCampaign ? [{ title: t('run.campaign'), key: 'campaign', width: 100, render: (_: unknown, c: Checkin) => <Tooltip title={c.campaignName}><Link to={`/campaigns/${c.campaignId}?tab=review`}>{c.campaignKey}</Link></Tooltip> }] : []),
          { title: t('run.member'), key: 'member', width: 170, render: (_, c) => <MemberLink member={c.member} /> },
          { title: <MetricTitle title={t('run.day')} definition={t('run.dayHelp')} />, key: 'day', width: 160, render: (_, c) => t('run.dayValue', { day: c.dayIndex, date: c.date }) },
          { title: t('run.review.flags'), key: 'flags', width: 170, render: (_, c) => <FlagTags flags={c.flags} /> },
          { title: t('run.checkin.text'), dataIndex: 'text', render: (text: string) => <CheckinText text={text} lines={3} /> },
          { title: t('run.checkin.photos'), key: 'photos', width: 170, render: (_, c) => <CheckinPhotos checkin={c} /> },
          { title: <MetricTitle title={t('run.checkin.submittedAt')} definition={t('run.checkin.submittedHelp')} />, key: 'at', width: 150, render: (_, c) => <span>{formatTime(c.submittedAt)}{c.editCount > 0 && <Typography.Text type="secondary"> {t('run.checkin.edits', { count: c.editCount })}</Typography.Text>}</span> },
          { title: t('run.review.status'), key: 'status', width: 90, render: (_, c) => <ReviewTag checkin={c} /> },
          ...(actionable ? [{
            title: '',
            key: 'actions',
            width: 140,
            fixed: 'right' as const,
            render: (_: unknown, c: Checkin) => (
              <Space size={4}>
                <Button size="small" type="primary" ghost onClick={() => approve([c.id])} data-testid="approve-checkin">{t('run.review.approve')}</Button>
                <Button size="small" danger onClick={() => setRejecting([c.id])} data-testid="reject-checkin">{t('run.review.reject')}</Button>
              </Space>
            ),
          }] : []),
        ]}
      />
      <LoadMore list={list} definition={t('run.review.loadedHelp')} />
      <RejectModal
        count={rejecting.length}
        onClose={() => setRejecting([])}
        onSubmit={async (reason) => {
          await decide(rejecting, 'reject', reason);
          setRejecting([]);
        }}
      />
    </Space>
  );
}
