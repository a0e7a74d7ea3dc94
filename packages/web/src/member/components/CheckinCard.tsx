// Today's check-in: the form while the day is open; once done, what was sent with "已打卡，可修改" and a way to edit;
// or why checking in is not possible.
import { useState } from 'react';
import { Alert, Button, Card, Space, Tag, Typography } from 'antd';
import { CheckCircleFilled, EditOutlined } from '@ant-design/icons';
import { clockTime, shortDate } from '../format';
import { useMemberLang, useMt } from '../i18n';
import type { MemberCheckin, MemberHome } from '../types';
import { CheckinForm } from './CheckinForm';

export function CheckinCard({ home, onSaved }: { home: MemberHome; onSaved: () => void }) {
  const t = useMt();
  const { lang } = useMemberLang();
  const { today, campaign } = home;
  const { checkin } = today;
  const [editing, setEditing] = useState(false);
  const inCampaign = today.dayIndex >= 1 && today.dayIndex <= campaign.rules.daysTotal;
  return (
    <Card
      title={t('checkin.title')}
      extra={inCampaign ? <Typography.Text type="secondary" style={{ fontSize: 13 }}>{t('checkin.dayLabel', { day: today.dayIndex, date: shortDate(lang, today.date) })}</Typography.Text> : undefined}
      data-testid="checkin-card"
    >
      {!today.canCheckIn ? (
        <Alert type="info" showIcon data-testid="checkin-closed"
          title={today.reason ? t(`checkin.reason.${today.reason}`, { date: shortDate(lang, campaign.startsOn) }) : t('checkin.reason.ended')} />
      ) : checkin && !editing ? (
        <CheckinSummary checkin={checkin} timezone={campaign.timezone} onEdit={() => setEditing(true)} />
      ) : (
        <>
          {checkin && <CheckinStatus checkin={checkin} />}
          {!today.inWindow && (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }}
              title={t('checkin.outOfWindow', { start: campaign.rules.dayWindow.start, end: campaign.rules.dayWindow.end })} />
          )}
          {campaign.rules.requirePhoto && !checkin && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{t('checkin.photoRequiredHint')}</Typography.Paragraph>
          )}
          <CheckinForm
            key={`${today.date}:${checkin?.id ?? 'new'}`} campaignKey={campaign.key} existing={checkin}
            onSaved={() => { setEditing(false); onSaved(); }}
          />
          {editing && <Button type="link" block onClick={() => setEditing(false)} style={{ marginTop: 4 }}>{t('common.cancel')}</Button>}
        </>
      )}
    </Card>
  );
}

function CheckinSummary({ checkin, timezone, onEdit }: { checkin: MemberCheckin; timezone: string; onEdit: () => void }) {
  const t = useMt();
  const { lang } = useMemberLang();
  return (
    <div data-testid="checkin-summary">
      <CheckinStatus checkin={checkin} />
      {checkin.text && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="checkin-saved-text">{checkin.text}</Typography.Paragraph>}
      {checkin.photos.length > 0 && (
        <div className="qm-photos" style={{ marginBottom: 12 }} data-testid="checkin-saved-photos">
          {checkin.photos.map((photo) => <div className="qm-photo" key={photo.id}><img src={photo.url} alt="" /></div>)}
        </div>
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('checkin.submittedAt', { time: clockTime(lang, checkin.updatedAt, timezone) })}
      </Typography.Paragraph>
      <Button size="large" block icon={<EditOutlined />} onClick={onEdit} data-testid="checkin-edit">{t('checkin.edit')}</Button>
    </div>
  );
}

function CheckinStatus({ checkin }: { checkin: MemberCheckin }) {
  const t = useMt();
  return (
    <Space wrap size={[6, 6]} style={{ marginBottom: 12 }} data-testid="checkin-done">
      <Typography.Text strong style={{ color: '#237a3b' }}><CheckCircleFilled /> {t('checkin.done')}</Typography.Text>
      {checkin.flags.filter((f) => f !== 'edited').map((flag) => <Tag key={flag} color="orange">{t(`checkin.flag.${flag}`)}</Tag>)}
      {checkin.reviewStatus !== 'none' && (
        <Tag color={checkin.reviewStatus === 'rejected' ? 'red' : checkin.reviewStatus === 'approved' ? 'green' : 'gold'}>
          {t(`checkin.review.${checkin.reviewStatus}`)}
        </Tag>
      )}
      {checkin.reviewStatus === 'rejected' && checkin.reviewReason && (
        <Typography.Text type="danger" style={{ fontSize: 13 }}>{checkin.reviewReason}</Typography.Text>
      )}
    </Space>
  );
}
