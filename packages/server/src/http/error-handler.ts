// Turns every failure into the JSON error envelope: 4xx naming the fields for client faults, 500 only for ours.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorBody } from './errors.js';

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      const body: ErrorBody = { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } };
      return reply.status(error.status).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: Record<string, string> = {};
      for (const issue of error.validation) {
        const keys = (issue.params as { keys?: string[] }).keys;
        if (issue.keyword === 'unrecognized_keys' && keys) {
          for (const key of keys) fields[joinPath(issue.instancePath ?? '', key)] = 'unknown field';
        } else {
          fields[joinPath(issue.instancePath ?? '')] ??= issue.message ?? 'invalid';
        }
      }
      const where = error.validationContext ?? 'request';
      const list = Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('; ');
      return reply.status(400).send({ error: { code: 'validation.failed', message: `Invalid ${where}: ${list}`, fields } });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = status === 413 ? 'request.too_large' : status === 415 ? 'request.unsupported_media_type' : 'request.invalid';
      return reply.status(status).send({ error: { code, message: error.message } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: `Internal error (request ${request.id})` } });
  });

}

function joinPath(instancePath: string, key?: string): string {
  const parts = instancePath.split('/').filter(Boolean);
  if (key) parts.push(key);
  return parts.join('.') || '(body)';
}
