// Progress toward the refund (or completion when there is no deposit): 已打卡 12/15，还差 3 天, as a ring and in
// words, with the streak and the make-ups left.
import { Card, Progress, Typography } from 'antd';
import { useMt } from '../i18n';
import type { MemberHome } from '../types';

export function ProgressCard({ home }: { home: MemberHome }) {
  const t = useMt();
  const { progress: p, campaign } = home;
  const forRefund = campaign.depositCents > 0;
  const counted = forRefund ? p.countedForRefund : p.counted;
  const required = forRefund ? p.requiredForRefund : p.requiredForCompletion;
  const remaining = forRefund ? p.remaining : Math.max(0, required - counted);
  const percent = required > 0 ? Math.min(100, Math.round((counted / required) * 100)) : 100;
  return (
    <Card title={t('progress.title')} data-testid="progress-card">
      <div className="qm-progress">
        <Progress type="circle" size={88} percent={percent} status={remaining === 0 ? 'success' : 'normal'} format={() => `${counted}/${required}`} />
        <div className="qm-progress-text">
          <Typography.Text strong style={{ fontSize: 16 }} data-testid="progress-sentence">
            {remaining === 0 ? t('progress.reached', { counted, required }) : t('progress.sentence', { counted, required, remaining })}
          </Typography.Text>
          {forRefund && (
            <div><Typography.Text type="secondary" style={{ fontSize: 13 }}>{t('progress.refundHint', { required })}</Typography.Text></div>
          )}
        </div>
      </div>
      <div className="qm-stats">
        <Stat label={t('progress.streak')} value={t('progress.days', { n: p.streak })} testId="progress-streak" />
        <Stat label={t('progress.longest')} value={t('progress.days', { n: p.longestStreak })} />
        <Stat label={t('progress.makeupsLeft')} value={t('progress.times', { n: p.makeupsLeft })} />
      </div>
    </Card>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <div className="qm-stat-value" data-testid={testId}>{value}</div>
      <div className="qm-stat-label">{label}</div>
    </div>
  );
}
