// Where a channel's visitors go over a date range: visits and unique visitors in total and per day (bars drawn
// with plain CSS), visits that found no group, and per group how many were routed there and how many joined.
import { useState } from 'react';
import { Card, DatePicker, Empty, Space, Statistic, Table, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { channelsApi, type ChannelStats } from '../../api/channels';
import { useT, type Translate } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/zh-CN';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { MetricTitle } from '../../shared/MetricTitle';
import { useLoad } from '../../shared/useLoad';

const DAY = 'YYYY-MM-DD';
const CHART_HEIGHT = 140;

function DayBars({ days, t }: { days: ChannelStats['byDay']; t: Translate }) {
  const max = Math.max(1, ...days.map((d) => d.visits));
  if (days.every((d) => d.visits === 0)) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('channels.stats.noVisits')} />;
  return (
    <div data-testid="stats-day-bars">
      <div style={{ display: 'flex', alignItems: 'flex-end', gap: 2, height: CHART_HEIGHT, borderBottom: '1px solid #d9d9d9' }}>
        {days.map((d) => (
          <Tooltip key={d.date} title={t('channels.stats.dayTip', { date: d.date, visits: d.visits, unique: d.uniqueVisitors })}>
            <div style={{ flex: 1, minWidth: 4, height: '100%', display: 'flex', alignItems: 'flex-end', position: 'relative' }}>
              <div style={{ width: '100%', height: `${(d.visits / max) * 100}%`, background: '#bae0ff', borderRadius: '2px 2px 0 0' }} />
              <div
                style={{
                  position: 'absolute', left: '20%', right: '20%', bottom: 0,
                  height: `${(d.uniqueVisitors / max) * 100}%`, background: '#1677ff', borderRadius: '2px 2px 0 0',
                }}
              />
            </div>
          </Tooltip>
        ))}
      </div>
      <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 12, color: 'rgba(0,0,0,0.45)', marginTop: 4 }}>
        <span>{days[0]?.date}</span>
        <span>{t('channels.stats.visits')} ≤ {max}</span>
        <span>{days[days.length - 1]?.date}</span>
      </div>
    </div>
  );
}

export function ChannelStatsCard({ channelId, version }: { channelId: number; version: number }) {
  const t = useT();
  // Null until staff pick a period: "today" is the workspace's (the server's), not this browser's time zone.
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const period = range ? { from: range[0].format(DAY), to: range[1].format(DAY) } : null;
  const stats = useLoad(() => channelsApi.stats(channelId, period), [channelId, period?.from, period?.to, version]);
  const s = stats.data;
  const shown: [Dayjs, Dayjs] | null = range ?? (s ? [dayjs(s.from), dayjs(s.to)] : null);
  // The server's definitions are the source of truth; ours only stand in while they are missing.
  const def = (key: keyof ChannelStats['definitions'], fallback: MessageKey) => s?.definitions[key] ?? t(fallback);

  return (
    <Card
      title={t('channels.stats.title')}
      extra={
        <DatePicker.RangePicker
          allowClear={false}
          value={shown}
          onChange={(v) => { if (v?.[0] && v[1]) setRange([v[0], v[1]]); }}
          data-testid="stats-range"
        />
      }
      loading={stats.loading && !s}
      data-testid="channel-stats"
    >
      <ErrorAlert error={stats.error} />
      {s && (
        <Space direction="vertical" size={24} style={{ width: '100%' }}>
          <Space size={48} wrap>
            <Statistic title={<MetricTitle title={t('channels.stats.visits')} definition={def('visits', 'channels.stats.visitsHelp')} />} value={s.visits} />
            <Statistic
              title={<MetricTitle title={t('channels.stats.uniqueVisitors')} definition={def('uniqueVisitors', 'channels.stats.uniqueVisitorsHelp')} />}
              value={s.uniqueVisitors}
            />
            <Statistic
              title={<MetricTitle title={t('channels.stats.exhaustedVisits')} definition={def('exhaustedVisits', 'channels.stats.exhaustedVisitsHelp')} />}
              value={s.exhaustedVisits}
              styles={s.exhaustedVisits > 0 ? { content: { color: '#cf1322' } } : undefined}
            />
          </Space>
          <div>
            <Typography.Title level={5}>
              <MetricTitle title={t('channels.stats.byDay')} definition={t('channels.stats.byDayHelp')} />
            </Typography.Title>
            <DayBars days={s.byDay} t={t} />
          </div>
          <div>
            <Typography.Title level={5}>{t('channels.stats.byGroup')}</Typography.Title>
            <Table<ChannelStats['byGroup'][number]>
              rowKey="groupId"
              size="small"
              pagination={false}
              dataSource={s.byGroup}
              data-testid="stats-by-group"
              columns={[
                { title: t('channels.pool.group'), dataIndex: 'name', render: (name: string, g) => <Link to={`/groups/${g.groupId}`}>{name}</Link> },
                {
                  title: <MetricTitle title={t('channels.stats.routed')} definition={def('routed', 'channels.stats.routedHelp')} />,
                  dataIndex: 'routed', align: 'right', width: 160,
                },
                {
                  title: <MetricTitle title={t('channels.stats.joins')} definition={def('joins', 'channels.stats.joinsHelp')} />,
                  dataIndex: 'joins', align: 'right', width: 160,
                },
              ]}
            />
          </div>
        </Space>
      )}
    </Card>
  );
}
