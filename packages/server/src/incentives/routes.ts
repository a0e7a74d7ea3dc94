// HTTP for staff incentives: rules, the points ledger, manual entries and reversals, leaderboards and balances.
// Everyone may read everyone's points (it is a leaderboard); only incentives.manage writes.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../http/access.js';
import { commonErrors, idParam } from '../http/schemas.js';
import type { Services } from '../services.js';
import { balancesOut, entryOut, leaderboardOut, leaderboardQuery, ledgerOut, ledgerQuery, manualBody, reverseBody, rulesBody, rulesOut } from './schema.js';

export function incentiveRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['incentives'];
  const { incentives } = services;

  r.get('/incentive-rules', { schema: { tags, summary: 'The rules that give points (the defaults for kinds the workspace never changed)', response: { 200: rulesOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'operations.read');
    return incentives.rules(ctx);
  });

  r.put('/incentive-rules', { schema: { tags, summary: 'Replace every rule at once (each kind once); applies to events from now on', body: rulesBody, response: { 200: rulesOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'incentives.manage');
    return incentives.setRules(ctx, req.body);
  });

  r.get('/points/ledger', { schema: { tags, summary: "Ledger entries, newest first (one staff member's with staffId; days from…to)", querystring: ledgerQuery, response: { 200: ledgerOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'operations.read');
    return incentives.ledger(ctx, req.query);
  });

  r.post('/points', { schema: { tags, summary: 'A manual award (points > 0) or penalty (points < 0) with its reason', body: manualBody, response: { 201: entryOut, ...commonErrors } } }, async (req, reply) => {
    const ctx = access(req, 'incentives.manage');
    return reply.status(201).send(await incentives.award(ctx, req.body));
  });

  r.post('/points/:id/reverse', { schema: { tags, summary: 'Correct an entry by a new opposite entry on the same day (once per entry)', params: idParam, body: reverseBody, response: { 201: entryOut, ...commonErrors } } }, async (req, reply) => {
    const ctx = access(req, 'incentives.manage');
    return reply.status(201).send(await incentives.reverse(ctx, req.params.id, req.body.reason));
  });

  r.get('/points/leaderboard', { schema: { tags, summary: 'Points per staff member over a week (Monday start) or a calendar month, ranked', querystring: leaderboardQuery, response: { 200: leaderboardOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'operations.read');
    return incentives.leaderboard(ctx, req.query);
  });

  r.get('/points/balances', { schema: { tags, summary: "Every staff member's points this week, this month and of all time", response: { 200: balancesOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'operations.read');
    return incentives.balances(ctx);
  });
}
