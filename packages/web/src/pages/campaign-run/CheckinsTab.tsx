// 打卡记录: a campaign's check-ins of one day (or all days), with text, photos, flags and review status.
import { useState } from 'react';
import { DatePicker, InputNumber, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Campaign } from '../../api/campaigns';
import { checkinsApi, type Checkin } from '../../api/checkins';
import { useT } from '../../i18n/useT';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { LoadMore } from '../../shared/LoadMore';
import { MetricTitle } from '../../shared/MetricTitle';
import { formatTime } from '../../shared/time';
import { useCursorList } from '../../shared/useCursorList';
import { CheckinPhotos, CheckinText, FlagTags, ReviewTag } from './CheckinParts';
import { dateOfDay, dayIndexOf, MemberLink, todayIn } from './display';

/** Today in the campaign's zone, kept inside the campaign's days. */
function defaultDay(c: Campaign): number {
  const day = dayIndexOf(todayIn(c.timezone), c.startsOn);
  return Math.min(Math.max(day, 1), c.rules.daysTotal);
}

export function CheckinsTab({ campaign }: { campaign: Campaign }) {
  const t = useT();
  const [day, setDay] = useState<number | null>(() => defaultDay(campaign));
  const [memberNo, setMemberNo] = useState<number | null>(null);
  const list = useCursorList(
    (cursor) => checkinsApi.list(campaign.id, { day: day ?? undefined, memberNo: memberNo ?? undefined }, cursor),
    [campaign.id, day, memberNo],
  );
  const lastDate = dateOfDay(campaign.rules.daysTotal, campaign.startsOn);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <DatePicker
          value={day ? dayjs(dateOfDay(day, campaign.startsOn)) : null}
          onChange={(d) => setDay(d ? dayIndexOf(d.format('YYYY-MM-DD'), campaign.startsOn) : null)}
          disabledDate={(d) => d.format('YYYY-MM-DD') < campaign.startsOn || d.format('YYYY-MM-DD') > lastDate}
          placeholder={t('run.checkins.allDays')}
          data-testid="checkins-day"
        />
        {day !== null && <Typography.Text type="secondary">{t('run.dayOf', { day, total: campaign.rules.daysTotal })}</Typography.Text>}
        <InputNumber<number>
          min={1}
          precision={0}
          placeholder={t('member.memberNo')}
          style={{ width: 160 }}
          value={memberNo}
          onChange={(v) => setMemberNo(v ?? null)}
        />
      </Space>
      <ErrorAlert error={list.error} />
      <Table<Checkin>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 1000 }}
        data-testid="checkins-table"
        columns={[
          { title: t('run.member'), key: 'member', width: 170, render: (_, c) => <MemberLink member={c.member} /> },
          {
            title: <MetricTitle title={t('run.day')} definition={t('run.dayHelp')} />,
            key: 'day',
            width: 150,
            render: (_, c) => <Space size={4}>{t('run.dayValue', { day: c.dayIndex, date: c.date })}{c.makeup && <Tag color="purple">{t('run.flag.makeup')}</Tag>}</Space>,
          },
          { title: t('run.checkin.text'), dataIndex: 'text', render: (text: string) => <CheckinText text={text} lines={2} /> },
          { title: t('run.checkin.photos'), key: 'photos', width: 170, render: (_, c) => <CheckinPhotos checkin={c} /> },
          { title: t('run.review.flags'), key: 'flags', width: 160, render: (_, c) => <FlagTags flags={c.flags} /> },
          { title: t('run.review.status'), key: 'status', width: 90, render: (_, c) => <ReviewTag checkin={c} /> },
          {
            title: <MetricTitle title={t('run.checkin.counts')} definition={t('run.checkin.countsHelp')} />,
            key: 'counts',
            width: 80,
            render: (_, c) => (c.counts ? <Tag color="success">{t('common.yes')}</Tag> : <Tag>{t('run.no')}</Tag>),
          },
          {
            title: <MetricTitle title={t('run.checkin.submittedAt')} definition={t('run.checkin.submittedHelp')} />,
            key: 'at',
            width: 150,
            render: (_, c) => <span>{formatTime(c.submittedAt)}{c.editCount > 0 && <Typography.Text type="secondary"> {t('run.checkin.edits', { count: c.editCount })}</Typography.Text>}</span>,
          },
        ]}
      />
      <LoadMore list={list} />
    </Space>
  );
}
