// The condition of each alert kind.
import type { AlertKind } from '../rules.js';
import { checkinRate } from './checkin-rate.js';
import { goalBehind } from './goal-behind.js';
import { groupLeaveRate } from './group-leave-rate.js';
import { liveCodeExhausted } from './live-code.js';
import { qrExpiring } from './qr-expiring.js';
import type { Condition } from './types.js';

export const CONDITIONS: Record<AlertKind, Condition> = {
  group_leave_rate_7d: groupLeaveRate,
  checkin_rate_day: checkinRate,
  goal_behind: goalBehind,
  group_qr_expiring: qrExpiring,
  live_code_exhausted: liveCodeExhausted,
};
