// The member home of one campaign (GET /api/m/campaigns/{key}): the campaign, the enrollment and its payment, the
// assigned group, today's check-in, progress, the calendar of every campaign day and the settlement so far.
import { deriveStatus } from '../campaigns/service.js';
import { addDays, campaignDay, localDate, parseStoredRules } from '../campaigns/rules.js';
import type { Scoped } from '../db/scoped.js';
import type { MemberContext } from '../member-session/service.js';
import { factsOf, toMemberCheckin } from './out.js';
import { counts, progressOf, settlementClass } from './progress.js';
import * as q from './queries.js';
import { enrollmentNotFound, type MemberHome } from './schema.js';

function paymentStatus(dueCents: number, paidCents: number): MemberHome['enrollment']['paymentStatus'] {
  if (dueCents === 0) return 'free';
  if (paidCents >= dueCents) return 'paid';
  return paidCents > 0 ? 'partial' : 'unpaid';
}

export async function memberHome(s: Scoped, member: MemberContext, key: string, now: Date): Promise<MemberHome> {
  const row = await q.homeByKey(s, member.memberId, key);
  if (!row) throw enrollmentNotFound();
  const rules = parseStoredRules(row.rules);
  const campaign = { startsOn: row.starts_on, endsOn: row.ends_on, timezone: row.timezone, rules };
  const today = campaignDay(campaign, now);
  const rows = await q.checkinsOfEnrollment(s, row.enrollment_id);
  const facts = rows.map(factsOf);
  const progress = progressOf(facts, rules, today.dayIndex);
  const todayRow = rows.find((r) => r.day_index === today.dayIndex) ?? null;
  const todayPhotos = todayRow ? await q.photosOf(s, [todayRow.id]) : [];
  const { status } = deriveStatus({
    startsOn: row.starts_on, endsOn: row.ends_on, timezone: row.timezone, signupOpensAt: row.signup_opens_at,
    signupClosesAt: row.signup_closes_at, archivedAt: row.archived_at,
  }, now);

  const active = row.status === 'active';
  // The same order of reasons as a check-in's refusals (service.ts plan()).
  const reason = !active ? 'cancelled' : row.archived_at !== null ? 'ended' : today.dayIndex < 1 ? 'not_started'
    : today.dayIndex > rules.daysTotal ? 'ended' : null;
  const byDay = new Map(rows.map((r, i) => [r.day_index, { row: r, facts: facts[i]! }]));
  const policy = rules.makeup;
  const calendar: MemberHome['calendar'] = [];
  for (let d = 1; d <= rules.daysTotal; d++) {
    const c = byDay.get(d);
    let state: MemberHome['calendar'][number]['state'];
    if (c) {
      if (c.row.review_status === 'rejected') state = 'rejected';
      else if (c.facts.makeup) state = counts(c.facts, rules) ? 'makeup' : 'pending';
      else state = 'done';
    } else {
      state = d < today.dayIndex ? 'missed' : d === today.dayIndex ? 'today' : 'future';
    }
    const makeupPossible = !c && active && row.archived_at === null && policy.allowed && d < today.dayIndex
      && today.dayIndex - d <= policy.windowDays && progress.makeupsLeft > 0;
    calendar.push({ dayIndex: d, date: addDays(row.starts_on, d - 1), state, makeupPossible });
  }

  const settlementOpen = localDate(now, row.timezone) > row.ends_on;
  return {
    campaign: {
      key: row.key, name: row.name, theme: row.theme, startsOn: row.starts_on, endsOn: row.ends_on, timezone: row.timezone,
      priceCents: row.price_cents, depositCents: row.deposit_cents, status, rules,
    },
    member: { memberNo: member.memberNo, nickname: member.nickname },
    enrollment: {
      id: row.enrollment_id, status: row.status, amountDueCents: row.amount_due_cents, paidCents: row.paid_cents,
      paymentStatus: paymentStatus(row.amount_due_cents, row.paid_cents), createdAt: row.created_at,
    },
    group: row.group_name !== null ? { name: row.group_name, qrUrl: `/api/m/campaigns/${row.key}/group-qr`, qrExpiresAt: row.qr_expires_at } : null,
    groupMessage: row.group_name === null ? (row.fallback_message || null) : null,
    today: {
      dayIndex: today.dayIndex, date: today.date, inWindow: today.inWindow,
      checkin: todayRow ? toMemberCheckin(todayRow, todayPhotos.map((p) => p.id)) : null,
      canCheckIn: reason === null, reason,
    },
    progress,
    calendar,
    settlement: {
      // Before staff decide, the member sees the class the rule gives (the same function settlement uses).
      class: row.settlement_class ?? (settlementOpen ? settlementClass(progress.countedForRefund, rules).class : null),
      decision: row.settlement_decision, refundCents: row.refund_cents, refundedAt: row.refunded_at,
      open: settlementOpen,
    },
  };
}
