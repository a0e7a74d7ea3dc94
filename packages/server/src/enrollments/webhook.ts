// The payment notice POST /api/hooks/payments/<workspaceKey>: a provider (or a relay in front of it) signs the raw
// body with the workspace's secret (HMAC-SHA256); a known reference is a no-op so the provider may retry freely.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit/service.js';
import { scoped } from '../db/scoped.js';
import type { AccessContext } from '../http/access.js';
import { AppError, invalid } from '../http/errors.js';
import { commonErrors } from '../http/schemas.js';
import type { Services } from '../services.js';
import { exceedsDue, findPayer, SIGNATURE_HEADER } from './payments.js';
import * as q from './queries.js';
import { noticeResultOut, paymentNotice, type PaymentNotice } from './schema.js';

const MAX_NOTICE_BYTES = 64 * 1024;

const badSignature = () => new AppError(401, 'payment.signature', `Missing or wrong ${SIGNATURE_HEADER} (sha256=<hex HMAC-SHA256 of the raw body>)`);

/** `sha256=<hex>` compared in constant time with the HMAC of the raw body. */
export function signatureMatches(secret: string, raw: Buffer, header: string | undefined): boolean {
  const given = /^sha256=([0-9a-f]{64})$/i.exec(header ?? '');
  if (!given) return false;
  const expected = createHmac('sha256', secret).update(raw).digest();
  return timingSafeEqual(Buffer.from(given[1]!, 'hex'), expected);
}

function parseNotice(raw: Buffer): PaymentNotice {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    throw invalid('validation.failed', 'Invalid body: not JSON', { '(body)': 'must be a JSON object' });
  }
  const parsed = paymentNotice.safeParse(body);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') for (const key of issue.keys) fields[[...issue.path, key].join('.')] = 'unknown field';
      else fields[issue.path.join('.') || '(body)'] ??= issue.message;
    }
    throw invalid('validation.failed', `Invalid body: ${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('; ')}`, fields);
  }
  if ((parsed.data.memberNo === undefined) === (parsed.data.phone === undefined)) {
    throw invalid('validation.failed', 'Invalid body: give memberNo or phone (one of them)', { memberNo: 'give memberNo or phone, exactly one' });
  }
  return parsed.data;
}

/** Checks, then applies one notice. The signature is checked before the body is even parsed. */
export async function applyNotice(services: Services, workspaceKey: string, raw: Buffer, signature: string | undefined, requestId: string): Promise<{ status: 'applied' | 'duplicate' }> {
  const { db } = services.database;
  const workspace = await q.workspaceForNotice(db, workspaceKey);
  // An unknown workspace looks like a wrong signature: a notice sender learns nothing about which keys exist.
  if (!workspace?.payment_webhook_secret || !signatureMatches(workspace.payment_webhook_secret, raw, signature)) throw badSignature();
  const notice = parseNotice(raw);
  const ctx: AccessContext = {
    workspaceId: workspace.id, actor: { kind: 'system', id: null, name: 'payment-notice' }, staffId: null, role: null, permissions: new Set(), requestId,
  };
  const s = scoped(db, workspace.id);
  if (await q.paymentByReference(s, notice.reference)) return { status: 'duplicate' };
  const campaign = await q.campaignByKey(s, notice.campaignKey);
  if (!campaign) throw new AppError(404, 'campaign.not_found', `No campaign ${notice.campaignKey}`, { campaignKey: 'no such campaign' });
  const payer = await findPayer(services.members, ctx, notice.memberNo !== undefined ? { memberNo: notice.memberNo } : { phone: notice.phone! });
  if ('field' in payer) {
    throw payer.reason === 'no such member' ? new AppError(404, 'member.not_found', 'Member not found', { [payer.field]: payer.reason }) : invalid('validation.failed', payer.reason, { [payer.field]: payer.reason });
  }
  const paidAt = notice.paidAt ? new Date(notice.paidAt).toISOString() : services.clock.now().toISOString();
  const write = () => db.transaction().execute(async (tx) => {
    const enrollment = await q.enrollmentOf(scoped(tx, workspace.id), campaign.id, payer.memberId);
    if (!enrollment) throw new AppError(404, 'enrollment.not_found', `The member is not enrolled in ${campaign.key}`, { [notice.memberNo !== undefined ? 'memberNo' : 'phone']: `not enrolled in ${campaign.key}` });
    const result = await services.payments.applyIn(tx, ctx, enrollment, { amountCents: notice.amountCents, paidAt, reference: notice.reference, source: 'webhook' });
    if (result.status === 'exceeds') throw exceedsDue(result.dueLeftCents);
    if (result.status === 'applied') {
      await recordAudit(tx, ctx, { action: 'payment.notice', entity: 'enrollment', entityId: enrollment.id, memberId: enrollment.member_id, after: { reference: notice.reference, amountCents: notice.amountCents, paidAt } });
    }
    return { status: result.status };
  });
  try {
    return await write();
  } catch (error) {
    // A retry racing the first delivery: whichever lost on the unique reference is the duplicate.
    if (await q.paymentByReference(s, notice.reference)) return { status: 'duplicate' };
    throw error;
  }
}

/** The hook route, in its own plugin scope: only here is a JSON body kept raw (the signature covers its bytes). */
export async function paymentHookRoutes(app: FastifyInstance, services: Services): Promise<void> {
  await app.register(async (hooks) => {
    hooks.removeAllContentTypeParsers();
    hooks.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: MAX_NOTICE_BYTES }, (_req, body, done) => done(null, body));
    const r = hooks.withTypeProvider<ZodTypeProvider>();
    r.post('/api/hooks/payments/:workspaceKey', {
      schema: {
        tags: ['payments'], security: [],
        summary: `Payment notice from a provider: JSON {reference, campaignKey, memberNo | phone, amountCents, paidAt?}, header ${SIGNATURE_HEADER}: sha256=<hex HMAC-SHA256 of the raw body with the workspace's secret>. A known reference answers duplicate.`,
        params: z.strictObject({ workspaceKey: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'must be a workspace key') }),
        response: { 200: noticeResultOut, ...commonErrors },
      },
    }, async (req) => {
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const header = req.headers[SIGNATURE_HEADER];
      return applyNotice(services, req.params.workspaceKey, raw, typeof header === 'string' ? header : undefined, req.id);
    });
  });
}
