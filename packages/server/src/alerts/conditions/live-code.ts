// live_code_exhausted (domain_ops.md §3.1): how many groups of a channel's live-code pool can take the next
// visitor, by the channels feature's routing rule. One instance per channel: `channel:<id>`; it may fire again
// after it was resolved, since a pool can run out again.
import { type Condition } from './types.js';

export const channelSubject = (channelId: number) => `channel:${channelId}`;

export function exhaustedMessage(channelName: string, usable: number, poolSize: number): string {
  if (poolSize === 0) return `渠道「${channelName}」的活码池里还没有群：访客只看到兜底文案，请把群加进群池`;
  if (usable === 0) {
    return `渠道「${channelName}」的活码没有可用的群（池中 ${poolSize} 个群都已满、关闭或二维码过期/缺失）：访客只看到兜底文案，请上传新群二维码或加群`;
  }
  return `渠道「${channelName}」的活码只剩 ${usable} 个可用群（池中共 ${poolSize} 个）：请及时补充新群`;
}

export const liveCodeExhausted: Condition = async ({ ctx, now, sources }) => ({
  findings: (await sources.channels.livePools(ctx, now)).map((c) => ({
    subject: channelSubject(c.id),
    measure: { value: c.usable },
    staffIds: [c.ownerStaffId],
    message: () => exhaustedMessage(c.name, c.usable, c.poolSize),
  })),
});
