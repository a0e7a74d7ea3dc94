// 排行榜: today (who checked in, earliest first), the last 7 campaign days, or the whole campaign — the same board
// members see, with links to each member's profile.
import { useState } from 'react';
import { Segmented, Space, Table, Typography } from 'antd';
import type { Campaign } from '../../api/campaigns';
import { checkinsApi, LEADERBOARD_PERIODS, type LeaderboardPeriod, type LeaderboardRow } from '../../api/checkins';
import { useT } from '../../i18n/useT';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { MetricTitle } from '../../shared/MetricTitle';
import { formatTime } from '../../shared/time';
import { useLoad } from '../../shared/useLoad';
import { MemberLink } from './display';

export function LeaderboardTab({ campaign }: { campaign: Campaign }) {
  const t = useT();
  const [period, setPeriod] = useState<LeaderboardPeriod>('total');
  const board = useLoad(() => checkinsApi.leaderboard(campaign.id, period), [campaign.id, period]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space>
        <Segmented<LeaderboardPeriod>
          value={period}
          onChange={setPeriod}
          options={LEADERBOARD_PERIODS.map((p) => ({ value: p, label: t(`run.leaderboard.${p}`) }))}
          data-testid="leaderboard-period"
        />
        <Typography.Text type="secondary">{t(`run.leaderboard.${period}Help`)}</Typography.Text>
      </Space>
      <ErrorAlert error={board.error} />
      <Table<LeaderboardRow>
        rowKey="memberNo"
        size="small"
        loading={board.loading}
        dataSource={board.data?.items ?? []}
        pagination={false}
        data-testid="leaderboard-table"
        columns={[
          { title: <MetricTitle title={t('run.leaderboard.rank')} definition={t(`run.leaderboard.${period}Help`)} />, dataIndex: 'rank', width: 80 },
          { title: t('run.member'), key: 'member', render: (_, r) => <MemberLink member={r} /> },
          { title: <MetricTitle title={t('run.leaderboard.count')} definition={t('run.leaderboard.countHelp')} />, dataIndex: 'count', width: 120 },
          { title: <MetricTitle title={t('run.leaderboard.streak')} definition={t('run.leaderboard.streakHelp')} />, dataIndex: 'streak', width: 120 },
          ...(period === 'today' ? [{ title: t('run.leaderboard.at'), dataIndex: 'at', width: 160, render: (at: string | null) => formatTime(at) }] : []),
        ]}
      />
    </Space>
  );
}
