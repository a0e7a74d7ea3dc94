// API tokens for integrations. The secret comes back once, from create; lists only show its prefix.
import { api } from './client';
import type { ApiToken, CreatedApiToken, Items } from './types';

export const tokensApi = {
  list: () => api.get<Items<ApiToken>>('/api-tokens'),
  create: (name: string, scopes: string[]) => api.post<CreatedApiToken>('/api-tokens', { name, scopes }),
  revoke: (id: number) => api.delete(`/api-tokens/${id}`),
};
