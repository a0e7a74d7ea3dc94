// The channel's side of the live_code_exhausted alert: raised where a visit (or a signup) finds no group left in
// the pool, at the level of the workspace's rules; the scheduled evaluation (src/alerts/) raises and clears it too.
import { channelSubject, exhaustedMessage } from '../alerts/conditions/live-code.js';
import { raiseCondition, rulesInForce } from '../alerts/raise.js';
import { strongestMatch } from '../alerts/rules.js';
import type { Scoped } from '../db/scoped.js';

/**
 * Raises the exhausted-pool alert for the channel's owner unless one is still open, in the visit's transaction.
 * Two visitors at once insert one alert: the unique index on open alerts refuses the second.
 */
export async function raiseExhausted(s: Scoped, channel: { id: number; name: string; owner_staff_id: number | null }, poolSize: number): Promise<void> {
  const rule = strongestMatch(await rulesInForce(s, 'live_code_exhausted'), 'live_code_exhausted', { value: 0 });
  if (!rule) return;
  await raiseCondition(s, 'live_code_exhausted', {
    kind: 'live_code_exhausted', level: rule.level, ruleId: rule.id, subject: channelSubject(channel.id), staffId: channel.owner_staff_id,
    message: exhaustedMessage(channel.name, 0, poolSize),
  });
}
