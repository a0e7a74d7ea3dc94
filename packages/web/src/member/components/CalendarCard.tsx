// The campaign's days as a 7-column grid, each with its state; a missed day that can still be made up opens the
// make-up (补卡) form.
import { useState } from 'react';
import { Card, Modal, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, ClockCircleOutlined, EditOutlined } from '@ant-design/icons';
import { monthDay, shortDate } from '../format';
import { useMemberLang, useMt } from '../i18n';
import type { CalendarDay, DayState, MemberHome } from '../types';
import { CheckinForm } from './CheckinForm';

const MARKS: Partial<Record<DayState, React.ReactNode>> = {
  done: <CheckOutlined />,
  makeup: <EditOutlined />,
  pending: <ClockCircleOutlined />,
  rejected: <CloseOutlined />,
};

const LEGEND: DayState[] = ['done', 'makeup', 'pending', 'rejected', 'missed', 'today', 'future'];
const SWATCH: Record<DayState, string> = {
  done: '#e8f7ee', makeup: '#e6f0ff', pending: '#fff6e0', rejected: '#fdeaea', missed: '#f3c1bd', today: '#1677ff', future: '#f2f3f5',
};

export function CalendarCard({ home, onSaved }: { home: MemberHome; onSaved: () => void }) {
  const t = useMt();
  const { lang } = useMemberLang();
  const [makeupDay, setMakeupDay] = useState<CalendarDay | null>(null);
  return (
    <Card title={t('calendar.title')} data-testid="calendar-card">
      <div className="qm-calendar">
        {home.calendar.map((day) => {
          const label = t('calendar.dayCell', { day: day.dayIndex, date: shortDate(lang, day.date), state: t(`calendar.state.${day.state}`) });
          const canMakeup = day.state === 'missed' && day.makeupPossible;
          return (
            <button
              key={day.dayIndex} type="button" aria-label={canMakeup ? `${label}, ${t('calendar.makeup')}` : label}
              className={`qm-day ${day.state}${canMakeup ? ' can-makeup' : ''}`} disabled={!canMakeup}
              onClick={() => setMakeupDay(day)} data-testid={`calendar-day-${day.dayIndex}`} data-state={day.state}
            >
              <span className="qm-day-index">{day.dayIndex}</span>
              <span className="qm-day-mark">{canMakeup ? t('calendar.makeup') : MARKS[day.state] ?? monthDay(day.date)}</span>
            </button>
          );
        })}
      </div>
      <div className="qm-legend">
        {LEGEND.map((state) => (
          <span key={state}><i style={{ background: SWATCH[state] }} />{t(`calendar.state.${state}`)}</span>
        ))}
      </div>
      <Modal
        open={makeupDay !== null} onCancel={() => setMakeupDay(null)} footer={null} destroyOnHidden
        title={makeupDay ? t('makeup.title', { day: makeupDay.dayIndex, date: shortDate(lang, makeupDay.date) }) : ''}
        width="min(520px, calc(100vw - 24px))" style={{ top: 24 }}
      >
        {makeupDay && (
          <>
            {home.campaign.rules.makeup?.needsApproval && (
              <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{t('makeup.needsApproval')}</Typography.Paragraph>
            )}
            <CheckinForm
              campaignKey={home.campaign.key} day={makeupDay.dayIndex} existing={null}
              onSaved={() => { setMakeupDay(null); onSaved(); }}
            />
          </>
        )}
      </Modal>
    </Card>
  );
}
