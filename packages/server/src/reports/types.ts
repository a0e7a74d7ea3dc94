// What every report is made of: the workspace it reads, its parameters (validated with zod at the edge, the same
// schema for HTTP and CLI), and a body that carries the definitions of its numbers.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../db/schema.js';
import type { Ratio } from '../http/schemas.js';

export interface ReportScope {
  db: Kysely<DB>;
  workspaceId: number;
  /** The workspace's IANA time zone: days in reports are its calendar days. */
  timezone: string;
  /** "Now" (services.clock), so tests can place it. */
  now: Date;
}

/** How one number is computed; keyed by the field it explains. */
export interface Definition {
  numerator: string;
  denominator: string | null;
  period: string;
}
export type Definitions = Record<string, Definition>;

/** What a report computes: its own fields (docs/api-reports.md) and the definitions of its numbers. */
export interface ReportResult {
  definitions: Definitions;
  [field: string]: unknown;
}

/** What the API and CLI return: the result, stamped. */
export interface ReportBody extends ReportResult {
  generated_at: string;
  timezone: string;
}

export interface Report<P extends z.ZodType = z.ZodType> {
  name: string;
  summary: string;
  /** Query parameters (snake_case, as in the URL and as --flags on the CLI). */
  params: P;
  run(scope: ReportScope, params: z.infer<P>): Promise<ReportResult>;
}

/** A ratio rounded to 4 decimals; null when there is nothing to divide by. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000;
}

/** The same ratio with its numerator and denominator, as the operations features return it (http/schemas `ratioOut`). */
export function ratioWithParts(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, value: ratio(numerator, denominator) };
}
