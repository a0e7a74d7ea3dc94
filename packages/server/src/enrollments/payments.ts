// Payments recorded against enrollments (not processed: the money moves elsewhere). One row per payment; the
// enrollment's paid total changes in the same transaction; a known reference is a no-op, so a file or a notice may
// be sent twice. The notice secret that signs payment notices (webhook.ts) is created and rotated here.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/service.js';
import type { Clock } from '../clock.js';
import { scoped, type Executor } from '../db/scoped.js';
import type { DB } from '../db/schema.js';
import type { AccessContext } from '../http/access.js';
import { AppError, invalid, isUniqueViolation } from '../http/errors.js';
import type { MemberService } from '../members/service.js';
import { toPaymentOut } from './out.js';
import * as q from './queries.js';
import type { PaymentInput, PaymentOut } from './schema.js';
import { enrollmentNotFound, type EnrollmentService } from './service.js';

export const SIGNATURE_HEADER = 'x-qunyun-signature';

export interface PaymentFacts {
  amountCents: number;
  /** ISO UTC. */
  paidAt: string;
  reference: string | null;
  source: 'manual' | 'csv' | 'webhook';
}

export type Applied = { status: 'applied' | 'duplicate'; payment: q.PaymentRow } | { status: 'exceeds'; dueLeftCents: number };

export const exceedsDue = (dueLeftCents: number) =>
  invalid('payment.exceeds_due', `The payment is more than what is still due (${dueLeftCents} cents)`, { amountCents: `at most ${dueLeftCents} (still due)` });

/** Who paid, as a file row or a notice names them: a member number (merged: the survivor) or a phone. */
export type Payer = { memberNo: number } | { phone: string };

/** The member id behind a payer, or why there is none (the field to name and the reason). */
export async function findPayer(members: MemberService, ctx: AccessContext, payer: Payer): Promise<{ memberId: number } | { field: string; reason: string }> {
  try {
    if ('memberNo' in payer) return { memberId: (await members.resolve(scoped(members.db, ctx.workspaceId), payer.memberNo)).row.id };
    return { memberId: (await members.getByIdentity(ctx, 'phone', payer.phone)).id };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const field = 'memberNo' in payer ? 'memberNo' : 'phone';
    return { field, reason: error.status === 404 ? 'no such member' : error.fields?.value ?? error.message };
  }
}

export class PaymentService {
  constructor(private readonly db: Kysely<DB>, private readonly clock: Clock, private readonly enrollments: EnrollmentService) {}

  /**
   * Applies one payment inside the caller's transaction: a known reference is a duplicate (nothing changes);
   * otherwise the enrollment's total grows unless it would pass the amount due.
   */
  async applyIn(tx: Executor, ctx: AccessContext, enrollment: q.EnrollmentRow, facts: PaymentFacts): Promise<Applied> {
    const s = scoped(tx, ctx.workspaceId);
    if (facts.reference !== null) {
      const known = await q.paymentByReference(s, facts.reference);
      if (known) return { status: 'duplicate', payment: known };
    }
    const at = this.clock.now().toISOString();
    if (!(await q.addPaid(s, enrollment.id, facts.amountCents, facts.paidAt, at))) {
      const current = (await q.findEnrollment(s, enrollment.id))!;
      return { status: 'exceeds', dueLeftCents: current.amount_due_cents - current.paid_cents };
    }
    const payment = await q.insertPayment(tx, {
      workspace_id: ctx.workspaceId, enrollment_id: enrollment.id, amount_cents: facts.amountCents, paid_at: facts.paidAt,
      reference: facts.reference, source: facts.source, recorded_by: ctx.staffId, created_at: at,
    });
    return { status: 'applied', payment };
  }

  /** Staff record one payment (cash, a transfer seen in the bank app). */
  async record(ctx: AccessContext, enrollmentId: number, input: PaymentInput) {
    const facts: PaymentFacts = {
      amountCents: input.amountCents, paidAt: input.paidAt ? new Date(input.paidAt).toISOString() : this.clock.now().toISOString(),
      reference: input.reference ?? null, source: 'manual',
    };
    const write = () => this.db.transaction().execute(async (tx) => {
      const enrollment = await q.findEnrollment(scoped(tx, ctx.workspaceId), enrollmentId);
      if (!enrollment) throw enrollmentNotFound();
      const result = await this.applyIn(tx, ctx, enrollment, facts);
      if (result.status === 'exceeds') throw exceedsDue(result.dueLeftCents);
      const after = await this.enrollments.get(ctx, enrollmentId, tx);
      const payment: PaymentOut = toPaymentOut(result.payment);
      if (result.status === 'applied') {
        await recordAudit(tx, ctx, { action: 'payment.record', entity: 'enrollment', entityId: enrollmentId, memberId: enrollment.member_id, after: { payment, paidCents: after.paidCents } });
      }
      return { status: result.status, payment, enrollment: after };
    });
    // The same reference sent twice at once: the loser's unique violation becomes the duplicate it is.
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) return write();
      throw error;
    }
  }

  /** Creates or replaces the secret that signs payment notices; the old one stops working at once. */
  async rotateSecret(ctx: AccessContext): Promise<{ secret: string; url: string; header: string }> {
    const secret = randomBytes(32).toString('base64url');
    return this.db.transaction().execute(async (tx) => {
      const key = await q.setNoticeSecret(tx, ctx.workspaceId, secret);
      // The secret itself is never written to the log.
      await recordAudit(tx, ctx, { action: 'payment.webhook_secret_rotate', entity: 'workspace', entityId: ctx.workspaceId });
      return { secret, url: `/api/hooks/payments/${key}`, header: SIGNATURE_HEADER };
    });
  }
}
