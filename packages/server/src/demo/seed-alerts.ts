// Demo alerts: the default rules, and one evaluation at the demo's now, so the inbox holds the alerts the demo's
// own data raises (live codes, QR expiries, check-in rates, new groups' leave rates, goals), none typed in.
import QRCode from 'qrcode';
import { checkImage } from '../groups/qr-image.js';
import type { AccessContext } from '../http/access.js';
import type { Services } from '../services.js';
import type { SeededRandom } from './random.js';

const HOUR = 3_600_000;

export async function seedAlerts(services: Services, ctx: AccessContext, _rng: SeededRandom, now: Date): Promise<Record<string, number>> {
  // The reading camp's group QR was saved from WeChat with its printed validity: it stops working tomorrow. (The
  // group service checks expiries against the real clock, hence Date.now.)
  const [reading] = (await services.groups.list(ctx, { q: 'Y2 共读1群', limit: 1 })).items;
  if (reading) {
    const png = await QRCode.toBuffer(`群运演示：${reading.name} 的群二维码（示例，非真实微信群）`, { width: 360, margin: 2 });
    await services.groups.setQr(ctx, reading.id, png, checkImage(png), new Date(Date.now() + 20 * HOUR).toISOString());
  }
  const { items } = await services.alerts.rules(ctx);
  const summary = await services.alerts.evaluate(ctx, services, now);
  if (summary.failed.length > 0) throw new Error(`demo alerts: ${summary.failed.map((f) => `${f.kind}: ${f.error}`).join('; ')}`);
  return { alertRules: items.length, alerts: summary.raised };
}
