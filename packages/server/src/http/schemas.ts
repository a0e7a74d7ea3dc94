// Zod pieces shared by every feature's API contract: pagination, ids, the error envelope.
import { z } from 'zod';

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().regex(/^\d{1,15}$/, 'must be a cursor returned by the previous page').optional(),
};

export const idParam = z.strictObject({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export function page<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** Error responses every authenticated route may give, for the OpenAPI document. */
export const commonErrors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
};

/** Non-empty trimmed text with a maximum length. */
export const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** A ratio as the API returns it: numerator and denominator, and their quotient (null when the denominator is 0). */
export const ratioOut = z.object({ numerator: z.number(), denominator: z.number(), value: z.number().nullable() });
export type Ratio = z.infer<typeof ratioOut>;
