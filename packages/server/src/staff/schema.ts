// API contract for staff accounts and teams (小组).
import { z } from 'zod';
import { ROLES } from '../auth/permissions.js';
import { text } from '../http/schemas.js';

export const role = z.enum(ROLES);
const username = z.string().trim().regex(/^[a-zA-Z0-9_.-]{2,40}$/, 'use 2–40 letters, digits, _ . -');
const password = z.string().min(8, 'must be at least 8 characters').max(200, 'must be at most 200 characters');

export const staffOut = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role,
  teamId: z.number().nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type StaffOut = z.infer<typeof staffOut>;

export const createStaffBody = z.strictObject({
  username,
  displayName: text(60),
  password,
  role,
  teamId: z.number().int().positive().nullable().optional(),
});

export const updateStaffBody = z.strictObject({
  displayName: text(60).optional(),
  role: role.optional(),
  teamId: z.number().int().positive().nullable().optional(),
  disabled: z.boolean().optional(),
  password: password.optional(),
});

export const teamOut = z.object({
  id: z.number(),
  name: z.string(),
  leadStaffId: z.number().nullable(),
  memberCount: z.number(),
  createdAt: z.string(),
});

export const teamBody = z.strictObject({
  name: text(60),
  leadStaffId: z.number().int().positive().nullable().optional(),
});
export const updateTeamBody = teamBody.partial();
