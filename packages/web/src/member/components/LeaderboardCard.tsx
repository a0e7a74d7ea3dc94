// The leaderboard of the campaign: who checked in today (earliest first), this week, and overall.
import { useState } from 'react';
import { Card, Empty, Segmented, Skeleton, Typography } from 'antd';
import { useLoad } from '../../shared/useLoad';
import { memberApi } from '../api';
import { clockTime } from '../format';
import { useMemberLang, useMt } from '../i18n';
import type { LeaderboardPeriod } from '../types';

export function LeaderboardCard({ campaignKey, timezone, memberNo, version, running }: { campaignKey: string; timezone: string; memberNo: number; version: number; running: boolean }) {
  const t = useMt();
  const { lang } = useMemberLang();
  const [period, setPeriod] = useState<LeaderboardPeriod>(running ? 'today' : 'total');
  const { data, error, loading } = useLoad(() => memberApi.leaderboard(campaignKey, period), [campaignKey, period, version]);
  return (
    <Card title={t('leaderboard.title')} data-testid="leaderboard-card">
      <Segmented<LeaderboardPeriod>
        block value={period} onChange={setPeriod} style={{ marginBottom: 8 }} data-testid="leaderboard-period"
        options={[
          { value: 'today', label: t('leaderboard.today') },
          { value: 'week', label: t('leaderboard.week') },
          { value: 'total', label: t('leaderboard.total') },
        ]}
      />
      {error ? (
        <Typography.Text type="danger">{error instanceof Error ? error.message : String(error)}</Typography.Text>
      ) : !data || (loading && data.period !== period) ? (
        <Skeleton active paragraph={{ rows: 3 }} title={false} />
      ) : (
        <>
          <Typography.Paragraph strong style={{ margin: '4px 0' }} data-testid="leaderboard-me">
            {!data.me ? t('leaderboard.meNone') : data.period === 'today' ? t('leaderboard.meToday', { rank: data.me.rank }) : t('leaderboard.me', { rank: data.me.rank, count: data.me.count })}
          </Typography.Paragraph>
          {data.items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('leaderboard.empty')} />
          ) : (
            <div data-testid="leaderboard-list">
              {data.items.map((row) => (
                <div className="qm-rank" key={row.memberNo} style={row.memberNo === memberNo ? { background: '#f0f7ff' } : undefined}>
                  <span className="qm-rank-no">{row.rank}</span>
                  <span className="qm-rank-name">{row.nickname}</span>
                  <span className="qm-rank-count">
                    {period === 'today' && row.at
                      ? t('leaderboard.at', { time: clockTime(lang, row.at, timezone) })
                      : t('leaderboard.count', { n: row.count })}
                    {period !== 'today' && row.streak > 1 && (
                      <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{t('leaderboard.streak', { n: row.streak })}</div>
                    )}
                  </span>
                </div>
              ))}
            </div>
          )}
        </>
      )}
    </Card>
  );
}
