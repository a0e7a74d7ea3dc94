// HTTP for the operations index: GET /reports/<name> for every report in the registry, and the settings.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../http/access.js';
import { commonErrors } from '../http/schemas.js';
import type { Services } from '../services.js';
import { REPORTS } from './registry.js';

const definition = z.object({ numerator: z.string(), denominator: z.string().nullable(), period: z.string() });
/** Every report body: its own fields (see docs/api-reports.md) plus these. */
const reportBody = z.looseObject({ definitions: z.record(z.string(), definition), generated_at: z.string(), timezone: z.string() });
const settings = z.strictObject({
  activityEvents: z.array(z.string().min(1).max(100)).max(200).nullable(),
});

export function reportRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];
  for (const report of REPORTS) {
    r.get(`/reports/${report.name}`, { schema: { tags, summary: report.summary, querystring: report.params, response: { 200: reportBody, ...commonErrors } } }, async (req) => {
      const ctx = access(req, 'reports.read');
      return services.reports.run(ctx, report, req.query);
    });
  }
  r.get('/reports/settings', { schema: { tags, summary: 'Which events count as activity', response: { 200: settings, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'reports.read');
    return services.reports.settings(ctx);
  });
  r.put('/reports/settings', { schema: { tags, summary: 'Choose which events count as activity (rebuilds the activity rollups)', body: settings, response: { 200: settings, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'reports.manage');
    return services.reports.updateSettings(ctx, req.body);
  });
}
