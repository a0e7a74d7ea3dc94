// 未打卡: who has not checked in on a day (enrolled, in a group, requirement not yet met), with the @ list and the
// 20:00 reminder text to paste into the group (domain_ops.md §3).
import { useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Row, Space, Statistic, Table, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import type { Campaign } from '../../api/campaigns';
import { checkinsApi, type Absentee } from '../../api/checkins';
import type { Translate } from '../../i18n/useT';
import { useT } from '../../i18n/useT';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { MetricTitle } from '../../shared/MetricTitle';
import { useLoad } from '../../shared/useLoad';
import { dateOfDay, MemberLink, useCopy } from './display';

/** "@明妈 @乐乐爸爸 " — what a group tool needs to mention everyone. */
export function mentionList(items: Absentee[]): string {
  return items.map((a) => `@${a.member.nickname} `).join('');
}

/** The reminder, one line per number of days still missing: "@A @B 今日打卡还未完成,加油!距离目标还差3天". */
export function reminderText(items: Absentee[], t: Translate): string {
  const byRemaining = new Map<number, Absentee[]>();
  for (const a of items) byRemaining.set(a.remaining, [...(byRemaining.get(a.remaining) ?? []), a]);
  return [...byRemaining.entries()]
    .sort(([a], [b]) => a - b)
    .map(([n, group]) => `${mentionList(group)}${t(n === 1 ? 'run.absentees.reminderLast' : 'run.absentees.reminder', { n })}`)
    .join('\n');
}

export function AbsenteesTab({ campaign }: { campaign: Campaign }) {
  const t = useT();
  const copy = useCopy();
  // No date: the server answers for today in the campaign's zone and says which date that is.
  const [date, setDate] = useState<string | undefined>(undefined);
  const absentees = useLoad(() => checkinsApi.absentees(campaign.id, date), [campaign.id, date]);
  const a = absentees.data;
  const lastDate = dateOfDay(campaign.rules.daysTotal, campaign.startsOn);
  const items = a?.items ?? [];
  const figure = (key: 'enrolled' | 'inGroup' | 'checkedIn' | 'absent', value: number | undefined) => (
    <Col xs={12} md={6}>
      <Statistic title={<MetricTitle title={t(`run.absentees.${key}`)} definition={t(`run.absentees.${key}Help`)} />} value={value ?? '—'} data-testid={`absentees-${key}`} />
    </Col>
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <DatePicker
          allowClear={false}
          value={a ? dayjs(a.date) : date ? dayjs(date) : null}
          onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))}
          disabledDate={(d) => d.format('YYYY-MM-DD') < campaign.startsOn || d.format('YYYY-MM-DD') > lastDate}
          data-testid="absentees-date"
        />
        {a && a.dayIndex >= 1 && a.dayIndex <= campaign.rules.daysTotal && <Typography.Text type="secondary">{t('run.dayOf', { day: a.dayIndex, total: campaign.rules.daysTotal })}</Typography.Text>}
      </Space>
      <ErrorAlert error={absentees.error} />
      {a && (a.dayIndex < 1 || a.dayIndex > campaign.rules.daysTotal) && <Alert type="info" showIcon title={t('run.absentees.outside')} />}
      {a && !a.groupKnown && <Alert type="warning" showIcon title={t('run.absentees.groupUnknown')} />}
      <Card size="small">
        <Row gutter={16}>
          {figure('enrolled', a?.counts.enrolled)}
          {figure('inGroup', a?.counts.inGroup)}
          {figure('checkedIn', a?.counts.checkedIn)}
          {figure('absent', a?.counts.absent)}
        </Row>
      </Card>
      <Space wrap>
        <Button icon={<CopyOutlined />} disabled={items.length === 0} onClick={() => void copy(mentionList(items), t('run.absentees.copied', { count: items.length }))} data-testid="copy-mentions">
          {t('run.absentees.copyMentions')}
        </Button>
        <Button icon={<CopyOutlined />} disabled={items.length === 0} onClick={() => void copy(reminderText(items, t), t('run.absentees.reminderCopied'))} data-testid="copy-reminder">
          {t('run.absentees.copyReminder')}
        </Button>
      </Space>
      {items.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="reminder-preview">
          {reminderText(items, t)}
        </Typography.Paragraph>
      )}
      <Table<Absentee>
        rowKey="enrollmentId"
        size="small"
        loading={absentees.loading}
        dataSource={items}
        pagination={{ pageSize: 100, hideOnSinglePage: true }}
        data-testid="absentees-table"
        locale={{ emptyText: t('run.absentees.none') }}
        columns={[
          { title: t('run.member'), key: 'member', render: (_, r) => <MemberLink member={r.member} /> },
          { title: t('run.enrollments.group'), key: 'group', render: (_, r) => (r.group ? <Link to={`/groups/${r.group.id}`}>{r.group.name}</Link> : '—') },
          { title: <MetricTitle title={t('run.enrollments.progress')} definition={t('run.enrollments.progressHelp')} />, key: 'progress', render: (_, r) => `${r.counted}/${r.required}` },
          { title: <MetricTitle title={t('run.absentees.remaining')} definition={t('run.absentees.remainingHelp')} />, dataIndex: 'remaining', render: (n: number) => <strong>{n}</strong> },
        ]}
      />
    </Space>
  );
}
