// API contract for tags in tag groups (标签组).
import { z } from 'zod';
import { text } from '../http/schemas.js';

const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1677ff');

export const tagOut = z.object({ id: z.number(), groupId: z.number(), name: z.string(), color: z.string() });
export type TagOut = z.infer<typeof tagOut>;

export const tagGroupOut = z.object({
  id: z.number(),
  name: z.string(),
  tags: z.array(tagOut.extend({ memberCount: z.number() })),
});

export const tagGroupBody = z.strictObject({ name: text(40) });
export const tagBody = z.strictObject({ groupId: z.number().int().positive(), name: text(40), color: color.optional() });
export const updateTagBody = z.strictObject({ name: text(40).optional(), color: color.optional() });
