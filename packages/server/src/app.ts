// Builds the Fastify app from the feature modules: plugins, error envelope, auth, routes, docs, console files.
// No business logic here.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { alertRoutes } from './alerts/routes.js';
import { auditRoutes } from './audit/routes.js';
import { briefingRoutes } from './briefings/routes.js';
import { installAuthHook } from './auth/hook.js';
import { authRoutes } from './auth/routes.js';
import { campaignRoutes } from './campaigns/routes.js';
import { channelPublicRoutes } from './channels/public-routes.js';
import { channelRoutes } from './channels/routes.js';
import { memberCheckinRoutes } from './checkins/member-routes.js';
import { checkinRoutes } from './checkins/routes.js';
import type { Config } from './config.js';
import { memberEnrollmentRoutes } from './enrollments/member-routes.js';
import { enrollmentRoutes } from './enrollments/routes.js';
import { paymentHookRoutes } from './enrollments/webhook.js';
import { eventRoutes } from './events/routes.js';
import { goalRoutes } from './goals/routes.js';
import { groupRoutes } from './groups/routes.js';
import { incentiveRoutes } from './incentives/routes.js';
import { installErrorHandler } from './http/error-handler.js';
import { installNulGuard } from './http/nul-guard.js';
import { memberRoutes } from './members/routes.js';
import { installMemberHook } from './member-session/hook.js';
import { metaRoutes } from './meta/routes.js';
import type { Services } from './services.js';
import { problemRoutes } from './problems/routes.js';
import { reportRoutes } from './reports/routes.js';
import { schedulerRoutes } from './scheduler/routes.js';
import { settlementRoutes } from './settlement/routes.js';
import { signupRoutes } from './signup/routes.js';
import { sopRoutes } from './sops/routes.js';
import { staffRoutes } from './staff/routes.js';
import { tagRoutes } from './tags/routes.js';
import { tokenRoutes } from './tokens/routes.js';
import { workPlanRoutes } from './work-plan/routes.js';

export async function buildApp(services: Services, config: Pick<Config, 'webDist' | 'logLevel' | 'secureCookies' | 'trustProxy'> & Partial<Pick<Config, 'publicUrl'>>): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  installErrorHandler(app);
  installNulGuard(app);
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: 2 * 1024 * 1024, files: 1, fields: 10, parts: 12 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Qunyun 群运 API', version: '1', description: 'Community operations: members, campaigns, groups, reports. See docs/api-v1.md.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'qy_session' } } },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  installAuthHook(app, services.auth);
  installMemberHook(app, services.memberSessions);

  app.get('/api/health', { schema: { tags: ['meta'], summary: 'Liveness and database check' } }, async () => {
    await services.database.db.selectFrom('workspaces').select('id').limit(1).execute();
    return { status: 'ok', database: services.database.dialect };
  });

  await app.register(async (api) => {
    authRoutes(api, services, { secureCookies: config.secureCookies });
    metaRoutes(api);
    memberRoutes(api, services);
    tagRoutes(api, services);
    campaignRoutes(api, services);
    staffRoutes(api, services);
    tokenRoutes(api, services);
    auditRoutes(api, services);
    groupRoutes(api, services);
    channelRoutes(api, services, { publicUrl: config.publicUrl });
    eventRoutes(api, services);
    checkinRoutes(api, services);
    settlementRoutes(api, services);
    enrollmentRoutes(api, services);
    reportRoutes(api, services);
    goalRoutes(api, services);
    sopRoutes(api, services);
    problemRoutes(api, services);
    incentiveRoutes(api, services);
    workPlanRoutes(api, services);
    alertRoutes(api, services);
    briefingRoutes(api, services);
    schedulerRoutes(api, services);
  }, { prefix: '/api/v1' });
  channelPublicRoutes(app, services, { secureCookies: config.secureCookies });
  signupRoutes(app, services, { secureCookies: config.secureCookies });
  memberEnrollmentRoutes(app, services);
  await paymentHookRoutes(app, services);
  memberCheckinRoutes(app, services);

  await serveConsole(app, config.webDist);
  return app;
}

/** The console is a single-page app: files from dist/, and index.html for any other non-API path. */
async function serveConsole(app: FastifyInstance, webDist: string): Promise<void> {
  const built = fs.existsSync(path.join(webDist, 'index.html'));
  // wildcard: files are looked up per request, so a rebuilt console is served without restarting.
  if (built) await app.register(fastifyStatic, { root: webDist, wildcard: true });
  app.setNotFoundHandler((req, reply) => {
    if (req.method !== 'GET' || req.url.startsWith('/api/')) {
      return reply.status(404).send({ error: { code: 'route.not_found', message: `No route ${req.method} ${req.url.split('?')[0]}` } });
    }
    if (built) return reply.type('text/html; charset=utf-8').sendFile('index.html');
    return reply.type('text/plain; charset=utf-8')
      .send('Qunyun API is running. The console is not built: run `npm run build` (or `npm start`), then reload.');
  });
}
