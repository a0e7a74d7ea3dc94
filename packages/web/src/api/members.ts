// Member endpoints: the list, one member's profile and everything hanging off it.
import { api } from './client';
import type {
  AttributeValue,
  AuditEntry,
  Identity,
  IdentityKind,
  Items,
  Member,
  MemberNo,
  MemberSummary,
  Merge,
  NicknameChange,
  Page,
  RecordKind,
  ServiceRecord,
} from './types';

export interface MemberFilter {
  q?: string;
  tagIds?: number[];
  blocked?: boolean;
}

export interface NewMember {
  nickname: string;
  phone?: string;
  identities?: { kind: IdentityKind; value: string }[];
  attributes?: Record<string, AttributeValue>;
}

// Route params may be any text from the URL; the server answers a non-number with a validation error.
const one = (memberNo: MemberNo | string) => `/members/${encodeURIComponent(String(memberNo))}`;

export const membersApi = {
  list: (filter: MemberFilter, cursor: string | null, limit = 50) =>
    api.get<Page<MemberSummary>>('/members', {
      q: filter.q?.trim(),
      tags: filter.tagIds?.length ? filter.tagIds.join(',') : undefined,
      blocked: filter.blocked,
      limit,
      cursor,
    }),
  create: (member: NewMember) => api.post<Member>('/members', member),
  get: (memberNo: MemberNo | string) => api.get<Member>(one(memberNo)),
  update: (memberNo: MemberNo, change: { nickname?: string; attributes?: Record<string, AttributeValue> }) =>
    api.patch<Member>(one(memberNo), change),
  nicknames: (memberNo: MemberNo) => api.get<Items<NicknameChange>>(`${one(memberNo)}/nicknames`),

  addIdentity: (memberNo: MemberNo, kind: IdentityKind, value: string) =>
    api.post<Identity>(`${one(memberNo)}/identities`, { kind, value }),
  removeIdentity: (memberNo: MemberNo, identityId: number) => api.delete(`${one(memberNo)}/identities/${identityId}`),

  addTag: (memberNo: MemberNo, tagId: number) => api.post<Member>(`${one(memberNo)}/tags`, { tagId }),
  removeTag: (memberNo: MemberNo, tagId: number) => api.delete<Member>(`${one(memberNo)}/tags/${tagId}`),

  records: (memberNo: MemberNo, cursor: string | null) =>
    api.get<Page<ServiceRecord>>(`${one(memberNo)}/records`, { cursor, limit: 50 }),
  addRecord: (memberNo: MemberNo, record: { kind: RecordKind; content: string; occurredAt?: string }) =>
    api.post<ServiceRecord>(`${one(memberNo)}/records`, record),

  block: (memberNo: MemberNo, reason: string) => api.post<Member>(`${one(memberNo)}/block`, { reason }),
  unblock: (memberNo: MemberNo, reason?: string) =>
    api.post<Member>(`${one(memberNo)}/unblock`, reason ? { reason } : {}),

  merge: (memberNo: MemberNo, fromMemberNo: MemberNo) =>
    api.post<{ merge: Merge; member: Member }>(`${one(memberNo)}/merge`, { fromMemberNo }),
  merges: (memberNo: MemberNo) => api.get<Items<Merge>>(`${one(memberNo)}/merges`),
  undoMerge: (mergeId: number) => api.post<{ member: Member }>(`/merges/${mergeId}/undo`),

  erase: (memberNo: MemberNo, confirmMemberNo: MemberNo) =>
    api.post<Member>(`${one(memberNo)}/erase`, { confirmMemberNo }),

  audit: (memberNo: MemberNo, cursor: string | null) =>
    api.get<Page<AuditEntry>>(`${one(memberNo)}/audit`, { cursor, limit: 50 }),
};
