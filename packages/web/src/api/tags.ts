// Tag groups and tags (the tag catalogue, not a member's tags — those live in members.ts).
import { api } from './client';
import type { Items, Tag, TagGroup } from './types';

export const tagsApi = {
  groups: () => api.get<Items<TagGroup>>('/tag-groups'),
  createGroup: (name: string) => api.post<TagGroup>('/tag-groups', { name }),
  renameGroup: (id: number, name: string) => api.patch<TagGroup>(`/tag-groups/${id}`, { name }),
  deleteGroup: (id: number) => api.delete(`/tag-groups/${id}`),
  createTag: (groupId: number, name: string, color?: string) =>
    api.post<Tag>('/tags', color ? { groupId, name, color } : { groupId, name }),
  updateTag: (id: number, change: { name?: string; color?: string }) => api.patch<Tag>(`/tags/${id}`, change),
  deleteTag: (id: number) => api.delete(`/tags/${id}`),
};
