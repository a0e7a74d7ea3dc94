// PostgreSQL text cannot hold U+0000, and no legitimate input needs it: refuse it at the edge on both
// databases, naming the field, rather than fail deep inside a query.
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';

export function installNulGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    for (const [part, value] of [['body', req.body], ['querystring', req.query], ['params', req.params]] as const) {
      const field = nulField(value, '');
      if (field !== null) {
        const name = field || '(body)';
        throw new AppError(400, 'validation.failed', `Invalid ${part}: ${name}: must not contain NUL characters`, { [name]: 'must not contain NUL characters' });
      }
    }
  });
}

function nulField(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = nulField(inner, path ? `${path}.${key}` : key);
      if (found !== null) return found;
    }
  }
  return null;
}
